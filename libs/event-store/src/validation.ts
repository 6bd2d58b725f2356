import { Buffer } from 'node:buffer';
import { EventTooLargeError, InvalidAppendError, type EventData, type ExpectedRevision } from '@samabay/domain-kit';

/** An event checked and serialised for the INSERT: lower-case id, JSON texts of data and metadata. */
export interface SerialisedEvent {
  readonly id: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** Longest accepted stream id and event type, in characters. */
export const MAX_NAME_LENGTH = 200;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Whitespace and control characters make ids ambiguous in logs and topic keys; '$' prefixes are KurrentDB system streams.
const badStreamCharacter = /[\s\p{Cc}]/u;
/** JSON.stringify writes NUL as \u0000; an even run of backslashes before it means it is not an escape. */
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/**
 * Checks a stream id: 1–200 characters, no whitespace or control characters, not starting with '$'
 * (reserved for system streams). Throws InvalidAppendError with field 'streamId'.
 */
export function assertValidStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppendError('streamId', 'stream id must be a non-empty string');
  if (streamId.length > MAX_NAME_LENGTH) throw new InvalidAppendError('streamId', `stream id is longer than ${MAX_NAME_LENGTH} characters`);
  if (streamId.startsWith('$')) throw new InvalidAppendError('streamId', 'stream ids starting with "$" are reserved for system streams');
  if (badStreamCharacter.test(streamId)) throw new InvalidAppendError('streamId', 'stream id must not contain whitespace or control characters');
}

/**
 * Checks an expected revision: 'any' | 'no_stream' | 'stream_exists' | a safe integer ≥ 0.
 * -1 is accepted as a synonym of 'no_stream' (the revision of a stream with no event).
 * Throws InvalidAppendError with field 'expectedRevision'.
 */
export function normaliseExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (expected === -1) return 'no_stream';
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidAppendError('expectedRevision', `expected revision must be 'any', 'no_stream', 'stream_exists' or an integer ≥ 0, not ${String(expected)}`);
}

/**
 * Validates and serialises a batch. Field names in errors: 'events' (empty or not an array),
 * 'events[i].id' (not a uuid, or repeated in the batch), 'events[i].type', 'events[i].data',
 * 'events[i].metadata' (not a JSON object). Throws EventTooLargeError when an event's data +
 * metadata exceed `maxEventBytes` (UTF-8 bytes of their JSON). Nothing is written by this step.
 */
export function serialiseBatch(events: unknown, maxEventBytes: number): SerialisedEvent[] {
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError('events', 'an append needs at least one event');
  const seen = new Set<string>();
  return events.map((event: Partial<EventData> | null, index) => {
    const field = `events[${index}]`;
    if (typeof event !== 'object' || event === null) throw new InvalidAppendError(field, `${field} must be an object`);
    if (typeof event.id !== 'string' || !uuidPattern.test(event.id)) throw new InvalidAppendError(`${field}.id`, `${field}.id must be a uuid`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`${field}.id`, `${field}.id ${id} appears twice in the batch`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.trim().length === 0) throw new InvalidAppendError(`${field}.type`, `${field}.type must be a non-empty string`);
    if (event.type.length > MAX_NAME_LENGTH) throw new InvalidAppendError(`${field}.type`, `${field}.type is longer than ${MAX_NAME_LENGTH} characters`);
    if (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata)) {
      throw new InvalidAppendError(`${field}.metadata`, `${field}.metadata must be a JSON object`);
    }
    const dataJson = toJson(event.data, `${field}.data`);
    const metadataJson = toJson(event.metadata, `${field}.metadata`);
    const sizeBytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (sizeBytes > maxEventBytes) throw new EventTooLargeError(id, sizeBytes, maxEventBytes);
    return { id, type: event.type, dataJson, metadataJson };
  });
}

function toJson(value: unknown, field: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(field, `${field} is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InvalidAppendError(field, `${field} is not JSON-serialisable (undefined or a function)`);
  // PostgreSQL jsonb cannot store the NUL character.
  if (escapedNul.test(json)) throw new InvalidAppendError(field, `${field} contains a NUL character (\\u0000), which jsonb cannot store`);
  return json;
}

/** One validated part of a multi-stream append. */
export interface SerialisedStreamAppend {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly SerialisedEvent[];
}

/**
 * Validates and serialises a multi-stream append with the single-append rules per part; error fields
 * are prefixed with `appends[i].` ('appends' when the list is empty or not an array). A stream id
 * that appears twice, or an event id used in two parts, is InvalidAppendError ('appends[i].streamId',
 * 'appends[i].events[j].id'). Throws EventTooLargeError as serialiseBatch does. Nothing is written.
 */
export function serialiseStreamAppends(appends: unknown, maxEventBytes: number): SerialisedStreamAppend[] {
  if (!Array.isArray(appends) || appends.length === 0) throw new InvalidAppendError('appends', 'a multi-stream append needs at least one stream');
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  return appends.map((part: { streamId?: unknown; events?: unknown; expectedRevision?: unknown } | null, index) => {
    const prefix = `appends[${index}]`;
    if (typeof part !== 'object' || part === null) throw new InvalidAppendError(prefix, `${prefix} must be an object`);
    try {
      assertValidStreamId(part.streamId);
      if (streams.has(part.streamId)) throw new InvalidAppendError('streamId', `stream "${part.streamId}" appears twice in one multi-stream append`);
      streams.add(part.streamId);
      const expected = normaliseExpectedRevision(part.expectedRevision);
      const events = serialiseBatch(part.events, maxEventBytes);
      events.forEach((event, eventIndex) => {
        if (eventIds.has(event.id)) throw new InvalidAppendError(`events[${eventIndex}].id`, `event id ${event.id} appears in two streams of the append`);
        eventIds.add(event.id);
      });
      return { streamId: part.streamId, expected, events };
    } catch (error) {
      if (error instanceof InvalidAppendError) throw new InvalidAppendError(`${prefix}.${error.field}`, `${prefix}: ${error.message}`);
      throw error;
    }
  });
}
