import { randomBytes } from 'node:crypto';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { CommandHandler, type CommandContext, type Decider, type DomainEvent, type IdempotencyRecord, type IdempotencyStore } from '@samabay/domain-kit';
import { createSqlIdempotencyStore } from './sql-idempotency-store';
import { createSqlSnapshotStore } from './sql-snapshot-store';

// The command handler on the real SQL adapters (event store + idempotency records), two handlers
// standing for two processes. A tiny tally decider: each command adds to a running total.
type Added = DomainEvent<'Added', { amount: number; total: number }>;
const tally: Decider<{ amount: number }, Added, number> = {
  initialState: 0,
  evolve: (_, event) => event.data.total,
  decide: (command, total) => [{ type: 'Added', data: { amount: command.amount, total: total + command.amount } }],
};

const postgresUrl = process.env.SAMABAY_TEST_POSTGRES_URL?.trim();

function context(idempotencyKey: string): CommandContext {
  return { idempotencyKey, businessDate: '2025-04-01', actor: { userId: 'teller-7', role: 'teller', branchCode: 'SNG' } };
}

function suite(name: string, open: () => Promise<SqlDatabase>, enabled = true): void {
  (enabled ? describe : describe.skip)(`CommandHandler on the SQL event store (${name})${enabled ? '' : ' [skipped: set SAMABAY_TEST_POSTGRES_URL]'}`, () => {
    let db: SqlDatabase;
    let store: EventStore;
    let idempotency: IdempotencyStore;
    const schema = `kit_${randomBytes(6).toString('hex')}`;
    const handler = (options: { idempotency?: IdempotencyStore; maxAttempts?: number } = {}) =>
      new CommandHandler({ store, idempotency: options.idempotency ?? idempotency, clock: () => new Date('2025-04-01T04:00:00Z'), maxAttempts: options.maxAttempts });
    const add = (h: CommandHandler, streamId: string, key: string, amount: number) => h.execute({ decider: tally, streamId, commandType: 'add', command: { amount }, context: context(key) });

    beforeAll(async () => {
      db = await open();
      store = await createSqlEventStore({ db, schema: `${schema}_events` });
      idempotency = await createSqlIdempotencyStore({ db, schema: `${schema}_commands` });
    });
    afterAll(async () => {
      await store.close();
      await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(`${schema}_events`)} CASCADE; DROP SCHEMA IF EXISTS ${quoteIdentifier(`${schema}_commands`)} CASCADE`);
      await db.close();
    });

    it('accepts, then replays a repeated key without appending', async () => {
      const h = handler();
      const first = await add(h, 'tally-a', 'tally-key-0001', 5);
      const again = await add(handler(), 'tally-a', 'tally-key-0001', 5);
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store.readStream('tally-a')).toHaveLength(1);
      await expect(add(h, 'tally-a', 'tally-key-0001', 6)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('recognises a command appended before a crash, from the stream', async () => {
      const crashing: IdempotencyStore = {
        find: (key, scope) => idempotency.find(key, scope),
        findMany: (keys) => idempotency.findMany(keys),
        record: async (_: IdempotencyRecord) => {
          throw new Error('simulated crash');
        },
        recordMany: async () => {
          throw new Error('simulated crash');
        },
      };
      await expect(add(handler({ idempotency: crashing }), 'tally-b', 'tally-key-0002', 7)).rejects.toThrow('simulated crash');
      const answer = await add(handler(), 'tally-b', 'tally-key-0002', 7);
      expect(answer).toMatchObject({ replayed: true, nextExpectedRevision: 0, events: [{ type: 'Added', data: { amount: 7, total: 7 } }] });
      expect(await store.readStream('tally-b')).toHaveLength(1);
      expect(await idempotency.find('tally-key-0002', 'command')).not.toBeNull();
    });

    it('executes a batch over many streams in one append, and a repeat replays it', async () => {
      const h = handler();
      const batch = Array.from({ length: 30 }, (_, index) => ({ decider: tally, streamId: `tally-batch-${index}`, commandType: 'add', command: { amount: index }, context: context(`tally-batch-key-${index}`) }));
      const first = await h.executeBatch(batch);
      expect(first.every((result) => result.status === 'accepted' && !result.accepted.replayed)).toBe(true);
      const again = await handler().executeBatch(batch);
      expect(again.every((result) => result.status === 'accepted' && result.accepted.replayed)).toBe(true);
      expect((await store.readStreams(batch.map((request) => ({ streamId: request.streamId })))).get('tally-batch-29')).toHaveLength(1);
    });

    it('keeps the latest snapshot per stream and version, and loads from it', async () => {
      const snapshots = await createSqlSnapshotStore({ db, schema: `${schema}_commands` });
      await snapshots.save({ streamId: 'tally-s', revision: 4, version: 'v1', state: 10, recentEventIds: [['a', 4]] });
      await snapshots.save({ streamId: 'tally-s', revision: 9, version: 'v1', state: 45, recentEventIds: [['b', 9]] });
      await snapshots.save({ streamId: 'tally-s', revision: 9, version: 'v1', state: 45, recentEventIds: [['b', 9]] });
      await snapshots.save({ streamId: 'tally-s', revision: 2, version: 'v2', state: 3, recentEventIds: [] });
      const latest = await snapshots.latest(['tally-s', 'tally-none'], 'v1');
      expect([...latest.values()]).toEqual([{ streamId: 'tally-s', revision: 9, version: 'v1', state: 45, recentEventIds: [['b', 9]] }]);
      expect((await snapshots.latest(['tally-s'], 'v2')).get('tally-s')?.revision).toBe(2);
      expect(await snapshots.latest(['tally-s'], 'v3')).toEqual(new Map());

      const snapshotting = { ...tally, snapshotVersion: 'tally-v1' };
      const withSnapshots = () =>
        new CommandHandler({ store, idempotency, clock: () => new Date('2025-04-01T04:00:00Z'), snapshots: { store: snapshots, every: 4 } });
      const writer = withSnapshots();
      for (let index = 1; index <= 10; index += 1) {
        await writer.execute({ decider: snapshotting, streamId: 'tally-long', commandType: 'add', command: { amount: index }, context: context(`tally-long-${index}`) });
      }
      await writer.flushSnapshots();
      expect((await snapshots.latest(['tally-long'], 'tally-v1')).get('tally-long')).toMatchObject({ revision: 7, state: 36 });
      const answer = await withSnapshots().execute({ decider: snapshotting, streamId: 'tally-long', commandType: 'add', command: { amount: 11 }, context: context('tally-long-11') });
      expect(answer.events[0].data).toEqual({ amount: 11, total: 66 });
    });

    it('loses no update when two processes write one stream concurrently', async () => {
      const [one, two] = [handler({ maxAttempts: 50 }), handler({ maxAttempts: 50 })];
      await Promise.all(
        Array.from({ length: 20 }, (_, index) => add(index % 2 === 0 ? one : two, 'tally-c', `tally-c-key-${String(index).padStart(4, '0')}`, index + 1)),
      );
      const events = await store.readStream('tally-c');
      expect(events).toHaveLength(20);
      expect(events[19].data).toMatchObject({ total: 210 });
      const data = events.map((event) => event.data as { amount: number; total: number });
      data.forEach((added, index) => expect(added.total).toBe((index === 0 ? 0 : data[index - 1].total) + added.amount));
    });
  });
}

suite('PGlite', () => openPglite({}));
suite('PostgreSQL', () => openPostgres({ connectionString: postgresUrl ?? '' }), postgresUrl !== undefined && postgresUrl !== '');
