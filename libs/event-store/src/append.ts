import { DuplicateEventIdError, WrongExpectedRevisionError, type AppendResult, type ExpectedRevision } from '@samabay/domain-kit';
import type { SqlDatabase, SqlExecutor } from '@samabay/sql';
import type { EventStoreTables } from './schema';
import type { SerialisedEvent } from './validation';

/** Test-only hook, awaited inside the append transaction just before COMMIT (see createSqlEventStore). */
export type BeforeCommitHook = (append: { readonly streamId: string; readonly eventIds: readonly string[] }) => Promise<void>;

/** Raised inside the transaction to roll it back when an event id already exists; resolved outside. */
class EventIdsAlreadyRecorded extends Error {}

/**
 * Appends a validated batch atomically with the expected-revision check under the stream's row
 * lock. Outcomes: new events written (one transaction; the trigger NOTIFYs on commit); an
 * idempotent retry (all ids already recorded consecutively in this stream where `expected` puts
 * them) returns the original result and writes nothing; otherwise WrongExpectedRevisionError
 * (expectation not met) or DuplicateEventIdError (ids recorded elsewhere), with nothing written.
 * Connection failures surface as SqlConnectionError from the database.
 */
export async function appendEvents(
  db: SqlDatabase,
  tables: EventStoreTables,
  streamId: string,
  events: readonly SerialisedEvent[],
  expected: ExpectedRevision,
  beforeCommit?: BeforeCommitHook,
): Promise<AppendResult> {
  try {
    return await db.transaction(async (tx) => {
      const current = await lockStream(tx, tables, streamId, expected, events.length);
      if (!satisfies(expected, current)) {
        const retried = await idempotentResult(tx, tables, streamId, events, expected);
        if (retried) return retried;
        throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
      }
      const result = await insertEvents(tx, tables, streamId, events, current);
      await beforeCommit?.({ streamId, eventIds: events.map((event) => event.id) });
      return result;
    });
  } catch (error) {
    if (!(error instanceof EventIdsAlreadyRecorded)) throw error;
    // Recorded events never change, so deciding after the rollback is safe.
    const retried = await idempotentResult(db, tables, streamId, events, expected);
    if (retried) return retried;
    throw await duplicateOrWrongRevision(db, tables, streamId, events, expected);
  }
}

/**
 * Locks the stream row and returns its revision (-1 = no stream). When the stream is new and the
 * append may create it, inserts the row with the batch's final revision right away: a concurrent
 * creator then waits on that row and, once this transaction commits, re-reads and finds the stream
 * (→ WrongExpectedRevisionError rather than a unique-violation crash).
 */
async function lockStream(tx: SqlExecutor, tables: EventStoreTables, streamId: string, expected: ExpectedRevision, count: number): Promise<number> {
  for (;;) {
    const locked = await tx.query<{ revision: string }>(`SELECT revision::text AS revision FROM ${tables.streams} WHERE stream_id = $1 FOR UPDATE`, [streamId]);
    if (locked.rows.length > 0) {
      const current = Number(locked.rows[0].revision);
      if (satisfies(expected, current)) await tx.query(`UPDATE ${tables.streams} SET revision = $2 WHERE stream_id = $1`, [streamId, current + count]);
      return current;
    }
    if (!satisfies(expected, -1)) return -1;
    const created = await tx.query(
      `INSERT INTO ${tables.streams} (stream_id, revision) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING RETURNING 1`,
      [streamId, count - 1],
    );
    if (created.rows.length > 0) return -1;
    // Another transaction created the stream and committed meanwhile: lock its row instead.
  }
}

/** Whether a stream at `current` (-1 = no stream) meets the expected revision of an append (DESIGN §3). */
export function satisfies(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current < 0;
    case 'stream_exists':
      return current >= 0;
    default:
      return current === expected;
  }
}

async function insertEvents(tx: SqlExecutor, tables: EventStoreTables, streamId: string, events: readonly SerialisedEvent[], current: number): Promise<AppendResult> {
  const batch = `[${events.map((event) => `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"data":${event.dataJson},"metadata":${event.metadataJson}}`).join(',')}]`;
  const { rows } = await tx.query<{ tx: string; sequence: string; revision: string }>(
    `INSERT INTO ${tables.events} (stream_id, revision, event_id, type, data, metadata)
     SELECT $1, $2::bigint + e.ord, (e.value->>'id')::uuid, e.value->>'type', e.value->'data', e.value->'metadata'
     FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(value, ord)
     ORDER BY e.ord
     ON CONFLICT (event_id) DO NOTHING
     RETURNING tx::text AS tx, sequence::text AS sequence, revision::text AS revision`,
    [streamId, current, batch],
  );
  if (rows.length < events.length) throw new EventIdsAlreadyRecorded();
  const last = rows.reduce((a, b) => (BigInt(a.sequence) > BigInt(b.sequence) ? a : b));
  return { nextExpectedRevision: Number(last.revision), position: { commit: BigInt(last.tx), prepare: BigInt(last.sequence) } };
}

interface RecordedId {
  event_id: string;
  stream_id: string;
  revision: string;
  tx: string;
  sequence: string;
}

async function recordedIds(db: SqlExecutor, tables: EventStoreTables, events: readonly SerialisedEvent[]): Promise<Map<string, RecordedId>> {
  const { rows } = await db.query<RecordedId>(
    `SELECT event_id::text AS event_id, stream_id, revision::text AS revision, tx::text AS tx, sequence::text AS sequence
     FROM ${tables.events} WHERE event_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
    [JSON.stringify(events.map((event) => event.id))],
  );
  return new Map(rows.map((row) => [row.event_id, row]));
}

/**
 * KurrentDB's idempotency rule: every id is already in this stream, at consecutive revisions in
 * batch order, starting where `expected` would have put the batch. Returns that append's result.
 */
async function idempotentResult(db: SqlExecutor, tables: EventStoreTables, streamId: string, events: readonly SerialisedEvent[], expected: ExpectedRevision): Promise<AppendResult | undefined> {
  const recorded = await recordedIds(db, tables, events);
  const rows = events.map((event) => recorded.get(event.id));
  if (rows.some((row) => row === undefined || row.stream_id !== streamId)) return undefined;
  const revisions = rows.map((row) => Number(row!.revision));
  if (revisions.some((revision, index) => revision !== revisions[0] + index)) return undefined;
  const first = revisions[0];
  const placed = expected === 'any' || expected === 'stream_exists' || (expected === 'no_stream' ? first === 0 : first === expected + 1);
  if (!placed) return undefined;
  const last = rows[rows.length - 1]!;
  return { nextExpectedRevision: Number(last.revision), position: { commit: BigInt(last.tx), prepare: BigInt(last.sequence) } };
}

async function duplicateOrWrongRevision(db: SqlExecutor, tables: EventStoreTables, streamId: string, events: readonly SerialisedEvent[], expected: ExpectedRevision): Promise<Error> {
  const recorded = await recordedIds(db, tables, events);
  const duplicate = events.find((event) => recorded.has(event.id));
  if (duplicate) return new DuplicateEventIdError(streamId, duplicate.id);
  // The conflicting ids vanished: impossible for committed events; report the stream's state.
  const { rows } = await db.query<{ revision: string }>(`SELECT revision::text AS revision FROM ${tables.streams} WHERE stream_id = $1`, [streamId]);
  return new WrongExpectedRevisionError(streamId, expected, rows.length ? Number(rows[0].revision) : 'no_stream');
}
