import { comparePositions, formatPosition, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import { eventToMessage, type MessagePublisher, type MessagingClient, type OutgoingMessage } from '@samabay/messaging';
import { ensureTopicsExist, SubscriptionBuffer } from '@samabay/projections';
import type { SqlDatabase } from '@samabay/sql';
import type { Registry } from 'prom-client';
import { categoryLabel, CategoryTopics } from './category-topics';
import { RelayCheckpointStore } from './relay-checkpoint-store';
import type { RelayLock } from './relay-lock';
import { errorSummary, stderrRelayLogger, type RelayLogger } from './relay-logger';
import { RelayMetrics } from './relay-metrics';

/** Options of {@link Relay}. */
export interface RelayOptions {
  /** The store's database: the checkpoint table lives here. */
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly messaging: MessagingClient;
  /** Makes this relay the only active one of its store (PostgresAdvisoryLock). */
  readonly lock: RelayLock;
  /** Partitions of the topics created at start (KAFKA_PARTITIONS). */
  readonly partitions: number;
  /** Category → topic routing. Default: the category table, no namespace. */
  readonly topics?: CategoryTopics;
  /** Checkpoint row name. Default 'relay'. */
  readonly name?: string;
  /** Schema of the checkpoint table. Default 'relay'. */
  readonly schema?: string;
  /** Events per publish (one Kafka request, then one checkpoint write). Default 500. */
  readonly batchSize?: number;
  /** Pause between two attempts at the lock while standing by, ms. Default 1000. */
  readonly lockRetryMs?: number;
  /** Pause after a publish or database failure before trying again from the checkpoint, ms. Default 1000. */
  readonly failureBackoffMs?: number;
  readonly registry?: Registry;
  readonly logger?: RelayLogger;
  /** Clock for lag in seconds. Default: system clock. */
  readonly clock?: () => Date;
  /** Lag in events is counted up to this many. Default 10,000. */
  readonly lagCountCap?: number;
}

/** `standby`: running, waiting for the lock; `active`: holding it and publishing. */
export type RelayRole = 'stopped' | 'standby' | 'active';

interface Waiter {
  readonly target: Position;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Publishes the store's `$all` to Kafka (DESIGN §6, issue 3 item 3).
 *
 * - `start()` creates the checkpoint table and the topics of the category table (partition count
 *   from `partitions`), then runs in the background: it tries the lock every `lockRetryMs` and,
 *   once it holds it, follows `$all` from its checkpoint.
 * - Events are mapped by `eventToMessage` (topic `samabay.<service>.<category>.v1`, key = stream id,
 *   JSON envelope, headers type/eventId/position/streamId/revision) and published in `$all` order,
 *   in batches; the checkpoint (full position) is written only after Kafka acknowledged the batch.
 *   A crash therefore re-publishes at most the unacknowledged batch (consumers dedupe) and loses nothing.
 * - When the lock's connection dies the relay stops publishing and goes back to standing by; a
 *   publish or database failure is logged and retried from the checkpoint after `failureBackoffMs`
 *   (the publisher starts that re-publication afresh: the Kafka adapter replaces its idempotent
 *   producer after a failed publish, see MessagePublisher.publish).
 * - Events of a category without an owning service are skipped, counted and logged once per category.
 */
export class Relay {
  private readonly name: string;
  private readonly topics: CategoryTopics;
  private readonly checkpoints: RelayCheckpointStore;
  private readonly batchSize: number;
  private readonly lockRetryMs: number;
  private readonly failureBackoffMs: number;
  private readonly logger: RelayLogger;
  private readonly clock: () => Date;
  private readonly lagCountCap: number;
  private readonly metrics: RelayMetrics;
  private readonly waiters = new Set<Waiter>();
  private readonly warnedCategories = new Set<string>();
  private currentRole: RelayRole = 'stopped';
  private published: Position | 'start' = 'start';
  private publisher: MessagePublisher | undefined;
  private buffer: SubscriptionBuffer | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private lockLost = false;
  private wakeSleeper: (() => void) | undefined;
  private lagInFlight: Promise<{ events: number; seconds: number }> | undefined;

  constructor(private readonly options: RelayOptions) {
    this.name = options.name ?? 'relay';
    this.topics = options.topics ?? new CategoryTopics();
    this.checkpoints = new RelayCheckpointStore(options.schema ?? 'relay');
    this.batchSize = positiveInteger(options.batchSize ?? 500, 'batchSize');
    this.lockRetryMs = options.lockRetryMs ?? 1000;
    this.failureBackoffMs = options.failureBackoffMs ?? 1000;
    this.logger = options.logger ?? stderrRelayLogger;
    this.clock = options.clock ?? (() => new Date());
    this.lagCountCap = positiveInteger(options.lagCountCap ?? 10_000, 'lagCountCap');
    this.metrics = new RelayMetrics(options.registry, this);
    options.lock.onLost(() => {
      this.lockLost = true;
      this.logger.warn({ relay: this.name }, 'relay lost its lock: it stops publishing and stands by');
      void this.buffer?.close();
    });
  }

  /** Whether the relay is stopped, standing by for the lock, or active. */
  role(): RelayRole {
    return this.currentRole;
  }

  /** The position of the last event Kafka acknowledged from this relay (or its stored checkpoint once active); 'start' before any. */
  position(): Position | 'start' {
    return this.published;
  }

  /**
   * Creates the checkpoint table and the topics, then runs in the background (standing by until it
   * holds the lock). Throws when the database or the broker cannot be reached, or when already running.
   */
  async start(): Promise<void> {
    if (this.loop) throw new Error('the relay is already running');
    await this.checkpoints.setup(this.options.db);
    await ensureTopicsExist(
      this.options.messaging,
      this.topics.allTopics().map((topic) => ({ topic, partitions: this.options.partitions })),
    );
    this.publisher = this.options.messaging.createPublisher();
    this.stopping = false;
    this.setRole('standby');
    this.logger.info({ relay: this.name, topics: this.topics.allTopics().length }, 'relay started; standing by for the lock');
    this.loop = this.run();
  }

  /** Stops after the batch in progress (its checkpoint included), releases the lock and closes the publisher. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeSleeper?.();
    await this.buffer?.close();
    await this.loop;
    this.loop = undefined;
    await this.options.lock.release();
    await this.publisher?.close();
    this.publisher = undefined;
    this.setRole('stopped');
    for (const waiter of [...this.waiters]) waiter.resolve(false);
  }

  /** Resolves true once this relay has published up to `position`, false after `timeoutMs` or at stop. */
  waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    if (comparePositions(this.published, position) >= 0) return Promise.resolve(true);
    if (this.currentRole === 'stopped') return Promise.resolve(false);
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

  /** Events in the store after the stored checkpoint (capped) and the age in seconds of the oldest of them. */
  lag(): Promise<{ events: number; seconds: number }> {
    this.lagInFlight ??= this.measureLag().finally(() => (this.lagInFlight = undefined));
    return this.lagInFlight;
  }

  private async measureLag(): Promise<{ events: number; seconds: number }> {
    const position = this.currentRole === 'active' ? this.published : await this.checkpoints.read(this.options.db, this.name);
    const head = await this.options.store.headPosition();
    if (comparePositions(head, position) <= 0) return { events: 0, seconds: 0 };
    const behind = await this.options.store.readAll({ fromPosition: position, maxCount: this.lagCountCap });
    const oldest = behind[0];
    return { events: behind.length, seconds: oldest ? Math.max(0, (this.clock().getTime() - oldest.recordedAt.getTime()) / 1000) : 0 };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.options.lock.tryAcquire())) {
          await this.sleep(this.lockRetryMs);
          continue;
        }
        this.lockLost = false;
        await this.publishWhileHolding();
      } catch (error) {
        if (this.stopping) break;
        this.metrics.publishFailures.inc();
        this.logger.error({ relay: this.name, position: formatPosition(this.published), ...errorSummary(error) }, 'relay failed; it resumes from its checkpoint');
        this.setRole('standby');
        await this.options.lock.release();
        await this.sleep(this.failureBackoffMs);
      }
    }
  }

  private async publishWhileHolding(): Promise<void> {
    const { db, store } = this.options;
    this.published = await this.checkpoints.read(db, this.name);
    const buffer = new SubscriptionBuffer(store.subscribeToAll({ fromPosition: this.published }), this.batchSize * 2);
    this.buffer = buffer;
    buffer.start();
    if (this.lockLost || this.stopping) await buffer.close();
    this.setRole('active');
    this.logger.info({ relay: this.name, from: formatPosition(this.published) }, 'relay holds the lock and publishes');
    try {
      for (;;) {
        const batch = await buffer.take(this.batchSize);
        if (batch.length === 0) {
          if (this.stopping || this.lockLost) return;
          throw new Error('the $all subscription ended unexpectedly');
        }
        await this.publish(batch);
      }
    } finally {
      await buffer.close();
      this.buffer = undefined;
      if (!this.stopping) this.setRole('standby');
    }
  }

  private async publish(batch: readonly RecordedEvent[]): Promise<void> {
    const messages: OutgoingMessage[] = [];
    for (const event of batch) {
      const service = this.topics.serviceForStream(event.streamId);
      if (service === undefined) {
        this.skipUnrouted(event);
        continue;
      }
      messages.push(eventToMessage(service, event));
    }
    await (this.publisher as MessagePublisher).publish(messages);
    const last = batch[batch.length - 1].position;
    await this.checkpoints.advance(this.options.db, this.name, last);
    this.published = last;
    for (const message of messages) this.metrics.eventsPublished.inc({ topic: message.topic });
    this.metrics.batchesPublished.inc();
    for (const waiter of [...this.waiters]) if (comparePositions(this.published, waiter.target) >= 0) waiter.resolve(true);
  }

  private skipUnrouted(event: RecordedEvent): void {
    const category = categoryLabel(event.streamId);
    this.metrics.eventsUnrouted.inc({ category });
    if (this.warnedCategories.has(category)) return;
    this.warnedCategories.add(category);
    this.logger.warn({ relay: this.name, category, position: formatPosition(event.position) }, 'stream category has no owning service in the category table: its events are not published');
  }

  private setRole(role: RelayRole): void {
    this.currentRole = role;
    this.metrics.active.set(role === 'active' ? 1 : 0);
  }

  /** Waits `ms` unless the relay is stopped first. */
  private async sleep(ms: number): Promise<void> {
    if (this.stopping) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wakeSleeper = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
    this.wakeSleeper = undefined;
  }
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${field} must be a positive integer`);
  return value;
}
