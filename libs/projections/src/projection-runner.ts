import { comparePositions, formatPosition, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import { schemaTransaction, type SqlDatabase, type SqlExecutor } from '@samabay/sql';
import type { Registry } from 'prom-client';
import { CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';
import { ProjectionMetrics } from './projection-metrics';
import { stderrRunnerLogger, type RunnerLogger } from './runner-logger';
import { SubscriptionBuffer } from './subscription-buffer';

/** Options of {@link ProjectionRunner}. */
export interface ProjectionRunnerOptions {
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** Schema of the checkpoints table. Default 'projections'. */
  readonly schema?: string;
  /** Events per transaction. Default 200. */
  readonly batchSize?: number;
  /** Attempts at one event before it is declared poison and the runner stops. Default 3. */
  readonly maxAttempts?: number;
  /** Pause between attempts, in milliseconds. Default 100. */
  readonly retryDelayMs?: number;
  /** Where the metrics are registered (the gateway's /metrics registry). Default: not exposed. */
  readonly registry?: Registry;
  readonly logger?: RunnerLogger;
  /** Clock for lag in seconds. Default: system clock. */
  readonly clock?: () => Date;
  /** Lag in events is counted up to this many events (a scrape reads at most this many). Default 10,000. */
  readonly lagCountCap?: number;
  /**
   * When fewer than `batchSize` events are waiting, wait up to this long (ms) — or until a full
   * batch is waiting — before applying, so that a stream of live commands is applied in a few
   * transactions instead of one per event (on PGlite commands and projections share one connection
   * and one thread). It bounds the extra delay of a read-your-own-write. Default 0 (apply at once).
   */
  readonly lingerMs?: number;
}

/** Runner states: `failed` means it stopped on a poison event or a subscription failure and needs an operator. */
export type ProjectionRunnerStatus = 'stopped' | 'running' | 'rebuilding' | 'failed';

/** Why the runner stopped on its own. Carries no event data. */
export interface ProjectionRunnerFailure {
  readonly projection?: string;
  readonly eventType?: string;
  readonly streamId?: string;
  readonly position?: string;
  readonly errorName: string;
  readonly errorMessage: string;
}

/** Progress of {@link ProjectionRunner.rebuild}: events replayed so far and the position reached. */
export interface RebuildProgress {
  readonly eventsReplayed: number;
  readonly position: Position | 'start';
}

interface Waiter {
  readonly target: Position;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

class PoisonEventError extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    readonly reason: unknown,
  ) {
    super(`projection ${projection} failed on ${event.type} at ${formatPosition(event.position)}`);
  }
}

/**
 * Keeps the projections' read models up to date from the store's `$all` (DESIGN §7).
 *
 * - `start()` sets up the tables, resets any projection whose `version` changed, subscribes to
 *   `$all` after the lowest checkpoint and applies events in batches: ONE transaction per batch,
 *   holding the read-model rows and each projection's checkpoint (full position). A projection
 *   skips events at or below its own checkpoint, so a crash replays without double counting.
 * - A batch that throws is retried event by event (committing the good ones), each event up to
 *   `maxAttempts` times; an event that still fails is a poison event: the runner logs it, counts it
 *   in `samabay_projection_poison_events_total`, sets status `failed` and stops — never silently.
 * - `rebuild(onProgress)` resets every projection and replays from position 0.
 * - `waitForPosition` lets a client read its own writes.
 */
export class ProjectionRunner {
  private readonly projections: readonly Projection[];
  private readonly checkpointStore: CheckpointStore;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly logger: RunnerLogger;
  private readonly clock: () => Date;
  private readonly lagCountCap: number;
  private readonly lingerMs: number;
  private readonly metrics: ProjectionMetrics;
  private readonly checkpoints = new Map<string, Position | 'start'>();
  private readonly waiters = new Set<Waiter>();
  private currentStatus: ProjectionRunnerStatus = 'stopped';
  private currentFailure: ProjectionRunnerFailure | undefined;
  private buffer: SubscriptionBuffer | undefined;
  private loop: Promise<void> | undefined;
  private inFlight: readonly RecordedEvent[] = [];
  private stopping = false;
  private tablesReady = false;
  private lagInFlight: Promise<{ events: number; seconds: number }> | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = options.projections.map((projection) => projection.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new Error(`two projections are named "${duplicate}"`);
    this.projections = [...options.projections];
    this.checkpointStore = new CheckpointStore(options.schema ?? 'projections');
    this.batchSize = positiveInteger(options.batchSize ?? 200, 'batchSize');
    this.maxAttempts = positiveInteger(options.maxAttempts ?? 3, 'maxAttempts');
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.logger = options.logger ?? stderrRunnerLogger;
    this.clock = options.clock ?? (() => new Date());
    this.lagCountCap = positiveInteger(options.lagCountCap ?? 10_000, 'lagCountCap');
    this.lingerMs = Math.max(0, options.lingerMs ?? 0);
    this.metrics = new ProjectionMetrics(options.registry, this);
  }

  /** The runner's state. */
  status(): ProjectionRunnerStatus {
    return this.currentStatus;
  }

  /** Why the runner is `failed`, if it is. */
  failure(): ProjectionRunnerFailure | undefined {
    return this.currentFailure;
  }

  /**
   * The position every projection has reached (the lowest checkpoint): read models reflect every
   * event up to and including it. 'start' before the first event.
   */
  position(): Position | 'start' {
    let lowest: Position | 'start' | undefined;
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 'start';
      if (lowest === undefined || comparePositions(checkpoint, lowest) < 0) lowest = checkpoint;
    }
    return lowest ?? 'start';
  }

  /**
   * Resolves true as soon as every projection has applied the event at `position` (e.g. a
   * command's result), false after `timeoutMs` or when the runner fails or stops first.
   */
  waitForPosition(position: Position | 'start', timeoutMs: number): Promise<boolean> {
    if (comparePositions(this.position(), position) >= 0) return Promise.resolve(true);
    if (position === 'start') return Promise.resolve(true);
    if (this.currentStatus === 'failed' || this.currentStatus === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        target: position,
        resolve: (reached) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
        timer: setTimeout(() => waiter.resolve(false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Creates the tables, resets projections whose version changed, then follows `$all` from the
   * lowest checkpoint in the background. Resolves once subscribed. Throws if already running.
   */
  async start(): Promise<void> {
    if (this.currentStatus === 'running' || this.currentStatus === 'rebuilding') throw new Error(`projection runner is already ${this.currentStatus}`);
    this.stopping = false;
    this.currentFailure = undefined;
    this.metrics.failed.set(0);
    await this.prepare();
    const from = this.position();
    this.buffer = new SubscriptionBuffer(this.options.store.subscribeToAll({ fromPosition: from }), this.batchSize * 2);
    this.buffer.start();
    this.currentStatus = 'running';
    this.logger.info({ from: formatPosition(from), projections: this.projections.map((p) => p.name) }, 'projection runner started');
    this.loop = this.follow(this.buffer);
  }

  /** Stops following `$all` after the batch in progress; pending waiters resolve false. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.buffer?.close();
    await this.loop;
    this.buffer = undefined;
    this.loop = undefined;
    if (this.currentStatus !== 'failed') this.currentStatus = 'stopped';
    this.releaseWaiters();
  }

  /**
   * Resets every projection (rows and checkpoints, one transaction) and replays `$all` from
   * position 0 in batches, calling `onProgress` after each batch. Stops the runner first and
   * starts it again afterwards if it was running (or had failed). Throws the poison event's error if one fails.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const restartAfterwards = this.currentStatus === 'running' || this.currentStatus === 'failed';
    await this.stop();
    this.currentStatus = 'rebuilding';
    try {
      await this.prepare();
      await this.options.db.transaction(async (tx) => {
        for (const projection of this.projections) {
          await projection.reset(tx);
          await this.checkpointStore.write(tx, projection.name, projection.version, 'start');
        }
      });
      for (const projection of this.projections) this.checkpoints.set(projection.name, 'start');
      this.logger.info({ projections: this.projections.map((p) => p.name) }, 'projection rebuild started');
      let eventsReplayed = 0;
      for (;;) {
        const batch = await this.options.store.readAll({ fromPosition: this.position(), maxCount: this.batchSize });
        if (batch.length === 0) break;
        await this.applyOrIsolate(batch);
        eventsReplayed += batch.length;
        onProgress?.({ eventsReplayed, position: this.position() });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const progress = { eventsReplayed, position: this.position() };
      this.logger.info({ eventsReplayed, position: formatPosition(progress.position) }, 'projection rebuild finished');
      this.currentStatus = 'stopped';
      if (restartAfterwards) await this.start();
      return progress;
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  /**
   * Lag behind the store: events after the runner position (counted up to `lagCountCap`) and the
   * age in seconds of the oldest of them (0 when caught up). Concurrent calls (the two gauges of
   * one scrape) share one measurement.
   */
  lag(): Promise<{ events: number; seconds: number }> {
    this.lagInFlight ??= this.measureLag().finally(() => (this.lagInFlight = undefined));
    return this.lagInFlight;
  }

  private async measureLag(): Promise<{ events: number; seconds: number }> {
    const position = this.position();
    const head = await this.options.store.headPosition();
    if (comparePositions(head, position) <= 0) return { events: 0, seconds: 0 };
    const behind = await this.options.store.readAll({ fromPosition: position, maxCount: this.lagCountCap });
    const oldest = behind[0];
    const seconds = oldest ? Math.max(0, (this.clock().getTime() - oldest.recordedAt.getTime()) / 1000) : 0;
    return { events: behind.length, seconds };
  }

  private async prepare(): Promise<void> {
    if (!this.tablesReady) {
      await schemaTransaction(this.options.db, async (tx) => {
        await this.checkpointStore.setup(tx);
        for (const projection of this.projections) await projection.setup(tx);
      });
      this.tablesReady = true;
    }
    await this.options.db.transaction(async (tx) => {
      const stored = await this.checkpointStore.readAll(tx);
      for (const projection of this.projections) {
        const checkpoint = stored.get(projection.name);
        if (checkpoint && checkpoint.version === projection.version) {
          this.checkpoints.set(projection.name, checkpoint.position);
          continue;
        }
        if (checkpoint) {
          this.logger.warn({ projection: projection.name, from: checkpoint.version, to: projection.version }, 'projection version changed: resetting it to replay from the start');
          await projection.reset(tx);
        }
        await this.checkpointStore.write(tx, projection.name, projection.version, 'start');
        this.checkpoints.set(projection.name, 'start');
      }
    });
  }

  private async follow(buffer: SubscriptionBuffer): Promise<void> {
    try {
      for (;;) {
        const batch = await buffer.take(this.batchSize);
        if (batch.length === 0) {
          if (this.stopping) return;
          throw new Error('the $all subscription ended unexpectedly');
        }
        if (batch.length < this.batchSize && this.lingerMs > 0) {
          await buffer.waitForPending(this.batchSize - batch.length, this.lingerMs);
          if (buffer.pending > 0) batch.push(...(await buffer.take(this.batchSize - batch.length)));
        }
        this.inFlight = batch;
        await this.applyOrIsolate(batch);
        this.inFlight = [];
        // Embedded PGlite answers as microtasks: give timers and I/O a turn between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.inFlight = [];
      if (this.stopping) return;
      this.fail(error);
      void buffer.close();
    }
  }

  /** Applies a batch in one transaction; if it fails, applies its events one by one to isolate the poison event. */
  private async applyOrIsolate(batch: readonly RecordedEvent[]): Promise<void> {
    try {
      await this.applyBatch(batch);
      return;
    } catch (error) {
      if (batch.length === 1) {
        await this.retryOne(batch[0], error, 1);
        return;
      }
      this.logger.warn({ events: batch.length, ...errorDetails(error) }, 'projection batch failed; applying its events one by one');
    }
    for (const event of batch) {
      if (this.stopping) return;
      try {
        await this.applyBatch([event]);
      } catch (error) {
        await this.retryOne(event, error, 1);
      }
    }
  }

  private async retryOne(event: RecordedEvent, firstError: unknown, attemptsSoFar: number): Promise<void> {
    let lastError = firstError;
    for (let attempt = attemptsSoFar + 1; attempt <= this.maxAttempts; attempt++) {
      if (this.stopping) return;
      await delay(this.retryDelayMs * attempt);
      try {
        await this.applyBatch([event]);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const started = process.hrtime.bigint();
    const advanced = new Map<string, Position>();
    const appliedCounts = new Map<string, number>();
    await this.options.db.transaction(async (tx) => {
      for (const event of batch) {
        for (const projection of this.projections) {
          const checkpoint = advanced.get(projection.name) ?? this.checkpoints.get(projection.name) ?? 'start';
          if (comparePositions(event.position, checkpoint) <= 0) continue;
          await this.applyOne(projection, event, tx);
          advanced.set(projection.name, event.position);
          appliedCounts.set(projection.name, (appliedCounts.get(projection.name) ?? 0) + 1);
        }
      }
      for (const projection of this.projections) {
        const position = advanced.get(projection.name);
        if (position) await this.checkpointStore.write(tx, projection.name, projection.version, position);
      }
    });
    for (const [name, position] of advanced) this.checkpoints.set(name, position);
    for (const [name, count] of appliedCounts) this.metrics.eventsApplied.inc({ projection: name }, count);
    this.metrics.batchesApplied.inc();
    this.metrics.batchDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    this.notifyWaiters();
  }

  private async applyOne(projection: Projection, event: RecordedEvent, tx: SqlExecutor): Promise<void> {
    try {
      await projection.apply(event, tx);
    } catch (error) {
      throw new PoisonEventError(projection.name, event, error);
    }
  }

  private fail(error: unknown): void {
    const poison = error instanceof PoisonEventError ? error : undefined;
    const cause = poison ? poison.reason : error;
    this.currentFailure = {
      projection: poison?.projection,
      eventType: poison?.event.type,
      streamId: poison?.event.streamId,
      position: poison ? formatPosition(poison.event.position) : undefined,
      ...errorDetails(cause),
    };
    this.currentStatus = 'failed';
    this.metrics.failed.set(1);
    if (poison) this.metrics.poisonEvents.inc({ projection: poison.projection, event_type: poison.event.type });
    this.logger.error(
      { ...this.currentFailure, runnerPosition: formatPosition(this.position()) },
      poison ? 'poison event: projection runner stopped; fix the projection and restart (or rebuild)' : 'projection runner stopped: subscription failed',
    );
    this.releaseWaiters();
  }

  private notifyWaiters(): void {
    const reached = this.position();
    for (const waiter of [...this.waiters]) {
      if (comparePositions(reached, waiter.target) >= 0) waiter.resolve(true);
    }
  }

  private releaseWaiters(): void {
    for (const waiter of [...this.waiters]) waiter.resolve(false);
  }
}

function errorDetails(error: unknown): { errorName: string; errorMessage: string } {
  const cause = error instanceof PoisonEventError ? error.reason : error;
  if (cause instanceof Error) return { errorName: cause.name, errorMessage: cause.message };
  return { errorName: typeof cause, errorMessage: String(cause) };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
