import { AggregateCache, type CachedAggregate } from './aggregate-cache';
import { canonicalJson } from './canonical-json';
import type { CommandAccepted } from './command-accepted';
import type { CommandContext, EventEnvelopeMetadata } from './command-context';
import { commandHash } from './command-hash';
import type { Decider, DomainEvent } from './decider';
import { deterministicEventId } from './deterministic-event-id';
import { ConcurrencyConflictError, DomainError, IdempotencyKeyReusedError, ValidationError } from './domain-error';
import { formatPosition, parsePosition, type EventData, type EventStore, type RecordedEvent } from './event-store';
import { WrongExpectedRevisionError } from './event-store-errors';
import type { IdempotencyRecord, IdempotencyStore, StoredCommandAnswer } from './idempotency-store';
import { KeyedMutex } from './keyed-mutex';
import type { AggregateSnapshot, SnapshotStore } from './snapshot-store';
import { validateCommandContext } from './validate-command-context';

/** Options of {@link CommandHandler}. */
export interface CommandHandlerOptions {
  readonly store: EventStore;
  readonly idempotency: IdempotencyStore;
  /** The wall clock; only `occurredAt` of the envelope reads it (deciders never do). */
  readonly clock: () => Date;
  /** Attempts per command before ConcurrencyConflictError (the first try included). Default 5. */
  readonly maxAttempts?: number;
  /** Streams whose aggregate state stays cached (LRU); 0 disables the cache. Default 1000. */
  readonly cacheSize?: number;
  /** Event ids remembered per cached stream to recognise a retried command from the stream. Default 128. */
  readonly recentEventWindow?: number;
  /** Told the outcome of every command (for metrics); must not throw. */
  readonly onOutcome?: (outcome: CommandOutcome) => void;
  /** Snapshots for deciders that declare a `snapshotVersion` (DESIGN §4). Default: none (replay streams). */
  readonly snapshots?: SnapshotOptions;
}

/**
 * How the handler snapshots long streams. A snapshot is saved after an append that crosses a
 * multiple of `every` revisions, and after a load that had to fold `every` events or more; loads of
 * an uncached stream start from the latest snapshot of the decider's version plus the events after it.
 * Saves run off the command's critical path (the answer does not wait for them; see flushSnapshots),
 * not in the append's transaction: a snapshot is a cache of derived state, so losing one only costs a
 * longer replay next time, while writing it with the events would add the state's serialisation and a
 * second write to every Nth command's latency and tie the event-store port to deciders' state. A
 * snapshot is only read for the decider version it was saved under, and only ever replaces a prefix of
 * an immutable stream, so a late or failed save can never make a load wrong.
 */
export interface SnapshotOptions {
  readonly store: SnapshotStore;
  /** Revisions between snapshots. Default 500. */
  readonly every?: number;
  /** Told when a snapshot could not be saved (the command already succeeded; loads just replay more). Must not throw. */
  readonly onSaveError?: (error: unknown, streamId: string) => void;
}

/** What {@link CommandHandler.execute} does with one command. */
export interface ExecuteCommandRequest<C, E extends DomainEvent, S> {
  readonly decider: Decider<C, E, S>;
  readonly streamId: string;
  /** Name of the command (e.g. 'AdmitMember'); part of the command hash. */
  readonly commandType: string;
  readonly command: C;
  readonly context: CommandContext;
  /** Separates commands that share one idempotency key (e.g. the two streams of one request). Default 'command'. */
  readonly idempotencyScope?: string;
  /**
   * What the hash covers besides the command type and the context's business date (e.g. the payload
   * with personal data replaced by keyed fingerprints: the hash is stored in plain sight). Default: `command`.
   */
  readonly payloadForHash?: unknown;
  /** `branchCode` of the envelope (e.g. the member's branch). Default: the actor's branch. */
  readonly branchCode?: string;
  /** `schemaVersion` of the envelope. Default 1. */
  readonly schemaVersion?: number;
}

