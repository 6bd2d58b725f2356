import { formatPosition, parsePosition, type Position, type RecordedEvent } from '@samabay/event-store';
import { InvalidMessageError } from './errors';
import type { IncomingMessage, OutgoingMessage } from './message';
import { topicForStream } from './topic-naming';

/** Header names of an event message; consumers route and dedupe on them without parsing the value. */
export const EVENT_HEADERS = {
  type: 'type',
  eventId: 'eventId',
  position: 'position',
  streamId: 'streamId',
  revision: 'revision',
} as const;

/** The JSON envelope carried as an event message's value. `position` is formatPosition's text, `recordedAt` ISO-8601. */
export interface EventEnvelope {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly recordedAt: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

/** What an event message's headers say about it. */
export interface EventHeaders {
  readonly type: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
}

/**
 * The message that carries a recorded event of `service` (DESIGN §6): topic
 * `samabay.<service>.<category>.v1`, key = stream id (order per stream), value = JSON envelope,
 * headers type, eventId, position, streamId, revision. Throws InvalidTopicNameError for a stream id without a category.
 */
export function eventToMessage(service: string, event: RecordedEvent): OutgoingMessage {
  const envelope: EventEnvelope = {
    eventId: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: formatPosition(event.position),
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
  return {
    topic: topicForStream(service, event.streamId),
    key: event.streamId,
    value: JSON.stringify(envelope),
    headers: {
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.eventId]: event.id,
      [EVENT_HEADERS.position]: envelope.position,
      [EVENT_HEADERS.streamId]: event.streamId,
      [EVENT_HEADERS.revision]: String(event.revision),
    },
  };
}

/** Reads an event message's headers (no value parsing). Throws InvalidMessageError naming the missing or malformed header. */
export function eventHeadersOf(message: Pick<IncomingMessage, 'headers'>): EventHeaders {
  const header = (name: string): string => {
    const value = message.headers[name];
    if (value === undefined || value === '') throw new InvalidMessageError(`headers.${name}`, `event message lacks the "${name}" header`);
    return value;
  };
  const revisionText = header(EVENT_HEADERS.revision);
  if (!/^\d+$/.test(revisionText) || !Number.isSafeInteger(Number(revisionText))) {
    throw new InvalidMessageError('headers.revision', 'event message has a malformed revision header');
  }
  return {
    type: header(EVENT_HEADERS.type),
    eventId: header(EVENT_HEADERS.eventId),
    streamId: header(EVENT_HEADERS.streamId),
    revision: Number(revisionText),
    position: parseEventPosition(header(EVENT_HEADERS.position), 'headers.position'),
  };
}

/**
 * The recorded event carried by an event message (inverse of {@link eventToMessage}). Throws
 * InvalidMessageError when the value is missing, not JSON, or not an envelope.
 */
export function eventFromMessage(message: Pick<IncomingMessage, 'value'>): RecordedEvent {
  if (message.value === null) throw new InvalidMessageError('value', 'event message has no value');
  let envelope: Partial<EventEnvelope>;
  try {
    envelope = JSON.parse(message.value.toString('utf8')) as Partial<EventEnvelope>;
  } catch {
    throw new InvalidMessageError('value', 'event message value is not JSON');
  }
  const text = (field: keyof EventEnvelope): string => {
    const value = envelope?.[field];
    if (typeof value !== 'string' || value === '') throw new InvalidMessageError(`value.${field}`, `event envelope lacks "${field}"`);
    return value;
  };
  if (!Number.isSafeInteger(envelope.revision) || (envelope.revision as number) < 0) {
    throw new InvalidMessageError('value.revision', 'event envelope has a malformed revision');
  }
  if (typeof envelope.metadata !== 'object' || envelope.metadata === null) {
    throw new InvalidMessageError('value.metadata', 'event envelope lacks metadata');
  }
  const recordedAt = new Date(text('recordedAt'));
  if (Number.isNaN(recordedAt.getTime())) throw new InvalidMessageError('value.recordedAt', 'event envelope has a malformed recordedAt');
  return {
    id: text('eventId'),
    type: text('type'),
    streamId: text('streamId'),
    revision: envelope.revision as number,
    position: parseEventPosition(text('position'), 'value.position'),
    recordedAt,
    data: envelope.data,
    metadata: envelope.metadata,
  };
}

function parseEventPosition(text: string, field: string): Position {
  let position: Position | 'start';
  try {
    position = parsePosition(text);
  } catch {
    throw new InvalidMessageError(field, 'event message has a malformed position');
  }
  if (position === 'start') throw new InvalidMessageError(field, 'an event cannot be at position "start"');
  return position;
}
