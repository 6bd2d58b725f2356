import { randomUUID } from 'node:crypto';
import {
  createSqlEventStore,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidReadError,
  type EventData,
  type RecordedEvent,
} from '@samabay/event-store';
import type { SqlDatabase } from '@samabay/sql';
import { dropSchema, randomSchemaName, waitFor } from '../support';

/**
 * Behaviour of the SQL adapter beyond the port's contract (both PostgreSQL and PGlite): duplicate
 * ids across streams, JSON limits of jsonb, schema set-up, read validation, the polling fallback.
 * `database()` returns the file's shared, open database.
 */
export function describeSqlEventStoreSpecifics(name: string, database: () => SqlDatabase): void {
  describe(`SQL event store specifics: ${name}`, () => {
    const schemas: string[] = [];
    async function newStore(options: { pollIntervalMs?: number } = {}) {
      const schema = randomSchemaName('es_sql');
      schemas.push(schema);
      return createSqlEventStore({ db: database(), schema, ...options });
    }
    afterEach(async () => {
      for (const schema of schemas.splice(0)) await dropSchema(database(), schema);
    });

    it('rejects an event id already recorded in another stream with DuplicateEventIdError and appends nothing', async () => {
      const store = await newStore();
      const shared = event();
      await store.appendToStream('member-1', [shared], { expectedRevision: 'no_stream' });
      const rejection = store.appendToStream('member-2', [event(), shared], { expectedRevision: 'no_stream' });
      await expect(rejection).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(rejection).rejects.toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: shared.id, streamId: 'member-2' });
      expect(await store.readStream('member-2')).toEqual([]);
      expect(await store.readAll()).toHaveLength(1);
    });

    it('treats upper-case event ids as the same uuid (idempotent re-append)', async () => {
      const store = await newStore();
      const sent = event();
      await store.appendToStream('member-1', [sent], { expectedRevision: 'no_stream' });
      await store.appendToStream('member-1', [{ ...sent, id: sent.id.toUpperCase() }], { expectedRevision: 'no_stream' });
      expect(await store.readStream('member-1')).toHaveLength(1);
    });

    it('rejects data jsonb cannot hold (NUL characters, non-JSON values) naming the field', async () => {
      const store = await newStore();
      await expect(store.appendToStream('member-1', [event({ text: 'a\u0000b' })], { expectedRevision: 'any' })).rejects.toMatchObject({ field: 'events[0].data' });
      await expect(store.appendToStream('member-1', [event({ amount: 10n })], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.appendToStream('member-1', [{ ...event(), metadata: null as never }], { expectedRevision: 'any' })).rejects.toMatchObject({ field: 'events[0].metadata' });
      await store.appendToStream('member-1', [event({ text: 'a\\u0000b' })], { expectedRevision: 'any' });
      expect((await store.readStream('member-1'))[0].data).toEqual({ text: 'a\\u0000b' });
    });

    it('rejects malformed read options with InvalidReadError naming the field', async () => {
      const store = await newStore();
      await expect(store.readStream('member-1', { maxCount: -1 })).rejects.toMatchObject({ field: 'maxCount' });
      await expect(store.readStream('member-1', { fromRevision: -3 })).rejects.toMatchObject({ field: 'fromRevision' });
      await expect(store.readAll({ fromPosition: { commit: 1, prepare: 2 } as never })).rejects.toBeInstanceOf(InvalidReadError);
      expect(await store.readAll({ maxCount: 0 })).toEqual([]);
    });

    it('creates its schema once: a second store on the same schema sees the same events', async () => {
      const schema = randomSchemaName('es_sql');
      schemas.push(schema);
      const [first, second] = await Promise.all([createSqlEventStore({ db: database(), schema }), createSqlEventStore({ db: database(), schema })]);
      await first.appendToStream('member-1', [event()], { expectedRevision: 'no_stream' });
      expect(await second.readStream('member-1')).toHaveLength(1);
      await expect(createSqlEventStore({ db: database(), schema: 'Bad-Schema' })).rejects.toThrow(/invalid SQL identifier/);
    });

    it('keeps delivering when notifications are lost (polling fallback)', async () => {
      const schema = randomSchemaName('es_sql');
      schemas.push(schema);
      const writer = await createSqlEventStore({ db: database(), schema });
      const reader = await createSqlEventStore({ db: database(), schema, pollIntervalMs: 20 });
      const received: RecordedEvent[] = [];
      const subscription = reader.subscribeToAll();
      const consuming = (async () => {
        for await (const recorded of subscription) received.push(recorded);
      })();
      await writer.appendToStream('member-1', [event()], { expectedRevision: 'no_stream' });
      await waitFor(() => received.length === 1, 'the first event');
      // Appends that bypass the trigger send no NOTIFY: only polling can find them.
      await database().exec(`ALTER TABLE ${schema}.events DISABLE TRIGGER events_notify_appended`);
      await writer.appendToStream('member-1', [event(), event()], { expectedRevision: 0 });
      await waitFor(() => received.length === 3, 'the un-notified events');
      await subscription.close();
      await consuming;
      expect(received.map((recorded) => recorded.revision)).toEqual([0, 1, 2]);
    });
  });
}

/**
 * After the database is closed, every store operation fails with EventStoreUnavailableError (the
 * SqlConnectionError mapped) and a subscription's iteration rejects with it. The store's tables are
 * created in `schema`; the caller drops it (through another connection) if it outlives `db`.
 */
export async function expectUnavailableAfterClose(db: SqlDatabase, schema = randomSchemaName('es_sql')): Promise<void> {
  const store = await createSqlEventStore({ db, schema });
  const subscription = store.subscribeToAll();
  const iterator = subscription[Symbol.asyncIterator]();
  await db.close();
  await expect(store.appendToStream('member-1', [event()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
  await expect(store.readStream('member-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
  await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  await expect(iterator.next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  await subscription.close();
}

function event(data: unknown = { paise: 1000 }): EventData {
  return { id: randomUUID(), type: 'SharesPurchased', data, metadata: { correlationId: randomUUID() } };
}
