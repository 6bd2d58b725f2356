import {
  EventStoreUnavailableError,
  InvalidReadError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendResult,
  type StreamRead,
  type SubscribeToAllOptions,
} from '@samabay/domain-kit';
import { SqlConnectionError, type SqlDatabase } from '@samabay/sql';
import { appendEvents, type BeforeCommitHook } from './append';
import { appendToStreams } from './append-to-streams';
import { CoalescedAllReads } from './coalesced-all-reads';
import { headPosition, readAll, readStream, readStreams } from './read';
import { ensureEventStoreSchema, eventStoreTables, type EventStoreTables } from './schema';
import { SqlAllSubscription } from './subscription';
import { assertValidStreamId, normaliseExpectedRevision, serialiseBatch, serialiseStreamAppends } from './validation';

/** Options of {@link createSqlEventStore}. */
export interface SqlEventStoreOptions {
  /** PostgreSQL (openPostgres) or PGlite (openPglite); the store does not close it. */
  readonly db: SqlDatabase;
  /** Schema holding the tables (lower-case identifier). Default 'eventstore'. */
  readonly schema?: string;
  /** Limit of one event's data + metadata, in UTF-8 bytes of their JSON. Default 1 MiB (1,048,576). */
  readonly maxEventBytes?: number;
  /** Subscriptions re-read `$all` at least this often without a notification, in ms. Default 500. */
  readonly pollIntervalMs?: number;
  /** Events per subscription catch-up read. Default 500. */
  readonly subscriptionBatchSize?: number;
  /**
   * TEST ONLY: awaited inside every append transaction just before COMMIT, to delay commits in the
   * concurrency contract tests. Never set it in production code.
   */
  readonly beforeCommit?: BeforeCommitHook;
}

/** Default event-size limit: 1 MiB of data + metadata JSON. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/**
 * The SQL event store shared by the PostgreSQL and PGlite adapters (DESIGN §3). Creates its schema
 * and tables if absent, then serves the EventStore port:
 * - appends are one transaction each, checked against the expected revision under the stream's
 *   row lock, idempotent for re-sent event ids (KurrentDB semantics), NOTIFY on commit; a
 *   multi-stream append (appendToStreams) is one transaction for all its streams, with a handful of
 *   set-based statements whatever the number of streams;
 * - `$all` is ordered by (appending transaction id, sequence) and read only below the oldest
 *   transaction in flight, so no reader ever skips a late-committing event;
 * - positions: { commit: transaction id (xid8), prepare: sequence }.
 * Errors: WrongExpectedRevisionError, DuplicateEventIdError, EventTooLargeError, InvalidAppendError,
 * InvalidReadError; EventStoreUnavailableError when the database cannot be reached. Throws Error for
 * an invalid schema name and SqlConnectionError when the schema cannot be created.
 */
export async function createSqlEventStore(options: SqlEventStoreOptions): Promise<EventStore> {
  const tables = eventStoreTables(options.schema ?? 'eventstore');
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  if (!Number.isSafeInteger(maxEventBytes) || maxEventBytes <= 0) throw new RangeError('maxEventBytes must be a positive integer');
  await ensureEventStoreSchema(options.db, tables);
  return new SqlEventStore(options, tables, maxEventBytes);
}

class SqlEventStore implements EventStore {
  private readonly subscriptions = new Set<SqlAllSubscription>();
  /** The subscriptions' reads: one query for those a NOTIFY sends at once from the same position. */
  private readonly subscriptionReads = new CoalescedAllReads((after, maxCount) => this.readAll({ fromPosition: after, maxCount }));

  constructor(
    private readonly options: SqlEventStoreOptions,
    private readonly tables: EventStoreTables,
    private readonly maxEventBytes: number,
  ) {}

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    assertValidStreamId(streamId);
    const expected = normaliseExpectedRevision(options?.expectedRevision);
    const serialised = serialiseBatch(events, this.maxEventBytes);
    return unavailableAsTyped(() => appendEvents(this.options.db, this.tables, streamId, serialised, expected, this.options.beforeCommit));
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]> {
    const parts = serialiseStreamAppends(appends, this.maxEventBytes);
    return unavailableAsTyped(() => appendToStreams(this.options.db, this.tables, parts, this.options.beforeCommit));
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string' || streamId.length === 0) return Promise.reject(new InvalidReadError('streamId', 'stream id must be a non-empty string'));
    return unavailableAsTyped(() => readStream(this.options.db, this.tables, streamId, options));
  }

  readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>> {
    return unavailableAsTyped(() => readStreams(this.options.db, this.tables, reads));
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return unavailableAsTyped(() => readAll(this.options.db, this.tables, options));
  }

  headPosition(): Promise<Position | 'start'> {
    return unavailableAsTyped(() => headPosition(this.options.db, this.tables));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const source = { db: this.options.db, channel: this.tables.channel, readAll: (after: Position | 'start', maxCount: number) => this.subscriptionReads.readAll(after, maxCount) };
    const subscription = new SqlAllSubscription(
      source,
      options?.fromPosition ?? 'start',
      { batchSize: this.options.subscriptionBatchSize ?? 500, pollIntervalMs: this.options.pollIntervalMs ?? 500 },
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every open subscription. The database stays open: its owner closes it. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }
}

async function unavailableAsTyped<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof SqlConnectionError) throw new EventStoreUnavailableError(`event store unavailable: ${error.message}`, { cause: error });
    throw error;
  }
}
