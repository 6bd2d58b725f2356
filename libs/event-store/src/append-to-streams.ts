import { DuplicateEventIdError, WrongExpectedRevisionError, type ExpectedRevision, type StreamAppendResult } from '@samabay/domain-kit';
import type { SqlDatabase, SqlExecutor } from '@samabay/sql';
import { satisfies, type BeforeCommitHook } from './append';
import type { EventStoreTables } from './schema';
import type { SerialisedEvent, SerialisedStreamAppend } from './validation';

/** Events per INSERT statement inside the one transaction (bounds the size of one JSON parameter). */
const EVENTS_PER_INSERT = 2000;
/** Transactions tried when another writer records one of the batch's event ids between check and insert. */
const MAX_ATTEMPTS = 3;

/** Raised inside the transaction when an event id was recorded by a concurrent writer after the check; retried. */
class EventIdRacedIn extends Error {}

interface RecordedId {
  event_id: string;
  stream_id: string;
  revision: string;
  tx: string;
  sequence: string;
}

/**
 * The multi-stream append of the SQL adapter (EventStore.appendToStreams): one transaction that
 * 1. locks every named stream row (sorted by stream id, so two batches cannot deadlock on existing
 *    streams) and creates, with their final revision, the missing streams that may be created;
 * 2. looks up which of the batch's event ids are already recorded (one query);
 * 3. judges each part like a single append: expectation met and no id recorded → new; all ids
 *    recorded consecutively where the expectation puts them → idempotent retry (original result,
 *    nothing written); otherwise WrongExpectedRevisionError (expectation not met) or
 *    DuplicateEventIdError (ids recorded elsewhere) naming the stream, and the whole batch rolls back;
 * 4. advances the stream rows and inserts all new events in batch order (a few multi-row INSERTs).
 * Statements per call: a handful, whatever the number of streams. Connection failures surface as
 * SqlConnectionError from the database.
 */