/** One command's outcome, for metrics and logs (no payload, no personal data). */
export interface CommandOutcome {
  readonly commandType: string;
  readonly streamId: string;
  readonly result: 'accepted' | 'replayed' | 'rejected' | 'conflict' | 'failed';
  /** Load–decide–append attempts made (0 when answered from the idempotency record or rejected before loading). */
  readonly attempts: number;
  readonly durationMs: number;
  /** The error code for 'rejected' and 'conflict'. */
  readonly code?: string;
}

/** One command's result in {@link CommandHandler.executeBatch}: accepted, or rejected with its DomainError. */
export type BatchCommandResult<E extends DomainEvent = DomainEvent> =
  | { readonly status: 'accepted'; readonly accepted: CommandAccepted<E> }
  | { readonly status: 'rejected'; readonly error: DomainError };

const READ_PAGE_SIZE = 1000;
const DEFAULT_SCOPE = 'command';

interface Loaded<S> {
  readonly aggregate: CachedAggregate<S>;
  /** Revision of this command's first event if the stream already holds it (appended, not recorded). */
  readonly alreadyAppendedAt: number | undefined;
}

/** A load in progress: state folded so far from the cache (or initial state) and the events read since. */
interface Fold<S> {
  readonly decider: Decider<never, DomainEvent, S>;
  readonly streamId: string;
  readonly firstEventId: string;
  /** Event ids of the cached aggregate or snapshot the fold started from. */
  readonly recentEventIds: ReadonlyMap<string, number>;
  state: S;
  revision: number;
  alreadyAppendedAt: number | undefined;
  readonly seen: Array<readonly [string, number]>;
}

/** Folds events read from the stream (in revision order, continuing the fold) into it. */
function applyToFold<S>(fold: Fold<S>, events: readonly RecordedEvent[]): void {
  for (const event of events) {
    if (event.revision !== fold.revision + 1) throw new Error(`stream ${fold.streamId} returned revision ${event.revision} where ${fold.revision + 1} was expected`);
    fold.state = fold.decider.evolve(fold.state, toDomainEvent(event));
    fold.revision = event.revision;
    fold.seen.push([event.id, event.revision]);
    if (event.id === fold.firstEventId) fold.alreadyAppendedAt = event.revision;
  }
}

/**
 * The shared command path (DESIGN §4, §5): idempotency record → load (hot cache, catching up by
 * reading only newer events) → decide → append with the expected revision and deterministic event
 * ids → record the answer.
 *
 * - A repeated idempotency key (same key and scope) with the same command hash returns the first
 *   answer with `replayed: true` and appends nothing; with another hash it throws
 *   IdempotencyKeyReusedError. A command whose events reached the stream but whose record was lost
 *   (crash in between) is recognised from the stream by its first event id and answered the same way.
 * - WrongExpectedRevisionError from the store → catch up and decide again, up to `maxAttempts`
 *   attempts, then ConcurrencyConflictError. Commands on one stream are queued within this process.
 * - Throws ValidationError for a bad CommandContext, and whatever the decider throws (DomainError);
 *   a rejected command appends and records nothing. Rejections are not remembered: a repeat is decided again.
 */
export class CommandHandler {
  private readonly store: EventStore;
  private readonly idempotency: IdempotencyStore;
  private readonly clock: () => Date;
  private readonly maxAttempts: number;
  private readonly cache: AggregateCache;
  private readonly streamQueue = new KeyedMutex();
  private readonly onOutcome?: (outcome: CommandOutcome) => void;
  private readonly snapshots?: SnapshotOptions & { readonly every: number };
  private readonly snapshotSaves = new Set<Promise<void>>();

