import type { RecordedEvent } from '@samabay/event-store';
import {
  eventFromMessage,
  type ConsumerOptions,
  type ConsumerStopReason,
  type DeliveryContext,
  type IncomingBatch,
  type IncomingMessage,
  type MessageConsumer,
  type MessagePublisher,
  type MessagingClient,
  deadLetterTopic,
} from '@samabay/messaging';
import { isConnectionFailure, schemaTransaction, type SqlDatabase, type SqlExecutor } from '@samabay/sql';
import type { Registry } from 'prom-client';
import { deadLetterMessage, type ParkReason } from './kafka-feed-dead-letters';
import { KafkaFeedMetrics } from './kafka-feed-metrics';
import { KafkaFeedTables, type ParkedEventRow } from './kafka-feed-tables';
import { ensureTopicsExist } from './kafka-feed-topics';
import type { Projection } from './projection';
import { stderrRunnerLogger, type RunnerLogger } from './runner-logger';

/** Consumer settings the feed passes through to the messaging port (see ConsumerOptions). */
export type KafkaFeedConsumerSettings = Pick<ConsumerOptions, 'partitionsConsumedConcurrently' | 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'maxWaitTimeMs' | 'joinTimeoutMs' | 'fromBeginning'>;

/** Options of {@link KafkaProjectionFeed}. */
export interface KafkaProjectionFeedOptions {
  /** The read models' database. */
  readonly db: SqlDatabase;
  readonly messaging: MessagingClient;
  /** The same Projection objects the store-fed ProjectionRunner applies. */
  readonly projections: readonly Projection[];
  /** Event topics to consume (`samabay.<service>.<category>.v1`). */
  readonly topics: readonly string[];
  /** Consumer group; instances of one projector share it and split the partitions. */
  readonly groupId: string;
  /** Partitions of the `<topic>.dlq` topics created at start (KAFKA_PARTITIONS). */
  readonly partitions: number;
  /** Schema of the feed's bookkeeping tables. Default 'projections'. */
  readonly schema?: string;
  /** Attempts at one event before it is parked as poison. Default 3. */
  readonly maxAttempts?: number;
  /** Pause before attempt n is `retryDelayMs * (n - 1)`, ms. Default 100. */
  readonly retryDelayMs?: number;
  readonly registry?: Registry;
  readonly logger?: RunnerLogger;
  readonly consumer?: KafkaFeedConsumerSettings;
}

/** Counts since start (also exported as metrics), for tests and health checks. */
export interface KafkaFeedStats {
  /** Events applied by at least one projection. */
  readonly applied: number;
  /** Messages skipped because every projection had applied their (stream, revision) already. */
  readonly duplicates: number;
  readonly parked: number;
  readonly batches: number;
}

/** Thrown inside the transaction when an earlier event of the stream is parked: the event must queue behind it. */
class StreamBlockedError extends Error {
  constructor() {
    super('an earlier event of this stream is parked');
    this.name = 'StreamBlockedError';
  }
}

type Decoded = { readonly message: IncomingMessage; readonly event: RecordedEvent; readonly error?: undefined } | { readonly message: IncomingMessage; readonly event?: undefined; readonly error: unknown };

type Outcome = { readonly kind: 'duplicate' } | { readonly kind: 'applied'; readonly projections: readonly string[] };

/**
 * Applies projections from Kafka (DESIGN §6–7, issue 3 item 4): the same Projection objects as the
 * store-fed ProjectionRunner, fed by a consumer group instead of the store's subscription.
 *
 * - Idempotent by (stream, revision): `kafka_applied_revisions` keeps each projection's highest
 *   applied revision per stream, written in the transaction that writes the rows; a message whose
 *   revision every projection already applied is skipped (relay re-publications, redeliveries).
 * - A batch (one partition) is applied in one transaction; offsets are committed by the messaging
 *   port only after the handler resolved, i.e. after the transaction committed.
 * - A batch that fails is applied message by message; a message that still fails after
 *   `maxAttempts` is a poison event: it is published to `<topic>.dlq` with the error's name/code
 *   (never its message), recorded in `kafka_parked_events`, logged and counted
 *   (`samabay_kafka_projection_events_parked_total`), and skipped — other keys keep flowing. Later
 *   events of the same stream are parked behind it (reason STREAM_BLOCKED) so no read model skips
 *   an event and moves on; `replayDeadLetters` (npm run dlq:replay -- <topic>) re-feeds them in order.
 * - A database outage is not poison: the handler fails, nothing is committed, the consumer stops
 *   and `whenStopped()` says why (the process exits and is restarted).
 */
