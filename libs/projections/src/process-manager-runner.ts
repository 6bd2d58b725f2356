import { comparePositions, formatPosition, type AllSubscription, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import type { SqlDatabase } from '@samabay/sql';
import { CheckpointStore } from './checkpoint-store';
import { stderrRunnerLogger, type RunnerLogger } from './runner-logger';

/**
 * A process manager (a "policy" reacting to events by sending commands, DESIGN §1, §6): `handle` runs its
 * steps for one event and must be idempotent — the runner delivers every event at least once (again after a
 * crash before the checkpoint was stored), so each step carries a deterministic idempotency key.
 * `handles` says which events concern it (the runner skips the others without calling `handle`).
 */
export interface ProcessManager {
  readonly name: string;
  handles(event: RecordedEvent): boolean;
  handle(event: RecordedEvent): Promise<unknown>;
}

/** Options of {@link ProcessManagerRunner}. */
export interface ProcessManagerRunnerOptions {
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly managers: readonly ProcessManager[];
  /** Schema of its checkpoints table (one row per manager). Default 'process_managers'. */
  readonly schema?: string;
  /** Attempts at one event before the runner stops as `failed` (an operator must look). Default 5. */
  readonly maxAttempts?: number;
  /** First pause between attempts in ms (doubles each attempt, at most 5 s). Default 100. */
  readonly retryDelayMs?: number;
  /** Events skipped between two checkpoint writes when none concerns a manager. Default 500. */
  readonly checkpointEvery?: number;
  readonly logger?: RunnerLogger;
}

/** Runner states; `failed`: an event kept failing (or the subscription failed) and the runner stopped. */
export type ProcessManagerRunnerStatus = 'stopped' | 'running' | 'failed';

/**
 * Runs process managers off the store's `$all` subscription in single-node mode (as the ProjectionRunner
 * runs projections; with Kafka the same managers would sit behind a consumer). Events are handed over one
 * at a time in global order; a manager's checkpoint (full position, table `<schema>.checkpoints`) is stored
 * after each event it handled and every `checkpointEvery` events otherwise, so a restart resumes after the
 * last stored position and re-delivers at most the events after it (the managers are idempotent).
 * An event whose handling throws is retried with backoff up to `maxAttempts`, then the runner logs it and
 * stops as `failed` — it never skips an event silently.
 */
export class ProcessManagerRunner {
  private readonly checkpointStore: CheckpointStore;
  private readonly checkpoints = new Map<string, Position | 'start'>();
  private readonly logger: RunnerLogger;
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private currentStatus: ProcessManagerRunnerStatus = 'stopped';
  private stopping = false;
  private processed: Position | 'start' = 'start';
  private readonly waiters = new Set<{ target: Position; resolve: (reached: boolean) => void }>();

  constructor(private readonly options: ProcessManagerRunnerOptions) {
    this.checkpointStore = new CheckpointStore(options.schema ?? 'process_managers');
    this.logger = options.logger ?? stderrRunnerLogger;
  }

  /** The runner's state. */
  status(): ProcessManagerRunnerStatus {
    return this.currentStatus;
  }

  /** The last position every manager has dealt with ('start' before any). */
  position(): Position | 'start' {
    return this.processed;
  }

  /** Creates the checkpoints table, then follows `$all` from the lowest stored checkpoint in the background. Throws if running. */
  async start(): Promise<void> {
    if (this.currentStatus === 'running') throw new Error('the process manager runner is already running');
    this.stopping = false;
    const stored = await this.options.db.transaction(async (tx) => {
      await this.checkpointStore.setup(tx);
      return this.checkpointStore.readAll(tx);
    });
    let from: Position | 'start' | undefined;
    for (const manager of this.options.managers) {
      const checkpoint = stored.get(manager.name)?.position ?? 'start';
      this.checkpoints.set(manager.name, checkpoint);
      if (from === undefined || comparePositions(checkpoint, from) < 0) from = checkpoint;
    }
    this.processed = from ?? 'start';
    this.subscription = this.options.store.subscribeToAll({ fromPosition: this.processed });
    this.currentStatus = 'running';
    this.logger.info({ from: formatPosition(this.processed), managers: this.options.managers.map((manager) => manager.name) }, 'process manager runner started');
    this.loop = this.follow(this.subscription);
  }

  /** Stops after the event in progress (storing the checkpoints reached). Safe to call twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
    this.subscription = undefined;
    this.loop = undefined;
    if (this.currentStatus !== 'failed') this.currentStatus = 'stopped';
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
  }

  /** Resolves true once every manager has dealt with the event at `position`; false after `timeoutMs` or when the runner stops. */
  waitForPosition(position: Position | 'start', timeoutMs: number): Promise<boolean> {
    if (position === 'start' || comparePositions(this.processed, position) >= 0) return Promise.resolve(true);
    if (this.currentStatus !== 'running') return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        target: position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    let sinceCheckpoint = 0;
    try {
      for await (const event of subscription) {
        if (this.stopping) break;
        let handled = false;
        for (const manager of this.options.managers) {
          if (comparePositions(event.position, this.checkpoints.get(manager.name) ?? 'start') <= 0) continue;
          if (manager.handles(event)) {
            await this.handleWithRetries(manager, event);
            handled = true;
          }
        }
        this.processed = event.position;
        sinceCheckpoint += 1;
        if (handled || sinceCheckpoint >= (this.options.checkpointEvery ?? 500)) {
          await this.storeCheckpoints(event.position);
          sinceCheckpoint = 0;
        }
        this.releaseWaiters();
      }
      if (sinceCheckpoint > 0) await this.storeCheckpoints(this.processed as Position);
    } catch (error) {
      if (this.stopping) return;
      this.currentStatus = 'failed';
      this.logger.error({ errorName: error instanceof Error ? error.name : typeof error, ...(error instanceof HandlingFailed ? error.details : {}) }, 'process manager runner stopped: an event kept failing');
      for (const waiter of this.waiters) waiter.resolve(false);
    }
  }

  private async handleWithRetries(manager: ProcessManager, event: RecordedEvent): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let delay = this.options.retryDelayMs ?? 100;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await manager.handle(event);
        return;
      } catch (error) {
        const details = { manager: manager.name, eventType: event.type, streamId: event.streamId, position: formatPosition(event.position), attempt, errorName: error instanceof Error ? error.name : typeof error };
        if (attempt >= maxAttempts || this.stopping) throw new HandlingFailed(details);
        // (while stopping, the loop ends without storing this event's checkpoint: the next start re-delivers it)
        this.logger.warn(details, 'process manager step failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  private async storeCheckpoints(position: Position): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      for (const manager of this.options.managers) {
        if (comparePositions(position, this.checkpoints.get(manager.name) ?? 'start') <= 0) continue;
        await this.checkpointStore.write(tx, manager.name, 1, position);
        this.checkpoints.set(manager.name, position);
      }
    });
  }

  private releaseWaiters(): void {
    for (const waiter of this.waiters) if (comparePositions(this.processed, waiter.target) >= 0) waiter.resolve(true);
  }
}

class HandlingFailed extends Error {
  constructor(readonly details: Record<string, unknown>) {
    super('a process manager kept failing on one event');
  }
}
