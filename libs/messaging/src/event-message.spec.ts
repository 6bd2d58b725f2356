import type { RecordedEvent } from '@samabay/event-store';
import { eventFromMessage, eventHeadersOf, eventToMessage } from './event-message';
import type { IncomingMessage } from './message';

const event: RecordedEvent = {
  id: '7f1c3d7e-4d6b-5c1a-9a7e-0d2f6a1b2c3d',
  type: 'SharesPurchased',
  streamId: 'member-SNG-000123',
  revision: 4,
  position: { commit: 9_007_199_254_740_993n, prepare: 2n },
  recordedAt: new Date('2025-04-01T05:30:00.000Z'),
  data: { shares: 3, amountPaise: 3000 },
  metadata: { idempotencyKey: 'k-1', businessDate: '2025-04-01' },
};

function received(message: { value: Buffer | string; headers: Record<string, string> }): IncomingMessage {
  return {
    topic: 'samabay.membership.member.v1',
    partition: 0,
    offset: 0n,
    key: event.streamId,
    value: Buffer.from(message.value),
    headers: message.headers,
    timestamp: new Date(),
  };
}

describe('event messages', () => {
  it('carries a recorded event on its category topic, keyed by stream, with the routing headers', () => {
    const message = eventToMessage('membership', event);
    expect(message.topic).toBe('samabay.membership.member.v1');
    expect(message.key).toBe('member-SNG-000123');
    expect(message.headers).toEqual({
      type: 'SharesPurchased',
      eventId: event.id,
      position: 'C:9007199254740993/P:2',
      streamId: 'member-SNG-000123',
      revision: '4',
    });
  });

  it('round-trips the event through the JSON envelope, positions beyond 2^53 included', () => {
    const message = received(eventToMessage('membership', event));
    expect(eventFromMessage(message)).toEqual(event);
    expect(eventHeadersOf(message)).toEqual({
      type: 'SharesPurchased',
      eventId: event.id,
      streamId: 'member-SNG-000123',
      revision: 4,
      position: event.position,
    });
  });

  it('names the missing or malformed header', () => {
    const { headers } = eventToMessage('membership', event);
    const { position: _position, ...withoutPosition } = headers;
    expect(() => eventHeadersOf({ headers: withoutPosition })).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE', field: 'headers.position' }));
    expect(() => eventHeadersOf({ headers: { ...headers, revision: '-1' } })).toThrow(expect.objectContaining({ field: 'headers.revision' }));
    expect(() => eventHeadersOf({ headers: { ...headers, position: 'start' } })).toThrow(expect.objectContaining({ field: 'headers.position' }));
  });

  it('rejects a value that is not an event envelope', () => {
    expect(() => eventFromMessage({ value: null })).toThrow(expect.objectContaining({ field: 'value' }));
    expect(() => eventFromMessage({ value: Buffer.from('{not json') })).toThrow(expect.objectContaining({ field: 'value' }));
    const envelope = JSON.parse(String(eventToMessage('membership', event).value)) as Record<string, unknown>;
    expect(() => eventFromMessage({ value: Buffer.from(JSON.stringify({ ...envelope, revision: 1.5 })) })).toThrow(expect.objectContaining({ field: 'value.revision' }));
    expect(() => eventFromMessage({ value: Buffer.from(JSON.stringify({ ...envelope, eventId: undefined })) })).toThrow(expect.objectContaining({ field: 'value.eventId' }));
    expect(() => eventFromMessage({ value: Buffer.from(JSON.stringify({ ...envelope, recordedAt: 'yesterday' })) })).toThrow(expect.objectContaining({ field: 'value.recordedAt' }));
  });
});