export class KafkaProjectionFeed {
  private readonly tables: KafkaFeedTables;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly logger: RunnerLogger;
  private readonly metrics: KafkaFeedMetrics;
  private readonly counts = { applied: 0, duplicates: 0, parked: 0, batches: 0 };
  private consumer: MessageConsumer | undefined;
  private publisher: MessagePublisher | undefined;

  constructor(private readonly options: KafkaProjectionFeedOptions) {
    const names = options.projections.map((projection) => projection.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new Error(`two projections are named "${duplicate}"`);
    if (options.topics.length === 0) throw new Error('the Kafka feed needs at least one topic');
    this.tables = new KafkaFeedTables(options.schema ?? 'projections');
    this.maxAttempts = options.maxAttempts ?? 3;
    if (!Number.isSafeInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.logger = options.logger ?? stderrRunnerLogger;
    this.metrics = new KafkaFeedMetrics(options.registry, this);
  }

  /**
   * Creates the projections' and the feed's tables and the `<topic>.dlq` topics, then joins the
   * consumer group; resolves once joined. Throws from the database or the messaging port, or when running.
   */
  async start(): Promise<void> {
    if (this.consumer) throw new Error('the Kafka feed is already running');
    await schemaTransaction(this.options.db, async (tx) => {
      await this.tables.setup(tx);
      for (const projection of this.options.projections) await projection.setup(tx);
    });
    await ensureTopicsExist(
      this.options.messaging,
      this.options.topics.map((topic) => ({ topic: deadLetterTopic(topic), partitions: this.options.partitions })),
    );
    this.publisher = this.options.messaging.createPublisher();
    const consumer = this.options.messaging.createConsumer({ ...this.options.consumer, groupId: this.options.groupId, topics: this.options.topics });
    this.consumer = consumer;
    try {
      await consumer.run({ eachBatch: (batch, context) => this.handleBatch(batch, context) });
    } catch (error) {
      this.consumer = undefined;
      await this.publisher.close();
      throw error;
    }
    this.logger.info({ group: this.options.groupId, topics: this.options.topics, projections: this.options.projections.map((p) => p.name) }, 'Kafka projection feed started');
  }

  /** Finishes the batch in progress (its commit included), leaves the group and closes the DLQ publisher. Idempotent. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
    await this.publisher?.close();
    this.publisher = undefined;
  }

  /** Resolves when the consumer stopped: `{ kind: 'failed', error }` after a database outage or a broker failure. */
  whenStopped(): Promise<ConsumerStopReason> {
    return this.consumer?.whenStopped() ?? Promise.resolve({ kind: 'stopped' });
  }

  /** Counts since construction. */
  stats(): KafkaFeedStats {
    return { ...this.counts };
  }

  /**
   * Consumer lag: messages of the feed's topics after the group's committed offsets, summed over
   * partitions (a partition the group never committed counts from 0). Throws from the messaging port.
   */
  async lag(): Promise<number> {
    const admin = this.options.messaging.createTopicAdmin();
    try {
      let behind = 0n;
      for (const topic of this.options.topics) {
        for (const partition of await admin.consumerGroupOffsets(this.options.groupId, topic)) behind += partition.end - (partition.committed ?? 0n);
      }
      return Number(behind);
    } finally {
      await admin.close();
    }
  }

  /** The events this group has parked and not yet applied, oldest first. */
  parkedEvents(): Promise<ParkedEventRow[]> {
    return this.tables.listParked(this.options.db, this.options.groupId);
  }

  private async handleBatch(batch: IncomingBatch, context: DeliveryContext): Promise<void> {
    const items = batch.messages.map(decode);
    if (items.every((item) => item.event)) {
      try {
        const outcomes = await this.options.db.transaction(async (tx) => {
          const results: Outcome[] = [];
          for (const item of items) results.push(await this.applyInTransaction(tx, item.event as RecordedEvent));
          return results;
        });
        outcomes.forEach((outcome) => this.count(outcome, batch.topic));
        this.finishBatch(batch.topic);
        return;
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        if (!(error instanceof StreamBlockedError)) {
          this.logger.warn({ group: this.options.groupId, topic: batch.topic, partition: batch.partition, events: items.length, ...errorSummary(error) }, 'Kafka batch failed; applying its events one by one');
        }
      }
    }
    for (const item of items) {
      await this.handleOne(item);
      await context.heartbeat();
    }
    this.finishBatch(batch.topic);
  }

  private async handleOne(item: Decoded): Promise<void> {
    if (!item.event) {
      await this.park(item.message, undefined, 'INVALID_MESSAGE', describeError(item.error), 0);
      return;
    }
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await delay(this.retryDelayMs * (attempt - 1));
      try {
        const outcome = await this.options.db.transaction((tx) => this.applyInTransaction(tx, item.event));
        this.count(outcome, item.message.topic);
        return;
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        if (error instanceof StreamBlockedError) {
          await this.park(item.message, item.event, 'STREAM_BLOCKED', 'StreamBlockedError', 0);
          return;
        }
        lastError = error;
      }
    }
    await this.park(item.message, item.event, 'POISON', describeError(lastError), this.maxAttempts);
  }

  private async applyInTransaction(tx: SqlExecutor, event: RecordedEvent): Promise<Outcome> {
    const applied = await this.tables.appliedRevisions(tx, event.streamId);
    const needed = this.options.projections.filter((projection) => (applied.get(projection.name) ?? -1) < event.revision);
    if (needed.length === 0) return { kind: 'duplicate' };
    if (await this.tables.blockedBelow(tx, this.options.groupId, event.streamId, event.revision)) throw new StreamBlockedError();
    for (const projection of needed) {
      await projection.apply(event, tx);
      await this.tables.markApplied(tx, projection.name, event.streamId, event.revision);
    }
    await this.tables.unpark(tx, this.options.groupId, event.streamId, event.revision);
    return { kind: 'applied', projections: needed.map((projection) => projection.name) };
  }

  /** Publishes the message to `<topic>.dlq` (awaiting the acknowledgement), then records the parking; both before the offset is committed. */
  private async park(message: IncomingMessage, event: RecordedEvent | undefined, reason: ParkReason, error: string, attempts: number): Promise<void> {
    const group = this.options.groupId;
    await (this.publisher as MessagePublisher).publish([deadLetterMessage(message, { group, reason, error, attempts, parkedAt: new Date() })]);
    if (event) {
      await this.options.db.transaction((tx) =>
        this.tables.park(tx, group, { streamId: event.streamId, revision: event.revision, eventType: event.type, topic: message.topic, reason, error }),
      );
    }
    this.counts.parked++;
    this.metrics.eventsParked.inc({ group, topic: message.topic, reason });
    this.logger.error(
      {
        group,
        topic: message.topic,
        partition: message.partition,
        offset: message.offset.toString(),
        deadLetterTopic: deadLetterTopic(message.topic),
        streamId: event?.streamId,
        revision: event?.revision,
        eventType: event?.type,
        reason,
        error,
        attempts,
      },
      'event parked on the dead-letter topic; other keys keep flowing (replay with npm run dlq:replay -- <topic>)',
    );
  }

  private count(outcome: Outcome, topic: string): void {
    if (outcome.kind === 'duplicate') {
      this.counts.duplicates++;
      this.metrics.duplicatesSkipped.inc({ topic });
      return;
    }
    this.counts.applied++;
    for (const projection of outcome.projections) this.metrics.eventsApplied.inc({ projection });
  }

  private finishBatch(topic: string): void {
    this.counts.batches++;
    this.metrics.batchesCommitted.inc({ topic });
  }
}

function decode(message: IncomingMessage): Decoded {
  try {
    return { message, event: eventFromMessage(message) };
  } catch (error) {
    return { message, error };
  }
}

/** An error's name and stable code, never its message (a projection's message may quote event data). */
function describeError(error: unknown): string {
  const { errorName, errorCode } = errorSummary(error);
  return errorCode ? `${errorName} (${errorCode})` : errorName;
}

function errorSummary(error: unknown): { errorName: string; errorCode?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? { errorName: error.name, errorCode: code } : { errorName: error.name };
  }
  return { errorName: typeof error };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
