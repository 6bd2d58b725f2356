import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import type { IdempotencyRecord } from '@samabay/domain-kit';
import { createSqlIdempotencyStore } from './sql-idempotency-store';

const postgresUrl = process.env.SAMABAY_TEST_POSTGRES_URL?.trim();

function record(overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return {
    idempotencyKey: 'client-key-0001',
    scope: 'command',
    commandType: 'PurchaseShares',
    commandHash: 'a'.repeat(64),
    answer: {
      streamId: 'member-SNG-000001',
      nextExpectedRevision: 3,
      position: 'C:12/P:7',
      eventIds: ['0b8d5f0e-8f8e-5a57-9a3e-4f5f7c0f8c11'],
      events: [{ type: 'SharesPurchased', data: { shares: 2, paise: 2000, nested: { list: [1, 'two', null] } } }],
    },
    recordedAt: '2025-04-01T05:30:00.000Z',
    ...overrides,
  };
}

function suite(name: string, open: () => Promise<SqlDatabase>, enabled = true): void {
  (enabled ? describe : describe.skip)(`createSqlIdempotencyStore on ${name}${enabled ? '' : ' [skipped: set SAMABAY_TEST_POSTGRES_URL]'}`, () => {
    let db: SqlDatabase;
    const schema = `idem_${randomBytes(6).toString('hex')}`;

    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    });

    it('finds nothing for an unknown key, then returns the record as written', async () => {
      const store = await createSqlIdempotencyStore({ db, schema });
      expect(await store.find('client-key-0001', 'command')).toBeNull();
      expect(await store.record(record())).toEqual(record());
      expect(await store.find('client-key-0001', 'command')).toEqual(record());
      expect(await store.find('client-key-0001', 'other-scope')).toBeNull();
    });

    it('keeps the first record of a key and scope and returns it to a later writer', async () => {
      const store = await createSqlIdempotencyStore({ db, schema });
      const first = record({ idempotencyKey: 'client-key-0002' });
      const second = record({ idempotencyKey: 'client-key-0002', commandHash: 'b'.repeat(64), answer: { ...first.answer, nextExpectedRevision: 9 } });
      await store.record(first);
      expect(await store.record(second)).toEqual(first);
      expect(await store.find('client-key-0002', 'command')).toEqual(first);
    });

    it('ends concurrent writers of one key with one record, which every writer is told', async () => {
      const store = await createSqlIdempotencyStore({ db, schema });
      const writers = Array.from({ length: 8 }, (_, index) => record({ idempotencyKey: 'client-key-0003', commandHash: String(index).repeat(64) }));
      const results = await Promise.all(writers.map((writer) => store.record(writer)));
      expect(new Set(results.map((result) => result.commandHash)).size).toBe(1);
      expect(await store.find('client-key-0003', 'command')).toEqual(results[0]);
    });

    it('finds and records many at once, in order, keeping records written earlier', async () => {
      const store = await createSqlIdempotencyStore({ db, schema });
      const earlier = record({ idempotencyKey: 'client-key-0010' });
      await store.record(earlier);
      const batch = [
        record({ idempotencyKey: 'client-key-0011' }),
        record({ idempotencyKey: 'client-key-0010', commandHash: 'c'.repeat(64) }),
        record({ idempotencyKey: 'client-key-0011', scope: 'other-scope' }),
      ];
      expect(await store.findMany(batch)).toEqual([null, earlier, null]);
      expect(await store.recordMany(batch)).toEqual([batch[0], earlier, batch[2]]);
      expect(await store.findMany(batch)).toEqual([batch[0], earlier, batch[2]]);
      expect(await store.findMany([])).toEqual([]);
      expect(await store.recordMany([])).toEqual([]);
    });

    it('creates its table idempotently, also from two stores starting together', async () => {
      const other = `${schema}_b`;
      try {
        const [a, b] = await Promise.all([createSqlIdempotencyStore({ db, schema: other }), createSqlIdempotencyStore({ db, schema: other })]);
        await a.record(record());
        expect(await b.find('client-key-0001', 'command')).toEqual(record());
      } finally {
        await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(other)} CASCADE`);
      }
    });

    it('refuses an invalid schema name', async () => {
      await expect(createSqlIdempotencyStore({ db, schema: 'Bad-Name' })).rejects.toThrow(/invalid SQL identifier/);
    });
  });
}

suite('PGlite', () => openPglite({}));
suite('PostgreSQL', () => openPostgres({ connectionString: postgresUrl ?? '' }), postgresUrl !== undefined && postgresUrl !== '');
