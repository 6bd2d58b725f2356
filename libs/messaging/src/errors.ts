/**
 * Typed errors of the messaging port. Each has a stable `code` to match on; messages name topics,
 * partitions, offsets and broker addresses only — never a message's key, value or headers.
 */

/** Base class of every messaging error. */
export abstract class MessagingError extends Error {
  abstract readonly code: string;
}

/** A setting (environment variable or option) is missing or malformed; `field` names it. */
export class MessagingConfigError extends MessagingError {
  readonly code = 'MESSAGING_CONFIG_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingConfigError';
  }
}

/** A message (or an event envelope read from one) is malformed; `field` names the part, e.g. `messages[2].key`. */
export class InvalidMessageError extends MessagingError {
  readonly code = 'INVALID_MESSAGE';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}

/** A topic name, service name or stream id cannot form a valid topic name; `field` names the input. */
export class InvalidTopicNameError extends MessagingError {
  readonly code = 'INVALID_TOPIC_NAME';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTopicNameError';
  }
}

/** No broker of `brokers` could be reached (connection refused, unknown host, timeout) within the retry budget. Retriable later. */
export class BrokerUnreachableError extends MessagingError {
  readonly code = 'BROKER_UNREACHABLE';
  constructor(
    readonly brokers: readonly string[],
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Kafka broker(s) ${brokers.join(',')} unreachable: ${detail}`, options);
    this.name = 'BrokerUnreachableError';
  }
}

/** The broker does not host these topics (topics are never auto-created: see TopicAdmin.ensureTopics). */
export class TopicNotFoundError extends MessagingError {
  readonly code = 'TOPIC_NOT_FOUND';
  constructor(
    readonly topics: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`topic(s) not found on the broker: ${topics.join(', ')}`, options);
    this.name = 'TopicNotFoundError';
  }
}

/** The broker answered an `operation` (publish, ensureTopics, subscribe, …) with a failure; `cause` holds the client's error. */
export class BrokerRequestFailedError extends MessagingError {
  readonly code = 'BROKER_REQUEST_FAILED';
  constructor(
    readonly operation: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation} failed: ${detail}`, options);
    this.name = 'BrokerRequestFailedError';
  }
}

/**
 * A consumer's handler rejected: the message (or batch) at `offset` was not committed and will be
 * delivered again to the next consumer of the group. `cause` is the handler's error.
 */
export class HandlerFailedError extends MessagingError {
  readonly code = 'HANDLER_FAILED';
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: bigint,
    options: { cause: unknown },
  ) {
    super(`handler failed on ${topic}[${partition}] at offset ${offset}: ${describeCause(options.cause)}`, options);
    this.name = 'HandlerFailedError';
  }
}

/** A publisher or consumer is not in a state for the call (publish after close, run while running, pause while stopped). */
export class MessagingStateError extends MessagingError {
  readonly code = 'MESSAGING_STATE';
  constructor(message: string) {
    super(message);
    this.name = 'MessagingStateError';
  }
}

/** The error's name and stable code, not its message (a handler's message is not ours to vouch for). */
function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${cause.name} (${code})` : cause.name;
  }
  return typeof cause;
}
