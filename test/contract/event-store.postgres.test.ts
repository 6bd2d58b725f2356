import { randomUUID } from 'node:crypto';
import { createSqlEventStore, type RecordedEvent } from '@samabay/event-store';
import { openPostgres, SqlConnectionError, type SqlDatabase } from '@samabay/sql';
import { describeIfEnv, dropSchema, postgresTestUrl, randomSchemaName, waitFor, POSTGRES_URL_VARIABLE } from '../support';
import { describeEventStoreContract } from './event-store.contract';
import { describeSqlDatabaseContract, expectClosedDatabaseFails } from './sql-database.contract';
import { describeSqlEventStoreSpecifics, expectUnavailableAfterClose } from './sql-event-store.specifics';

describeIfEnv(POSTGRES_URL_VARIABLE, 'PostgreSQL event store', () => {
  // One pool for the file; every test gets its own randomly named schema, dropped afterwards.
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openPostgres({ connectionString: postgresTestUrl()!, maxConnections: 12 });
  });
  afterAll(async () => {
    await db?.close();
  });

  describeEventStoreContract('PostgreSQL (pg)', async (options) => {
    const schema = randomSchemaName('es_contract');
    const store = await createSqlEventStore({ db, schema, pollIntervalMs: 50, beforeCommit: options?.beforeCommit });
    return { store, cleanup: () => dropSchema(db, schema) };
  });
  describeSqlDatabaseContract('PostgreSQL (pg)', () => db);
  describeSqlEventStoreSpecifics('PostgreSQL (pg)', () => db);

  describe('PostgreSQL specifics', () => {
    it('an unrelated long transaction delays live events but never loses them (polling after it ends)', async () => {
      const schema = randomSchemaName('es_pg');
      const store = await createSqlEventStore({ db, schema, pollIntervalMs: 20 });
      const other = await openPostgres({ connectionString: postgresTestUrl()!, maxConnections: 1 });
      try {
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll();
        const consuming = (async () => {
          for await (const recorded of subscription) received.push(recorded);
        })();
        let release!: () => void;
        let holding!: () => void;
        const held = new Promise<void>((resolve) => (holding = resolve));
        // A transaction with an xid that writes no event and sends no notification.
        const unrelated = other.transaction(async (tx) => {
          await tx.query('SELECT pg_current_xact_id()');
          holding();
          await new Promise<void>((resolve) => (release = resolve));
        });
        await held;
        const sent = { id: randomUUID(), type: 'MemberAdmitted', data: {}, metadata: {} };
        await store.appendToStream('member-1', [sent], { expectedRevision: 'no_stream' });
        expect(await store.readAll()).toEqual([]); // not settled while an older transaction runs
        release();
        await unrelated;
        await waitFor(() => received.length === 1, 'the event once the unrelated transaction ended');
        expect(received[0].id).toBe(sent.id);
        await subscription.close();
        await consuming;
      } finally {
        await other.close();
        await dropSchema(db, schema);
      }
    });

    it('a connection lost inside a transaction fails with SqlConnectionError and the pool recovers', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      ).rejects.toBeInstanceOf(SqlConnectionError);
      expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('after close, event-store calls fail with EventStoreUnavailableError and queries with SqlConnectionError', async () => {
      const closing = await openPostgres({ connectionString: postgresTestUrl()!, maxConnections: 2 });
      const schema = randomSchemaName('es_pg');
      try {
        await expectUnavailableAfterClose(closing, schema);
        await expectClosedDatabaseFails(closing);
      } finally {
        await dropSchema(db, schema);
      }
    });
  });
});
