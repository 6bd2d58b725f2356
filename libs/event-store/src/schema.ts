import { quoteIdentifier, type SqlDatabase } from '@samabay/sql';

/** Qualified table names and the NOTIFY channel of one event-store schema. */
export interface EventStoreTables {
  readonly schema: string;
  readonly events: string;
  readonly streams: string;
  /** Channel notified (empty payload) by every transaction that appends; at most 63 characters. */
  readonly channel: string;
}

/** Names the tables of `schema` (a lower-case identifier; throws Error otherwise). */
export function eventStoreTables(schema: string): EventStoreTables {
  const quoted = quoteIdentifier(schema);
  return { schema, events: `${quoted}.events`, streams: `${quoted}.streams`, channel: `es_${schema}`.slice(0, 63) };
}

/**
 * Creates the schema, tables, index and notify trigger if absent (idempotent; serialised by an
 * advisory lock so that several processes may start at once).
 *
 * - events.sequence: global insertion counter (the `prepare` part of a position);
 * - events.tx: the appending transaction's id (xid8, the `commit` part). Readers of `$all` only
 *   return rows with tx below the oldest transaction still in flight (pg_snapshot_xmin), so a
 *   transaction that commits late can never expose a position below one a reader has passed;
 * - streams.revision: the stream's last revision, locked (FOR UPDATE) by every append to it.
 */
export async function ensureEventStoreSchema(db: SqlDatabase, tables: EventStoreTables): Promise<void> {
  const schema = quoteIdentifier(tables.schema);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samabay.event-store.${tables.schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${tables.streams} (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL CHECK (revision >= 0)
      );
      CREATE TABLE IF NOT EXISTS ${tables.events} (
        sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision)
      );
      CREATE INDEX IF NOT EXISTS events_global_order ON ${tables.events} (tx, sequence);
      CREATE OR REPLACE FUNCTION ${schema}.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${tables.channel}', '');
        RETURN NULL;
      END $$;
      CREATE OR REPLACE TRIGGER events_notify_appended AFTER INSERT ON ${tables.events}
        FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.notify_appended();
    `);
  });
}
