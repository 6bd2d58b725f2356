import type { ExpectedRevision } from './event-store';

/** Base class of the event store's typed errors; `code` is stable and safe to show and match on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the expected revision; nothing was appended. `actual` is 'no_stream' or the last revision. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream "${streamId}": expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** One event's serialised data + metadata exceeds the store's limit; nothing was appended. */
export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`event ${eventId} is ${sizeBytes} bytes; the limit is ${limitBytes} bytes`);
    this.name = 'EventTooLargeError';
  }
}

/** The append itself is malformed (empty batch, bad stream id, missing type, non-uuid id, …); `field` names it. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store could not be reached or failed; the operation may be retried. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
