import type { MessagingError } from './errors';
import type { IncomingBatch, IncomingMessage } from './message';

/** Topic partitions to pause or resume; no `partitions` means all of the topic's partitions. */
export interface TopicPartitions {
  readonly topic: string;
  readonly partitions?: readonly number[];
}

/** Passed to a handler alongside its message or batch. */
export interface DeliveryContext {
  /** Tells the group coordinator this member is alive; call it during long work (session timeout). */
  heartbeat(): Promise<void>;
  /** Pauses this message's partition after the current delivery; the returned function resumes it. */
  pausePartition(): () => void;
  /** False once the consumer is stopping or the partition was reassigned: stop early, without error. */
  isActive(): boolean;
}

/** Handles one message; the offset is committed only after the returned promise resolved. */
export type EachMessageHandler = (message: IncomingMessage, context: DeliveryContext) => Promise<void>;

/** Handles a batch of one partition; its offsets are committed only after the returned promise resolved. */
export type EachBatchHandler = (batch: IncomingBatch, context: DeliveryContext) => Promise<void>;

/** Exactly one of the two handler shapes. */
export type ConsumerHandler = { readonly eachMessage: EachMessageHandler; readonly eachBatch?: never } | { readonly eachBatch: EachBatchHandler; readonly eachMessage?: never };

/** Why a consumer stopped: `stop()` was called, or it failed (a handler rejected, or the broker could not be reached for good). */
export type ConsumerStopReason = { readonly kind: 'stopped' } | { readonly kind: 'failed'; readonly error: MessagingError };

/**
 * A member of a consumer group (at-least-once). Offsets are committed manually and only after the
 * handler resolved — never before the handler's effect is stored. When a handler rejects, nothing
 * of that message or batch is committed and the consumer stops (leaving the group, so its
 * partitions move to other members); `whenStopped()` resolves with a HandlerFailedError and the
 * next consumer of the group receives the message again. Poison handling (bounded retries, the
 * dead-letter topic) belongs to the handler. Broker outages are retried by the client and do not
 * stop the consumer. Handlers see each partition's messages in offset order; consumers must be
 * idempotent (skip what they already applied) because a message may be delivered again after a
 * rebalance or a crash between effect and commit.
 */
export interface MessageConsumer {
  /**
   * Connects, subscribes and joins the group; resolves once this member joined (it may have been
   * assigned no partition). Throws BrokerUnreachableError, TopicNotFoundError, MessagingStateError
   * (already running) or BrokerRequestFailedError. May be called again after the consumer stopped.
   */
  run(handler: ConsumerHandler): Promise<void>;

  /** Stops fetching from these partitions (default: all subscribed topics). Throws MessagingStateError when not running. */
  pause(targets?: readonly TopicPartitions[]): void;

  /** Resumes paused partitions (default: all subscribed topics). Throws MessagingStateError when not running. */
  resume(targets?: readonly TopicPartitions[]): void;

  /** Lets the current delivery finish (its commit included), leaves the group and disconnects. Idempotent. */
  stop(): Promise<void>;

  /** Resolves when the current (or last) run ended; pending while running; `{ kind: 'stopped' }` if never run. */
  whenStopped(): Promise<ConsumerStopReason>;
}

/** How a consumer joins its group and where a new group starts. */
export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts: true (default) = earliest, false = only new messages. */
  readonly fromBeginning?: boolean;
  /** Partitions handled at the same time (default 1); order within a partition holds regardless. */
  readonly partitionsConsumedConcurrently?: number;
  /** Group session timeout in ms (default 30000): a member silent this long is removed. */
  readonly sessionTimeoutMs?: number;
  /** Heartbeat interval in ms (default 3000). */
  readonly heartbeatIntervalMs?: number;
  /** Longest a fetch waits for new messages, in ms (default 1000); `stop()` may wait this long for the fetch in progress. */
  readonly maxWaitTimeMs?: number;
  /** Upper bound on `run`'s wait for the group join, in ms (default 60000); then BrokerRequestFailedError. */
  readonly joinTimeoutMs?: number;
}
