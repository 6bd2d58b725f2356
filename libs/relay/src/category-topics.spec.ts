import { InvalidTopicNameError } from '@samabay/messaging';
import { advisoryLockKey } from './relay-lock';
import { CATEGORY_SERVICES, CategoryTopics } from './category-topics';

describe('CategoryTopics', () => {
  it('routes each category of the table to samabay.<service>.<category>.v1', () => {
    const topics = new CategoryTopics();
    expect(topics.topicForStream('member-SNG-000123')).toBe('samabay.membership.member.v1');
    expect(topics.topicForStream('branch-SNG')).toBe('samabay.membership.branch.v1');
    expect(topics.topicForStream('savingsAccount-SNG-SB-000001')).toBe('samabay.savings.savingsAccount.v1');
    expect(topics.topicForStream('recurringDeposit-SNG-RD-000001')).toBe('samabay.savings.recurringDeposit.v1');
    expect(topics.topicForStream('loan-L0001')).toBe('samabay.lending.loan.v1');
    expect(topics.topicForStream('welfareClaim-W1')).toBe('samabay.welfare.welfareClaim.v1');
    expect(topics.serviceForStream('loan-L0001')).toBe('lending');
  });

  it('answers undefined for a category outside the table or a stream id without a usable category', () => {
    const topics = new CategoryTopics();
    expect(topics.topicForStream('scratch-1')).toBeUndefined();
    expect(topics.topicForStream('-odd')).toBeUndefined();
    expect(topics.serviceForStream('$all')).toBeUndefined();
  });

  it('lists every topic once and namespaces service names for test isolation', () => {
    expect(new CategoryTopics().allTopics()).toHaveLength(Object.keys(CATEGORY_SERVICES).length);
    expect(new CategoryTopics({ namespace: 'tabc' }).topicForCategory('member')).toBe('samabay.membership-tabc.member.v1');
  });

  it('rejects a table entry that cannot form a topic name', () => {
    expect(() => new CategoryTopics({ services: { member: 'Membership' } })).toThrow(InvalidTopicNameError);
  });
});

describe('advisoryLockKey', () => {
  it('is a stable signed 32-bit key per name', () => {
    expect(advisoryLockKey('eventstore')).toBe(advisoryLockKey('eventstore'));
    expect(advisoryLockKey('eventstore')).not.toBe(advisoryLockKey('eventstore2'));
    expect(Number.isSafeInteger(advisoryLockKey('x')) && Math.abs(advisoryLockKey('x')) <= 2 ** 31).toBe(true);
  });
});
