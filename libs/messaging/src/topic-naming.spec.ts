import { InvalidTopicNameError } from './errors';
import { assertTopicName, deadLetterTopic, streamCategory, topicForStream, topicName } from './topic-naming';

describe('topic naming (DESIGN §6: samabay.<service>.<category>.v1)', () => {
  it('takes the category from the stream id up to the first dash', () => {
    expect(streamCategory('member-SNG-000123')).toBe('member');
    expect(streamCategory('branch-SNG')).toBe('branch');
    expect(streamCategory('ledger')).toBe('ledger');
  });

  it('names the topic of a stream', () => {
    expect(topicForStream('membership', 'member-SNG-000123')).toBe('samabay.membership.member.v1');
    expect(topicForStream('membership', 'branch-SNG')).toBe('samabay.membership.branch.v1');
    expect(topicName('savings', 'account')).toBe('samabay.savings.account.v1');
  });

  it('names the dead-letter topic', () => {
    expect(deadLetterTopic('samabay.membership.member.v1')).toBe('samabay.membership.member.v1.dlq');
  });

  it.each([
    ['', 'streamId'],
    ['-SNG', 'streamId'],
    ['mem.ber-1', 'streamId'],
    ['$all', 'streamId'],
  ])('rejects stream id %p with a typed error naming %p', (streamId, field) => {
    expect(() => topicForStream('membership', streamId)).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC_NAME', field }));
  });

  it.each(['', 'Membership', '1st', 'member ship', 'a.b'])('rejects service name %p', (service) => {
    expect(() => topicName(service, 'member')).toThrow(InvalidTopicNameError);
  });

  it('accepts only names Kafka accepts', () => {
    expect(assertTopicName('a.b_c-D9')).toBe('a.b_c-D9');
    for (const bad of ['', '.', '..', 'a b', 'a/b', 'x'.repeat(250)]) {
      expect(() => assertTopicName(bad)).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC_NAME', field: 'topic' }));
    }
  });
});
