/**
 * The event store port (DESIGN §3). One contract, three adapters: PostgreSQL (pg), embedded
 * PostgreSQL (PGlite) and KurrentDB. Every adapter passes the black-box suite in test/contract.
 * The port lives in the domain kit (the command handler depends on it, and on no database); the
 * SQL adapter is @samabay/event-store, which re-exports this port for its users.
 */

/**
 * A global position in `$all`. Opaque beyond ordering: compare with {@link comparePositions}.
 * KurrentDB: commit/prepare log positions. SQL adapters: commit = the appending transaction's
 * id (xid8), prepare = the event's sequence number; ordering by (commit, prepare) is what keeps
 * a late-committing transaction from exposing a position below one a reader already passed.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * Expected revision of the stream before an append: any state; the stream must not exist;
 * it must exist; or its last event must have exactly this revision (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event to append. `id` is a uuid; re-appending the same ids at the same place is idempotent. */
export interface EventData<Data = unknown, Metadata = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: Metadata;
}

/** An event as stored: its stream, 0-based revision in that stream and global position. */
export interface RecordedEvent<Data = unknown, Metadata = Record<string, unknown>> extends EventData<Data, Metadata> {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly recordedAt: Date;
}

/** The outcome of a successful append: the stream's new last revision and the last event's position. */
export interface AppendResult {
  readonly nextExpectedRevision: number;
  readonly position: Position;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/** One stream's part of a multi-stream append ({@link EventStore.appendToStreams}). */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly EventData[];
  readonly expectedRevision: ExpectedRevision;
}

/** The outcome of one stream's part of a multi-stream append: as {@link AppendResult}, naming the stream. */
export interface StreamAppendResult extends AppendResult {
  readonly streamId: string;
}

/** One stream of {@link EventStore.readStreams}: read forwards from `fromRevision` (default 0) to the end. */
export interface StreamRead {
  readonly streamId: string;
  readonly fromRevision?: number;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: 'start' forwards, 'end' backwards. */
  readonly fromRevision?: number | 'start' | 'end';
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; 'start' (default) reads from the beginning. */
  readonly fromPosition?: Position | 'start';
  readonly maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position (a stored checkpoint); 'start' for everything. */
  readonly fromPosition?: Position | 'start';
}

/**
 * A catch-up subscription to `$all`: history first, then live events, in global order, with no gap
 * and no duplicate. Iterate with `for await`; `close()` ends the iteration.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The event store. Errors: WrongExpectedRevisionError (nothing appended), EventTooLargeError
 * (nothing appended), InvalidAppendError (bad stream name or event shape), EventStoreUnavailableError.
 */
export interface EventStore {
  /** Appends all events atomically, or none. An empty `events` array is rejected. */
  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams in one transaction: every stream's events, each checked against its
   * own expected revision, or nothing at all. Each stream part follows appendToStream's rules —
   * including idempotency: a part whose events are already recorded at the place its expected
   * revision names answers with the original result and writes nothing, while the other parts are
   * appended. Results come in the order of `appends`. A stream may appear only once per call.
   * Errors name the failing stream: WrongExpectedRevisionError / DuplicateEventIdError (its
   * `streamId`), InvalidAppendError (field `appends[i]…`), EventTooLargeError; nothing is appended.
   * An empty `appends` array is rejected (InvalidAppendError, field 'appends').
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]>;
  /** Reads one stream; a stream that does not exist reads as an empty array. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Reads several streams forwards to their current end, each from its own first revision (default
   * 0), in one round trip where the adapter can (loading many aggregates at once, e.g. for a
   * day-end batch). The map has an entry, in revision order, for every stream asked for; a stream
   * that does not exist, or has nothing from that revision on, maps to []. Throws InvalidReadError
   * for a malformed entry (field `reads[i]…`).
   */
  readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>>;
  /** Reads `$all` forwards in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last event visible in `$all`, or 'start' when the store is empty. */
  headPosition(): Promise<Position | 'start'>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  close(): Promise<void>;
}

/** Orders two positions: negative when a < b, 0 when equal, positive when a > b. 'start' precedes all. */
export function comparePositions(a: Position | 'start', b: Position | 'start'): number {
  if (a === 'start' || b === 'start') return a === b ? 0 : a === 'start' ? -1 : 1;
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Serialises a position for checkpoints, GraphQL and logs: `C:<commit>/P:<prepare>` (KurrentDB's notation). */
export function formatPosition(position: Position | 'start'): string {
  return position === 'start' ? 'start' : `C:${position.commit}/P:${position.prepare}`;
}

/** Parses {@link formatPosition}'s output; throws RangeError on anything else. */
export function parsePosition(text: string): Position | 'start' {
  if (text === 'start') return 'start';
  const match = /^C:(\d+)\/P:(\d+)$/.exec(text);
  if (!match) throw new RangeError(`not a position: "${text}" (expected C:<commit>/P:<prepare> or start)`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
