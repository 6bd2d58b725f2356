import type { IncomingMessage } from '@samabay/messaging';
import { DEAD_LETTER_HEADERS, deadLetterMessage, NO_KEY, replayMessage } from './kafka-feed-dead-letters';

const incoming: IncomingMessage = {
  topic: 'samabay.membership.member.v1',
  partition: 2,
  offset: 41n,
  key: 'member-SNG-000001',
  value: Buffer.from('{"eventId":"e1"}'),
  headers: { type: 'MemberAdmitted', eventId: 'e1', position: 'C:5/P:1', streamId: 'member-SNG-000001', revision: '0' },
  timestamp: new Date('2026-11-29T06:00:00Z'),
};

describe('dead-letter messages', () => {
  it('copy key, value and event headers to <topic>.dlq and say where the message was and why it was parked', () => {
    const parked = deadLetterMessage(incoming, { group: 'projector', reason: 'POISON', error: 'TypeError', attempts: 3, parkedAt: new Date('2026-11-29T06:01:00Z') });
    expect(parked).toEqual({
      topic: 'samabay.membership.member.v1.dlq',
      key: 'member-SNG-000001',
      value: incoming.value,
      headers: {
        ...incoming.headers,
        [DEAD_LETTER_HEADERS.sourceTopic]: 'samabay.membership.member.v1',
        [DEAD_LETTER_HEADERS.sourcePartition]: '2',
        [DEAD_LETTER_HEADERS.sourceOffset]: '41',
        [DEAD_LETTER_HEADERS.group]: 'projector',
        [DEAD_LETTER_HEADERS.reason]: 'POISON',
        [DEAD_LETTER_HEADERS.error]: 'TypeError',
        [DEAD_LETTER_HEADERS.attempts]: '3',
        [DEAD_LETTER_HEADERS.parkedAt]: '2026-11-29T06:01:00.000Z',
      },
    });
  });

  it('replay back to the source topic without the dlq headers', () => {
    const parked = deadLetterMessage(incoming, { group: 'projector', reason: 'STREAM_BLOCKED', error: 'StreamBlockedError', attempts: 0, parkedAt: new Date() });
    const asReceived: IncomingMessage = { ...incoming, topic: parked.topic, offset: 0n, headers: parked.headers };
    expect(replayMessage(asReceived, incoming.topic)).toEqual({ topic: incoming.topic, key: incoming.key, value: incoming.value, headers: incoming.headers });
  });

  it('give a keyless, valueless message a placeholder key so that it can still be parked', () => {
    const parked = deadLetterMessage({ ...incoming, key: null, value: null }, { group: 'g', reason: 'INVALID_MESSAGE', error: 'InvalidMessageError (INVALID_MESSAGE)', attempts: 0, parkedAt: new Date() });
    expect(parked.key).toBe(NO_KEY);
    expect(parked.value).toBe('');
  });
});