  constructor(options: CommandHandlerOptions) {
    this.store = options.store;
    this.idempotency = options.idempotency;
    this.clock = options.clock;
    this.maxAttempts = options.maxAttempts ?? 5;
    if (!Number.isSafeInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
    this.cache = new AggregateCache(options.cacheSize ?? 1000, options.recentEventWindow ?? 128);
    this.onOutcome = options.onOutcome;
    if (options.snapshots) {
      const every = options.snapshots.every ?? 500;
      if (!Number.isSafeInteger(every) || every < 1) throw new RangeError('snapshots.every must be a positive integer');
      this.snapshots = { ...options.snapshots, every };
    }
  }

  /** Waits for the snapshot saves started so far (tests, and a graceful shutdown). Never rejects. */
  async flushSnapshots(): Promise<void> {
    while (this.snapshotSaves.size > 0) await Promise.all([...this.snapshotSaves]);
  }

  /** Executes one command; see the class documentation for the flow and the errors. */
  async execute<C, E extends DomainEvent, S>(request: ExecuteCommandRequest<C, E, S>): Promise<CommandAccepted<E>> {
    const started = performance.now();
    const attempts = { count: 0 };
    try {
      validateRequest(request);
      const answer = await this.streamQueue.run(request.streamId, () => this.executeQueued(request, attempts));
      this.report(request, answer.replayed ? 'replayed' : 'accepted', attempts.count, started);
      return answer;
    } catch (error) {
      const result = error instanceof ConcurrencyConflictError ? 'conflict' : error instanceof DomainError ? 'rejected' : 'failed';
      this.report(request, result, attempts.count, started, error instanceof DomainError ? error.code : undefined);
      throw error;
    }
  }

  /**
   * Executes many commands, each on its own stream, as one batch (DESIGN §9: a day-end over every
   * account): one idempotency lookup for all, one multi-stream read to load them (hot cache first),
   * decide each, one atomic multi-stream append (EventStore.appendToStreams) for every command that
   * decided events, then one write of all the idempotency records.
   *
   * - Results come in request order: `accepted` (with `replayed` as for execute), or `rejected` with
   *   the command's DomainError (ValidationError of a bad request, the decider's rejection,
   *   IdempotencyKeyReusedError, ConcurrencyConflictError after `maxAttempts` conflicts on its
   *   stream). A rejected command appends and records nothing; the others are still appended.
   * - A conflict (another writer moved a stream) rolls the append back for all, evicts that stream
   *   and decides the batch again on fresh state; only the conflicting command counts the attempt.
   * - The idempotency records are written right after the append rather than in its transaction
   *   (they live behind another port); a crash in between is recovered as for execute: a repeat
   *   recognises the command's events in its stream by their deterministic ids.
   * - Each stream may appear once per batch (ValidationError DUPLICATE_STREAM_IN_BATCH otherwise,
   *   for the whole call). Other errors (the store unreachable, a decider's bug) reject the whole call.
   */
  async executeBatch<C, E extends DomainEvent, S>(requests: ReadonlyArray<ExecuteCommandRequest<C, E, S>>): Promise<Array<BatchCommandResult<E>>> {
    const started = performance.now();
    const results: Array<BatchCommandResult<E> | undefined> = new Array(requests.length);
    const attempts = new Array<number>(requests.length).fill(0);
    const valid: number[] = [];
    const streams = new Set<string>();
    requests.forEach((request, index) => {
      try {
        validateRequest(request);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = { status: 'rejected', error };
        return;
      }
      if (streams.has(request.streamId)) throw new ValidationError('streamId', `stream ${request.streamId} appears twice in one batch`, 'DUPLICATE_STREAM_IN_BATCH');
      streams.add(request.streamId);
      valid.push(index);
    });
    try {
      if (valid.length > 0) await this.streamQueue.runMany([...streams], () => this.executeBatchQueued(requests, valid, results, attempts));
    } catch (error) {
      valid.forEach((index) => results[index] === undefined && this.report(requests[index], 'failed', attempts[index], started));
      throw error;
    }
    requests.forEach((request, index) => {
      const result = results[index]!;
      if (result.status === 'accepted') this.report(request, result.accepted.replayed ? 'replayed' : 'accepted', attempts[index], started);
      else this.report(request, result.error instanceof ConcurrencyConflictError ? 'conflict' : 'rejected', attempts[index], started, result.error.code);
    });
    return results as Array<BatchCommandResult<E>>;
  }

  /**
   * The aggregate's current state and revision (-1: empty stream), loaded like a command would
   * (through the hot cache, catching up on newer events), without deciding or appending anything.
   * For an application that must know, before doing side effects such as creating a data key,
   * whether the aggregate exists; the command's own decide still has the last word.
   */
  async readState<S>(decider: Decider<never, DomainEvent, S>, streamId: string): Promise<{ state: S; revision: number }> {
    if (typeof streamId !== 'string' || streamId.length === 0) throw new ValidationError('streamId', 'streamId must be a non-empty string');
    const { aggregate } = await this.streamQueue.run(streamId, () => this.load(decider, streamId, ''));
    return { state: aggregate.state, revision: aggregate.revision };
  }

  /** Forgets the cached state of a stream (e.g. after an operator repaired it); the next command reloads it. */
  evict(streamId: string): void {
    this.cache.evict(streamId);
  }

  private async executeQueued<C, E extends DomainEvent, S>(request: ExecuteCommandRequest<C, E, S>, attempts: { count: number }): Promise<CommandAccepted<E>> {
    const { context, streamId } = request;
    const scope = request.idempotencyScope ?? DEFAULT_SCOPE;
    const hash = commandHash(request.commandType, request.payloadForHash === undefined ? request.command : request.payloadForHash, context.businessDate);

    const remembered = await this.idempotency.find(context.idempotencyKey, scope);
    if (remembered) return answerFromRecord<E>(remembered, hash);

    const firstEventId = deterministicEventId(context.idempotencyKey, scope, streamId, 0);
    const occurredAt = this.clock().toISOString();
    for (attempts.count = 1; attempts.count <= this.maxAttempts; attempts.count++) {
      const { aggregate, alreadyAppendedAt } = await this.load(request.decider, streamId, firstEventId);
      if (alreadyAppendedAt !== undefined) return this.replayFromStream(request, scope, hash, alreadyAppendedAt);

      const events = request.decider.decide(request.command, aggregate.state).map(asStoredJson);
      if (events.length === 0) return this.remember(request, scope, hash, { streamId, nextExpectedRevision: aggregate.revision, position: null, eventIds: [], events: [] });

      const eventData = events.map((event, index) => this.toEventData(request, scope, hash, occurredAt, event, index));
      try {
        const appended = await this.store.appendToStream(streamId, eventData, {
          expectedRevision: aggregate.revision === -1 ? 'no_stream' : aggregate.revision,
        });
        this.cacheAfterAppend(request.decider, streamId, aggregate, events, eventData, appended.nextExpectedRevision);
        return await this.remember(request, scope, hash, {
          streamId,
          nextExpectedRevision: appended.nextExpectedRevision,
          position: appended.position,
          eventIds: eventData.map((event) => event.id),
          events,
        });
      } catch (error) {
        if (!isWrongExpectedRevision(error)) throw error;
        if (attempts.count < this.maxAttempts) await pause(attempts.count);
      }
    }
    attempts.count = this.maxAttempts;
    throw new ConcurrencyConflictError(streamId, this.maxAttempts);
  }

  /** Brings the aggregate up to the stream's end, reading only events after the cached revision. */
  private async load<S>(decider: Decider<never, DomainEvent, S>, streamId: string, firstEventId: string): Promise<Loaded<S>> {
    const cached = this.cache.get(streamId, decider);
    const snapshot = cached ? undefined : (await this.latestSnapshots(decider, [streamId])).get(streamId);
    const fold = this.startFold(decider, streamId, firstEventId, cached, snapshot);
    for (;;) {
      const page = await this.store.readStream(streamId, { fromRevision: fold.revision + 1, direction: 'forwards', maxCount: READ_PAGE_SIZE });
      applyToFold(fold, page);
      if (page.length < READ_PAGE_SIZE) break;
    }
    return this.finishFold(fold);
  }

  /**
   * {@link load} for many streams at once: every stream is caught up from its cached revision with
   * one multi-stream read (EventStore.readStreams), whatever the number of streams.
   */
  private async loadMany(items: ReadonlyArray<{ readonly decider: Decider<never, DomainEvent, unknown>; readonly streamId: string; readonly firstEventId: string }>): Promise<Loaded<unknown>[]> {
    const cached = items.map((item) => this.cache.get(item.streamId, item.decider));
    const snapshots = new Map<string, AggregateSnapshot>();
    for (const decider of new Set(items.map((item) => item.decider))) {
      const uncached = items.filter((item, index) => item.decider === decider && !cached[index]).map((item) => item.streamId);
      for (const [streamId, snapshot] of await this.latestSnapshots(decider, uncached)) snapshots.set(streamId, snapshot);
    }
    const folds = items.map((item, index) => this.startFold(item.decider, item.streamId, item.firstEventId, cached[index], snapshots.get(item.streamId)));
    const read = await this.store.readStreams(folds.map((fold) => ({ streamId: fold.streamId, fromRevision: fold.revision + 1 })));
    return folds.map((fold) => {
      applyToFold(fold, read.get(fold.streamId) ?? []);
      return this.finishFold(fold);
    });
  }

  /** Starts a load from the cached aggregate, else from the snapshot, else from the initial state. */
  private startFold<S>(decider: Decider<never, DomainEvent, S>, streamId: string, firstEventId: string, cached: CachedAggregate<S> | undefined, snapshot: AggregateSnapshot | undefined): Fold<S> {
    const recentEventIds = cached?.recentEventIds ?? new Map(snapshot?.recentEventIds ?? []);
    return {
      decider,
      streamId,
      firstEventId,
      recentEventIds,
      state: cached ? cached.state : snapshot ? (snapshot.state as S) : decider.initialState,
      revision: cached ? cached.revision : snapshot ? snapshot.revision : -1,
      alreadyAppendedAt: recentEventIds.get(firstEventId),
      seen: [],
    };
  }

  /** The latest snapshots of `streamIds` for the decider's version; none when it (or the handler) does not snapshot. */
  private async latestSnapshots(decider: Decider<never, DomainEvent, unknown>, streamIds: readonly string[]): Promise<Map<string, AggregateSnapshot>> {
    const version = decider.snapshotVersion;
    if (!this.snapshots || version === undefined || streamIds.length === 0) return new Map();
    return this.snapshots.store.latest(streamIds, version);
  }

  /** Saves the aggregate's state in the background; a failure is reported to onSaveError and otherwise ignored. */
  private saveSnapshot<S>(streamId: string, aggregate: CachedAggregate<S>): void {
    const version = aggregate.decider.snapshotVersion;
    if (!this.snapshots || version === undefined || aggregate.revision < 0) return;
    const { store, onSaveError } = this.snapshots;
    const snapshot: AggregateSnapshot = { streamId, revision: aggregate.revision, version, state: aggregate.state, recentEventIds: [...aggregate.recentEventIds] };
    const saving: Promise<void> = Promise.resolve()
      .then(() => store.save(snapshot))
      .catch((error: unknown) => {
        try {
          onSaveError?.(error, streamId);
        } catch {
          // A reporting failure must not surface either.
        }
      })
      .finally(() => this.snapshotSaves.delete(saving));
    this.snapshotSaves.add(saving);
  }

  private finishFold<S>(fold: Fold<S>): Loaded<S> {
    const aggregate: CachedAggregate<S> = {
      decider: fold.decider,
      state: fold.state,
      revision: fold.revision,
      recentEventIds: this.cache.rememberEventIds(fold.recentEventIds, fold.seen),
    };
    this.cache.put(fold.streamId, aggregate);
    if (this.snapshots && fold.seen.length >= this.snapshots.every) this.saveSnapshot(fold.streamId, aggregate);
    return { aggregate, alreadyAppendedAt: fold.alreadyAppendedAt };
  }

  private async executeBatchQueued<C, E extends DomainEvent, S>(
    requests: ReadonlyArray<ExecuteCommandRequest<C, E, S>>,
    valid: readonly number[],
    results: Array<BatchCommandResult<E> | undefined>,
    attempts: number[],
  ): Promise<void> {
    const rejectWith = (index: number, error: unknown): void => {
      if (!(error instanceof DomainError)) throw error;
      results[index] = { status: 'rejected', error };
    };
    const prepared = valid.map((index) => {
      const request = requests[index];
      const scope = request.idempotencyScope ?? DEFAULT_SCOPE;
      const hash = commandHash(request.commandType, request.payloadForHash === undefined ? request.command : request.payloadForHash, request.context.businessDate);
      return { index, request, scope, hash, firstEventId: deterministicEventId(request.context.idempotencyKey, scope, request.streamId, 0) };
    });
    const remembered = await this.idempotency.findMany(prepared.map(({ request, scope }) => ({ idempotencyKey: request.context.idempotencyKey, scope })));
    let pending = prepared.filter((item, position) => {
      const record = remembered[position];
      if (!record) return true;
      try {
        results[item.index] = { status: 'accepted', accepted: answerFromRecord<E>(record, item.hash) };
      } catch (error) {
        rejectWith(item.index, error);
      }
      return false;
    });

    const occurredAt = this.clock().toISOString();
    while (pending.length > 0) {
      for (const item of pending) attempts[item.index] += 1;
      const loaded = await this.loadMany(pending.map((item) => ({ decider: item.request.decider as Decider<never, DomainEvent, unknown>, streamId: item.request.streamId, firstEventId: item.firstEventId })));
      const unappended: Array<{ item: (typeof pending)[number]; answer: Omit<CommandAccepted<DomainEvent>, 'replayed'> }> = [];
      const toAppend: Array<{ item: (typeof pending)[number]; aggregate: CachedAggregate<S>; events: DomainEvent[]; eventData: EventData[] }> = [];
      for (const [position, item] of pending.entries()) {
        const { request } = item;
        const aggregate = loaded[position].aggregate as CachedAggregate<S>;
        const alreadyAppendedAt = loaded[position].alreadyAppendedAt;
        try {
          if (alreadyAppendedAt !== undefined) {
            results[item.index] = { status: 'accepted', accepted: await this.replayFromStream(request, item.scope, item.hash, alreadyAppendedAt) };
            continue;
          }
          const events = request.decider.decide(request.command, aggregate.state).map(asStoredJson);
          if (events.length === 0) {
            unappended.push({ item, answer: { streamId: request.streamId, nextExpectedRevision: aggregate.revision, position: null, eventIds: [], events: [] } });
            continue;
          }
          const eventData = events.map((event, eventIndex) => this.toEventData(request, item.scope, item.hash, occurredAt, event, eventIndex));
          toAppend.push({ item, aggregate, events, eventData });
        } catch (error) {
          rejectWith(item.index, error);
        }
      }
      if (toAppend.length > 0) {
        try {
          const appended = await this.store.appendToStreams(
            toAppend.map(({ item, aggregate, eventData }) => ({ streamId: item.request.streamId, events: eventData, expectedRevision: aggregate.revision === -1 ? 'no_stream' : aggregate.revision })),
          );
          toAppend.forEach(({ item, aggregate, events, eventData }, position) => {
            const result = appended[position];
            this.cacheAfterAppend(item.request.decider, item.request.streamId, aggregate, events, eventData, result.nextExpectedRevision);
            unappended.push({
              item,
              answer: { streamId: item.request.streamId, nextExpectedRevision: result.nextExpectedRevision, position: result.position, eventIds: eventData.map((event) => event.id), events },
            });
          });
        } catch (error) {
          const conflicted = isWrongExpectedRevision(error) ? toAppend.find(({ item }) => item.request.streamId === (error as WrongExpectedRevisionError).streamId) : undefined;
          if (!conflicted) throw error;
          this.cache.evict(conflicted.item.request.streamId);
          const tried = attempts[conflicted.item.index];
          if (tried >= this.maxAttempts) results[conflicted.item.index] = { status: 'rejected', error: new ConcurrencyConflictError(conflicted.item.request.streamId, tried) };
          else await pause(tried);
          pending = pending.filter((item) => results[item.index] === undefined);
          continue;
        }
      }
      await this.rememberMany(unappended, results);
      pending = [];
    }
  }

  /** Records the answers of a batch in one write; a key recorded first by another writer answers with that record. */
  private async rememberMany<E extends DomainEvent>(
    answered: ReadonlyArray<{ item: { index: number; request: ExecuteCommandRequest<unknown, DomainEvent, unknown>; scope: string; hash: string }; answer: Omit<CommandAccepted<DomainEvent>, 'replayed'> }>,
    results: Array<BatchCommandResult<E> | undefined>,
  ): Promise<void> {
    if (answered.length === 0) return;
    const recordedAt = this.clock().toISOString();
    const records = answered.map(({ item, answer }): IdempotencyRecord => ({
      idempotencyKey: item.request.context.idempotencyKey,
      scope: item.scope,
      commandType: item.request.commandType,
      commandHash: item.hash,
      answer: toStoredAnswer(answer),
      recordedAt,
    }));
    const stored = await this.idempotency.recordMany(records);
    answered.forEach(({ item, answer }, position) => {
      const record = stored[position];
      if (record.commandHash !== item.hash) {
        results[item.index] = { status: 'rejected', error: new IdempotencyKeyReusedError() };
      } else if (canonicalJson(record.answer) !== canonicalJson(records[position].answer)) {
        results[item.index] = { status: 'accepted', accepted: answerFromRecord<E>(record, item.hash) };
      } else {
        results[item.index] = { status: 'accepted', accepted: { ...answer, events: answer.events as E[], replayed: false } };
      }
    });
  }

  private cacheAfterAppend<S>(
    decider: Decider<never, DomainEvent, S>,
    streamId: string,
    before: CachedAggregate<S>,
    events: readonly DomainEvent[],
    eventData: readonly EventData[],
    nextExpectedRevision: number,
  ): void {
    if (nextExpectedRevision !== before.revision + events.length) {
      this.cache.evict(streamId);
      return;
    }
    const ids = eventData.map((event, index) => [event.id, before.revision + 1 + index] as const);
    const after: CachedAggregate<S> = {
      decider,
      state: events.reduce((state, event) => decider.evolve(state, event), before.state),
      revision: nextExpectedRevision,
      recentEventIds: this.cache.rememberEventIds(before.recentEventIds, ids),
    };
    this.cache.put(streamId, after);
    const every = this.snapshots?.every;
    if (every !== undefined && Math.floor((nextExpectedRevision + 1) / every) > Math.floor((before.revision + 1) / every)) this.saveSnapshot(streamId, after);
  }

  /** Answers a command whose events are already in the stream from `firstRevision` on (appended before a crash). */
  private async replayFromStream<C, E extends DomainEvent, S>(
    request: ExecuteCommandRequest<C, E, S>,
    scope: string,
    hash: string,
    firstRevision: number,
  ): Promise<CommandAccepted<E>> {
    const { streamId, context } = request;
    const commandEvents: RecordedEvent[] = [];
    for (let more = true; more; ) {
      const page = await this.store.readStream(streamId, { fromRevision: firstRevision + commandEvents.length, direction: 'forwards', maxCount: READ_PAGE_SIZE });
      more = page.length === READ_PAGE_SIZE;
      for (const event of page) {
        if (event.id !== deterministicEventId(context.idempotencyKey, scope, streamId, commandEvents.length)) {
          more = false;
          break;
        }
        commandEvents.push(event);
      }
    }
    if (commandEvents.length === 0) throw new Error(`stream ${streamId}: the command's first event vanished at revision ${firstRevision}`);
    if (commandEvents[0].metadata.commandHash !== hash) throw new IdempotencyKeyReusedError();
    const last = commandEvents[commandEvents.length - 1];
    const answer = await this.remember(request, scope, hash, {
      streamId,
      nextExpectedRevision: last.revision,
      position: last.position,
      eventIds: commandEvents.map((event) => event.id),
      events: commandEvents.map(toDomainEvent),
    });
    return { ...answer, replayed: true };
  }

  /** Records the answer; if another writer recorded this key first, answers with its record instead. */
  private async remember<C, E extends DomainEvent, S>(
    request: ExecuteCommandRequest<C, E, S>,
    scope: string,
    hash: string,
    answer: Omit<CommandAccepted<DomainEvent>, 'replayed'>,
  ): Promise<CommandAccepted<E>> {
    const record: IdempotencyRecord = {
      idempotencyKey: request.context.idempotencyKey,
      scope,
      commandType: request.commandType,
      commandHash: hash,
      answer: toStoredAnswer(answer),
      recordedAt: this.clock().toISOString(),
    };
    const stored = await this.idempotency.record(record);
    if (stored.commandHash !== hash) throw new IdempotencyKeyReusedError();
    if (canonicalJson(stored.answer) !== canonicalJson(record.answer)) return answerFromRecord<E>(stored, hash);
    return { ...answer, events: answer.events as E[], replayed: false };
  }

  private toEventData<C, E extends DomainEvent, S>(
    request: ExecuteCommandRequest<C, E, S>,
    scope: string,
    hash: string,
    occurredAt: string,
    event: DomainEvent,
    index: number,
  ): EventData {
    const { context } = request;
    const eventId = deterministicEventId(context.idempotencyKey, scope, request.streamId, index);
    const metadata = {
      eventId,
      correlationId: context.correlationId ?? context.idempotencyKey,
      causationId: context.causationId ?? context.idempotencyKey,
      actor: context.actor.userId,
      actorRole: context.actor.role,
      branchCode: request.branchCode ?? context.actor.branchCode,
      occurredAt,
      businessDate: context.businessDate,
      schemaVersion: request.schemaVersion ?? 1,
      idempotencyKey: context.idempotencyKey,
      commandHash: hash,
    } satisfies EventEnvelopeMetadata;
    return { id: eventId, type: event.type, data: event.data, metadata };
  }

  private report(request: ExecuteCommandRequest<unknown, DomainEvent, unknown>, result: CommandOutcome['result'], attempts: number, started: number, code?: string): void {
    if (!this.onOutcome) return;
    try {
      this.onOutcome({ commandType: request?.commandType, streamId: request?.streamId, result, attempts, durationMs: performance.now() - started, code });
    } catch {
      // Metrics must never change a command's outcome.
    }
  }
}

function validateRequest(request: ExecuteCommandRequest<unknown, DomainEvent, unknown>): void {
  if (typeof request.streamId !== 'string' || request.streamId.length === 0) throw new ValidationError('streamId', 'streamId must be a non-empty string');
  if (typeof request.commandType !== 'string' || request.commandType.length === 0) throw new ValidationError('commandType', 'commandType must be a non-empty string');
  if (request.idempotencyScope !== undefined && (typeof request.idempotencyScope !== 'string' || request.idempotencyScope.length === 0)) {
    throw new ValidationError('idempotencyScope', 'idempotencyScope must be a non-empty string');
  }
  validateCommandContext(request.context);
}

function isWrongExpectedRevision(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || (error as { code?: unknown } | null)?.code === 'WRONG_EXPECTED_REVISION';
}

/** A decided event as it will read back from the store: plain JSON (throws TypeError for data JSON cannot carry). */
function asStoredJson<E extends DomainEvent>(event: E): E {
  if (typeof event?.type !== 'string' || event.type.length === 0) throw new TypeError('a decided event has no type');
  return { type: event.type, data: event.data === undefined ? null : JSON.parse(canonicalJson(event.data)) } as E;
}

function toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as E;
}

function toStoredAnswer(answer: Omit<CommandAccepted<DomainEvent>, 'replayed'>): StoredCommandAnswer {
  return {
    streamId: answer.streamId,
    nextExpectedRevision: answer.nextExpectedRevision,
    position: answer.position === null ? null : formatPosition(answer.position),
    eventIds: [...answer.eventIds],
    events: answer.events.map((event) => ({ type: event.type, data: event.data })),
  };
}

function answerFromRecord<E extends DomainEvent>(record: IdempotencyRecord, hash: string): CommandAccepted<E> {
  if (record.commandHash !== hash) throw new IdempotencyKeyReusedError();
  const { answer } = record;
  const position = answer.position === null ? null : parsePosition(answer.position);
  return {
    streamId: answer.streamId,
    nextExpectedRevision: answer.nextExpectedRevision,
    position: position === 'start' ? null : position,
    eventIds: [...answer.eventIds],
    events: answer.events.map((event) => ({ type: event.type, data: event.data }) as E),
    replayed: true,
  };
}

/** A short random pause before retrying, so competing processes do not collide in lockstep. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));
}
