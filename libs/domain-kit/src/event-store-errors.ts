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

/**
 * An event id of the append is already recorded elsewhere (another stream, or this stream but not
 * as the same consecutive batch), so the append is neither new nor an idempotent retry; nothing was
 * appended. Re-sending the same ids at the same place succeeds instead (idempotent append).
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`stream "${streamId}": event id ${eventId} is already recorded at another place; nothing was appended`);
    this.name = 'DuplicateEventIdError';
  }
}

/** A read option is malformed (negative maxCount, bad revision, …); `field` names it. */
export class InvalidReadError extends EventStoreError {
  readonly code = 'INVALID_READ';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidReadError';
  }
}
