import { InvalidReadError, type Position, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent, type StreamRead } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { EventStoreTables } from './schema';

/** An events row as selected by {@link selectColumns}: bigints and xid8 as text. */
export interface EventRow {
  sequence: string;
  tx: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date | string;
}

/** Columns of {@link EventRow} from `events AS e`. ORDER BY must name `e.` columns: the text aliases would sort as text. */
export const selectColumns = 'e.sequence::text AS sequence, e.tx::text AS tx, e.stream_id, e.revision::text AS revision, e.event_id::text AS event_id, e.type, e.data, e.metadata, e.recorded_at';

/**
 * Only rows of transactions older than every transaction still in flight: those can no longer
 * change, so a reader that passed a position never sees a lower one appear later (the
 * Marten #4952 / Emmett #336 bug class). An unrelated long transaction delays visibility, it never
 * hides an event for good.
 */
export const settledOnly = 'e.tx < pg_snapshot_xmin(pg_current_snapshot())';

/** Maps a row to a RecordedEvent; position = { commit: tx, prepare: sequence }. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: { commit: BigInt(row.tx), prepare: BigInt(row.sequence) },
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}

/** Reads one stream per {@link ReadStreamOptions}; throws InvalidReadError for a malformed option. */
export async function readStream(db: SqlExecutor, tables: EventStoreTables, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') throw new InvalidReadError('direction', `direction must be 'forwards' or 'backwards'`);
  const limit = maxCountOf(options.maxCount);
  if (limit === 0) return [];
  const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  if (from !== 'start' && from !== 'end' && !(Number.isSafeInteger(from) && from >= 0)) {
    throw new InvalidReadError('fromRevision', `fromRevision must be 'start', 'end' or an integer ≥ 0`);
  }
  const bound = from === 'start' ? 0 : from === 'end' ? null : from;
  const comparison = direction === 'forwards' ? '>=' : '<=';
  const order = direction === 'forwards' ? 'ASC' : 'DESC';
  const { rows } = await db.query<EventRow>(
    `SELECT ${selectColumns} FROM ${tables.events} AS e
     WHERE e.stream_id = $1 AND ($2::bigint IS NULL OR e.revision ${comparison} $2::bigint)
     ORDER BY e.revision ${order} LIMIT $3`,
    [streamId, bound, limit],
  );
  return rows.map(toRecordedEvent);
}

/** Reads several streams forwards to their end, each from its own revision, in one query (see EventStore.readStreams). */
export async function readStreams(db: SqlExecutor, tables: EventStoreTables, reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>> {
  if (!Array.isArray(reads)) throw new InvalidReadError('reads', 'reads must be an array');
  const result = new Map<string, RecordedEvent[]>();
  reads.forEach((read, index) => {
    if (typeof read?.streamId !== 'string' || read.streamId.length === 0) throw new InvalidReadError(`reads[${index}].streamId`, 'stream id must be a non-empty string');
    const from = read.fromRevision ?? 0;
    if (!Number.isSafeInteger(from) || from < 0) throw new InvalidReadError(`reads[${index}].fromRevision`, 'fromRevision must be an integer ≥ 0');
    result.set(read.streamId, []);
  });
  if (reads.length === 0) return result;
  const { rows } = await db.query<EventRow>(
    `SELECT ${selectColumns} FROM unnest($1::text[], $2::bigint[]) AS r(stream_id, from_revision)
     JOIN ${tables.events} AS e ON e.stream_id = r.stream_id AND e.revision >= r.from_revision
     ORDER BY e.stream_id, e.revision`,
    [reads.map((read) => read.streamId), reads.map((read) => String(read.fromRevision ?? 0))],
  );
  for (const row of rows) result.get(row.stream_id)!.push(toRecordedEvent(row));
  return result;
}

/** Reads `$all` strictly after `fromPosition`, in (commit, prepare) order, settled transactions only. */
export async function readAll(db: SqlExecutor, tables: EventStoreTables, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const limit = maxCountOf(options.maxCount);
  if (limit === 0) return [];
  const after = positionParams(options.fromPosition ?? 'start');
  const { rows } = await db.query<EventRow>(
    `SELECT ${selectColumns} FROM ${tables.events} AS e
     WHERE (e.tx, e.sequence) > ($1::xid8, $2::bigint) AND ${settledOnly}
     ORDER BY e.tx, e.sequence LIMIT $3`,
    [...after, limit],
  );
  return rows.map(toRecordedEvent);
}

/** The position of the last settled event, or 'start' when there is none. */
export async function headPosition(db: SqlExecutor, tables: EventStoreTables): Promise<Position | 'start'> {
  const { rows } = await db.query<{ tx: string; sequence: string }>(
    `SELECT e.tx::text AS tx, e.sequence::text AS sequence FROM ${tables.events} AS e WHERE ${settledOnly} ORDER BY e.tx DESC, e.sequence DESC LIMIT 1`,
  );
  return rows.length === 0 ? 'start' : { commit: BigInt(rows[0].tx), prepare: BigInt(rows[0].sequence) };
}

function positionParams(position: Position | 'start'): [string, string] {
  if (position === 'start') return ['0', '0'];
  if (typeof position !== 'object' || position === null || typeof position.commit !== 'bigint' || typeof position.prepare !== 'bigint' || position.commit < 0n || position.prepare < 0n) {
    throw new InvalidReadError('fromPosition', `fromPosition must be 'start' or { commit, prepare } as non-negative bigints`);
  }
  return [position.commit.toString(), position.prepare.toString()];
}

/** undefined → no limit (LIMIT NULL); otherwise a safe integer ≥ 0. */
function maxCountOf(maxCount: number | undefined): number | null {
  if (maxCount === undefined) return null;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new InvalidReadError('maxCount', `maxCount must be an integer ≥ 0`);
  return maxCount;
}
