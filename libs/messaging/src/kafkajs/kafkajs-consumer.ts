import type { Consumer, EachBatchPayload, EachMessagePayload, Kafka } from 'kafkajs';
import { BrokerRequestFailedError, HandlerFailedError, MessagingStateError, type MessagingError } from '../errors';
import type { ConsumerHandler, ConsumerOptions, ConsumerStopReason, DeliveryContext, MessageConsumer, TopicPartitions } from '../message-consumer';
import type { MessagingConfig } from '../messaging-config';
import type { MessagingLogger } from '../messaging-logger';
import { assertTopicName } from '../topic-naming';
import { kafkajsRetry } from './kafkajs-client';
import { groupMembershipLost, toMessagingError } from './kafkajs-errors';
import { toIncomingBatch, toIncomingMessage } from './kafkajs-messages';

const DEFAULT_JOIN_TIMEOUT_MS = 60_000;

/** One `run` of the consumer: its kafkajs consumer and how it ends. */
interface ActiveRun {
  readonly consumer: Consumer;
  readonly stopped: Promise<ConsumerStopReason>;
  finish(reason: ConsumerStopReason): void;
  /** Set when a handler rejected: the crash that follows is this failure, never restarted. */
  handlerFailure?: HandlerFailedError;
  stopping: boolean;
}

/**
 * MessageConsumer over a kafkajs consumer with autoCommit off: the wrapper commits `offset + 1`
 * after the handler resolved (per message, or per batch). A rejecting handler turns into a
 * non-retriable HandlerFailedError, which makes kafkajs stop and leave the group without
 * committing (instead of retrying the message in place); broker-side failures are retriable and
 * kafkajs restarts the consumer itself. Each `run` creates a fresh kafkajs consumer.
 */
export class KafkajsMessageConsumer implements MessageConsumer {
  private active: ActiveRun | null = null;
  private lastStop: Promise<ConsumerStopReason> = Promise.resolve({ kind: 'stopped' });

  constructor(
    private readonly kafka: Kafka,
    private readonly config: MessagingConfig,
    private readonly options: ConsumerOptions,
    private readonly logger: MessagingLogger,
  ) {
    if (options.groupId.trim() === '') throw new MessagingStateError('a consumer needs a non-empty groupId');
    if (options.topics.length === 0) throw new MessagingStateError('a consumer needs at least one topic');
    options.topics.forEach((topic) => assertTopicName(topic));
  }