export async function appendToStreams(
  db: SqlDatabase,
  tables: EventStoreTables,
  parts: readonly SerialisedStreamAppend[],
  beforeCommit?: BeforeCommitHook,
): Promise<StreamAppendResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => appendInTransaction(tx, tables, parts, beforeCommit));
    } catch (error) {
      if (!(error instanceof EventIdRacedIn) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function appendInTransaction(tx: SqlExecutor, tables: EventStoreTables, parts: readonly SerialisedStreamAppend[], beforeCommit?: BeforeCommitHook): Promise<StreamAppendResult[]> {
  const { revisions, created } = await lockStreams(tx, tables, parts);
  const recorded = await recordedIds(tx, tables, parts);
  const results: Array<StreamAppendResult | undefined> = new Array(parts.length);
  const fresh: Array<{ index: number; part: SerialisedStreamAppend; current: number }> = [];
  parts.forEach((part, index) => {
    const current = revisions.get(part.streamId) ?? -1;
    const met = satisfies(part.expected, current);
    const anyRecorded = part.events.some((event) => recorded.has(event.id));
    if (met && !anyRecorded) {
      fresh.push({ index, part, current });
      return;
    }
    const retried = idempotentResult(recorded, part);
    if (retried) {
      results[index] = retried;
      return;
    }
    if (!met) throw new WrongExpectedRevisionError(part.streamId, part.expected, current < 0 ? 'no_stream' : current);
    throw new DuplicateEventIdError(part.streamId, part.events.find((event) => recorded.has(event.id))!.id);
  });
  if (fresh.length === 0) return results as StreamAppendResult[];

  const advanced = fresh.filter(({ part }) => !created.has(part.streamId));
  if (advanced.length > 0) {
    await tx.query(
      `UPDATE ${tables.streams} AS s SET revision = v.revision
       FROM unnest($1::text[], $2::bigint[]) AS v(stream_id, revision) WHERE s.stream_id = v.stream_id`,
      [advanced.map(({ part }) => part.streamId), advanced.map(({ part, current }) => String(current + part.events.length))],
    );
  }
  const rows = await insertEvents(tx, tables, fresh);
  const { rows: txRows } = await tx.query<{ tx: string }>('SELECT pg_current_xact_id()::text AS tx');
  const commit = BigInt(txRows[0].tx);
  for (const { index, part } of fresh) {
    const last = rows.get(part.streamId);
    if (!last) throw new EventIdRacedIn();
    results[index] = { streamId: part.streamId, nextExpectedRevision: Number(last.revision), position: { commit, prepare: BigInt(last.sequence) } };
  }
  for (const { part } of fresh) await beforeCommit?.({ streamId: part.streamId, eventIds: part.events.map((event) => event.id) });
  return results as StreamAppendResult[];
}

/**
 * Locks the rows of the named streams (FOR UPDATE, in stream-id order) and returns their revisions
 * (-1 = no stream). Missing streams whose expectation allows creating them are inserted with the
 * final revision of their part (`created`); a concurrent creator that committed meanwhile makes the
 * INSERT do nothing, and that row is then locked like the others.
 */
async function lockStreams(tx: SqlExecutor, tables: EventStoreTables, parts: readonly SerialisedStreamAppend[]): Promise<{ revisions: Map<string, number>; created: Set<string> }> {
  const revisions = new Map<string, number>();
  const created = new Set<string>();
  let pending = [...parts].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  while (pending.length > 0) {
    const { rows } = await tx.query<{ stream_id: string; revision: string }>(
      `SELECT stream_id, revision::text AS revision FROM ${tables.streams} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE`,
      [pending.map((part) => part.streamId)],
    );
    for (const row of rows) revisions.set(row.stream_id, Number(row.revision));
    const creatable = pending.filter((part) => !revisions.has(part.streamId) && satisfies(part.expected, -1));
    if (creatable.length === 0) break;
    const inserted = await tx.query<{ stream_id: string }>(
      `INSERT INTO ${tables.streams} (stream_id, revision)
       SELECT v.stream_id, v.revision FROM unnest($1::text[], $2::bigint[]) AS v(stream_id, revision) ORDER BY v.stream_id
       ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`,
      [creatable.map((part) => part.streamId), creatable.map((part) => String(part.events.length - 1))],
    );
    for (const row of inserted.rows) {
      created.add(row.stream_id);
      revisions.set(row.stream_id, -1);
    }
    pending = creatable.filter((part) => !created.has(part.streamId));
  }
  return { revisions, created };
}

async function recordedIds(tx: SqlExecutor, tables: EventStoreTables, parts: readonly SerialisedStreamAppend[]): Promise<Map<string, RecordedId>> {
  const ids = parts.flatMap((part) => part.events.map((event) => event.id));
  const { rows } = await tx.query<RecordedId>(
    `SELECT event_id::text AS event_id, stream_id, revision::text AS revision, tx::text AS tx, sequence::text AS sequence
     FROM ${tables.events} WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.event_id, row]));
}

/** Inserts the new parts' events in batch order; returns each stream's last inserted revision and sequence. */
async function insertEvents(
  tx: SqlExecutor,
  tables: EventStoreTables,
  fresh: ReadonlyArray<{ part: SerialisedStreamAppend; current: number }>,
): Promise<Map<string, { revision: string; sequence: string }>> {
  const rows: Array<{ streamId: string; revision: number; event: SerialisedEvent }> = fresh.flatMap(({ part, current }) =>
    part.events.map((event, offset) => ({ streamId: part.streamId, revision: current + 1 + offset, event })),
  );
  const last = new Map<string, { revision: string; sequence: string }>();
  for (let start = 0; start < rows.length; start += EVENTS_PER_INSERT) {
    const chunk = rows.slice(start, start + EVENTS_PER_INSERT);
    const json = `[${chunk
      .map(({ streamId, revision, event }) => `{"s":${JSON.stringify(streamId)},"r":${revision},"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"data":${event.dataJson},"metadata":${event.metadataJson}}`)
      .join(',')}]`;
    const result = await tx.query<{ stream_id: string; revision: string; sequence: string; count: string }>(
      `WITH inserted AS (
         INSERT INTO ${tables.events} (stream_id, revision, event_id, type, data, metadata)
         SELECT e.value->>'s', (e.value->>'r')::bigint, (e.value->>'id')::uuid, e.value->>'type', e.value->'data', e.value->'metadata'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, ord)
         ORDER BY e.ord
         ON CONFLICT (event_id) DO NOTHING
         RETURNING stream_id, revision, sequence)
       SELECT stream_id, max(revision)::text AS revision, max(sequence)::text AS sequence, count(*)::text AS count FROM inserted GROUP BY stream_id`,
      [json],
    );
    const inserted = result.rows.reduce((sum, row) => sum + Number(row.count), 0);
    if (inserted < chunk.length) throw new EventIdRacedIn();
    for (const row of result.rows) last.set(row.stream_id, { revision: row.revision, sequence: row.sequence });
  }
  return last;
}

/** The part's original result when all its ids are recorded in its stream, consecutively, where its expectation puts them. */
function idempotentResult(recorded: ReadonlyMap<string, RecordedId>, part: SerialisedStreamAppend): StreamAppendResult | undefined {
  const rows = part.events.map((event) => recorded.get(event.id));
  if (rows.some((row) => row === undefined || row.stream_id !== part.streamId)) return undefined;
  const revisions = rows.map((row) => Number(row!.revision));
  if (revisions.some((revision, index) => revision !== revisions[0] + index)) return undefined;
  const first = revisions[0];
  const expected = part.expected;
  const placed = expected === 'any' || expected === 'stream_exists' || (expected === 'no_stream' ? first === 0 : first === expected + 1);
  if (!placed) return undefined;
  const last = rows[rows.length - 1]!;
  return { streamId: part.streamId, nextExpectedRevision: Number(last.revision), position: { commit: BigInt(last.tx), prepare: BigInt(last.sequence) } };
}
