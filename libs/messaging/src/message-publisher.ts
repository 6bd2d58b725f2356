import type { OutgoingMessage } from './message';

/**
 * Publishes messages to the broker (DESIGN §6). Implementations use an idempotent producer with
 * `acks=all`, so a resolved `publish` means every message is durably acknowledged.
 */
export interface MessagePublisher {
  /**
   * Connects now (otherwise the first `publish` does). Throws BrokerUnreachableError when no broker
   * answers within the configured retry budget.
   */
  connect(): Promise<void>;

  /**
   * Sends `messages` and resolves only after the broker acknowledged all of them. Messages with the
   * same key land on the same partition in array order, and calls are sent one after the other in
   * call order, so order per key holds across calls too. An empty array resolves at once.
   * Throws InvalidMessageError (nothing sent), MessagingStateError (closed), TopicNotFoundError, BrokerUnreachableError or
   * BrokerRequestFailedError; after a failure some messages may have been written — possibly only
   * later, after messages of subsequent calls, when a stalled broker wakes up: re-publishing is
   * safe because consumers skip what they already applied. A failed publish never leaves the
   * publisher unusable: the next call starts afresh (the Kafka adapter uses a new idempotent producer).
   */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;

  /** Waits for publishes in progress, then disconnects. Idempotent. */
  close(): Promise<void>;
}