  /** See MessageConsumer.run. */
  async run(handler: ConsumerHandler): Promise<void> {
    if (this.active) throw new MessagingStateError(`consumer of group ${this.options.groupId} is already running`);
    if (typeof handler.eachMessage !== 'function' && typeof handler.eachBatch !== 'function') {
      throw new MessagingStateError('run needs an eachMessage or an eachBatch handler');
    }
    const run = this.startRun();
    const join = this.watchGroupJoin(run);
    const { consumer } = run;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        ...(handler.eachMessage
          ? { eachMessage: (payload: EachMessagePayload) => this.deliverMessage(run, handler.eachMessage, payload) }
          : { eachBatch: (payload: EachBatchPayload) => this.deliverBatch(run, handler.eachBatch!, payload) }),
      });
      await join.joined;
    } catch (error) {
      join.cancel();
      const failure = toMessagingError(error, { operation: 'run', brokers: this.config.brokers, topics: this.options.topics });
      await consumer.disconnect().catch(() => undefined);
      run.finish({ kind: 'failed', error: failure });
      throw failure;
    }
  }

  /** See MessageConsumer.pause. */
  pause(targets?: readonly TopicPartitions[]): void {
    this.requireActive('pause').consumer.pause(this.topicPartitions(targets));
  }

  /** See MessageConsumer.resume. */
  resume(targets?: readonly TopicPartitions[]): void {
    this.requireActive('resume').consumer.resume(this.topicPartitions(targets));
  }

  /** See MessageConsumer.stop. */
  async stop(): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.stopping = true;
    try {
      await run.consumer.disconnect();
    } catch (error) {
      this.logger.warn({ groupId: this.options.groupId, error: describe(error) }, 'consumer did not disconnect cleanly');
    }
    run.finish({ kind: 'stopped' });
  }

  /** See MessageConsumer.whenStopped. */
  whenStopped(): Promise<ConsumerStopReason> {
    return this.lastStop;
  }

  private startRun(): ActiveRun {
    let settle!: (reason: ConsumerStopReason) => void;
    const stopped = new Promise<ConsumerStopReason>((resolve) => (settle = resolve));
    const run: ActiveRun = {
      consumer: this.kafka.consumer({
        groupId: this.options.groupId,
        sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.options.heartbeatIntervalMs ?? 3000,
        maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 1000,
        allowAutoTopicCreation: false,
        retry: { ...kafkajsRetry(this.config.retry), restartOnFailure: async () => run.handlerFailure === undefined },
      }),
      stopped,
      stopping: false,
      finish: (reason) => {
        if (this.active === run) this.active = null;
        settle(reason);
      },
    };
    this.active = run;
    this.lastStop = stopped;
    return run;
  }

  /**
   * `joined` resolves on the first group join and rejects when the run fails first or the join
   * takes longer than joinTimeoutMs; `cancel` drops the timer. Also ends the run on a crash that
   * kafkajs does not restart from (a handler failure, or retries exhausted on a non-retriable error).
   */
  private watchGroupJoin(run: ActiveRun): { joined: Promise<void>; cancel(): void } {
    const { consumer } = run;
    const timeoutMs = this.options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const joined = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new BrokerRequestFailedError('join group', `group ${this.options.groupId} not joined within ${timeoutMs} ms`)), timeoutMs);
      const removeJoinListener = consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        removeJoinListener();
        resolve();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart) {
          this.logger.warn({ groupId: this.options.groupId, error: describe(payload.error) }, 'consumer crashed; the client restarts it');
          return;
        }
        const failure: MessagingError =
          run.handlerFailure ?? toMessagingError(payload.error, { operation: 'consume', brokers: this.config.brokers, topics: this.options.topics });
        clearTimeout(timer);
        this.logger.error({ groupId: this.options.groupId, code: failure.code, error: failure.message }, 'consumer stopped after a failure; nothing after the last commit was committed');
        reject(failure);
        run.finish({ kind: 'failed', error: failure });
      });
    });
    joined.catch(() => undefined); // the rejection is observed by run() or not needed after the join
    return { joined, cancel: () => clearTimeout(timer) };
  }

  private async deliverMessage(run: ActiveRun, handler: NonNullable<ConsumerHandler['eachMessage']>, payload: EachMessagePayload): Promise<void> {
    const { topic, partition, heartbeat, pause } = payload;
    const message = toIncomingMessage(topic, partition, payload.message);
    const context: DeliveryContext = { heartbeat, pausePartition: pause, isActive: () => !run.stopping };
    try {
      await handler(message, context);
    } catch (cause) {
      throw this.handlerFailed(run, new HandlerFailedError(topic, partition, message.offset, { cause }));
    }
    await this.commit(run, topic, partition, message.offset + 1n);
  }

  private async deliverBatch(run: ActiveRun, handler: NonNullable<ConsumerHandler['eachBatch']>, payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, pause, isRunning, isStale } = payload;
    if (batch.isEmpty()) return;
    const incoming = toIncomingBatch(batch);
    const context: DeliveryContext = { heartbeat, pausePartition: pause, isActive: () => !run.stopping && isRunning() && !isStale() };
    try {
      await handler(incoming, context);
    } catch (cause) {
      throw this.handlerFailed(run, new HandlerFailedError(batch.topic, batch.partition, BigInt(batch.firstOffset() ?? '0'), { cause }));
    }
    await this.commit(run, batch.topic, batch.partition, BigInt(batch.lastOffset()) + 1n);
  }

  /**
   * Commits `offset` (the next one to read) of a partition. When the coordinator answers that this
   * member must rejoin the group (its session expired — a broker restart longer than the session
   * timeout —, or the group is rebalancing), kafkajs's commit retrier wraps that answer in a
   * non-retriable error and the consumer would stop for good; the answer itself is thrown instead,
   * so kafkajs rejoins the group and the uncommitted messages are delivered again (the handler's
   * effects are idempotent: DESIGN §6).
   */
  private async commit(run: ActiveRun, topic: string, partition: number, offset: bigint): Promise<void> {
    try {
      await run.consumer.commitOffsets([{ topic, partition, offset: offset.toString() }]);
    } catch (error) {
      const lost = groupMembershipLost(error);
      if (lost) this.logger.warn({ groupId: this.options.groupId, topic, partition, error: describe(lost) }, 'offset commit refused: this member rejoins the group and gets the uncommitted messages again');
      throw lost ?? error;
    }
  }

  /** Records the failure and returns an error kafkajs treats as non-retriable, so it stops instead of retrying in place. */
  private handlerFailed(run: ActiveRun, failure: HandlerFailedError): Error {
    run.handlerFailure = failure;
    return Object.assign(new Error(failure.message), { name: 'HandlerFailedError', retriable: false });
  }

  private requireActive(operation: string): ActiveRun {
    if (!this.active) throw new MessagingStateError(`cannot ${operation}: consumer of group ${this.options.groupId} is not running`);
    return this.active;
  }

  private topicPartitions(targets?: readonly TopicPartitions[]): Array<{ topic: string; partitions?: number[] }> {
    const chosen: readonly TopicPartitions[] = targets ?? this.options.topics.map((topic) => ({ topic }));
    return chosen.map(({ topic, partitions }) => (partitions ? { topic, partitions: [...partitions] } : { topic }));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
