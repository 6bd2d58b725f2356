import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSAggregateError } from 'kafkajs';
import { BrokerRequestFailedError, BrokerUnreachableError, InvalidMessageError, TopicNotFoundError } from '../errors';
import { groupMembershipLost, isLeadershipInFlux, toMessagingError } from './kafkajs-errors';

/** A broker error answer as kafkajs builds it (its typings take an Error or a string). */
function protocolError(type: string, code: number, retriable: boolean, message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable }));
}

const context = { operation: 'publish', brokers: ['127.0.0.1:9092'], topics: ['samabay.membership.member.v1'] };

describe('toMessagingError', () => {
  it('maps a refused connection, also behind retries exhausted, to BrokerUnreachableError', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092', { broker: '127.0.0.1:9092', code: 'ECONNREFUSED' });
    const exhausted = new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 1, retryTime: 100 });
    for (const error of [refused, exhausted]) {
      const mapped = toMessagingError(error, context);
      expect(mapped).toBeInstanceOf(BrokerUnreachableError);
      expect(mapped).toMatchObject({ code: 'BROKER_UNREACHABLE', brokers: ['127.0.0.1:9092'] });
      expect(mapped.message).toContain('ECONNREFUSED');
    }
  });

  it('maps an unknown topic to TopicNotFoundError naming the topics', () => {
    const unknown = protocolError('UNKNOWN_TOPIC_OR_PARTITION', 3, true, 'This server does not host this topic-partition');
    expect(toMessagingError(new KafkaJSAggregateError('failed', [unknown]), context)).toEqual(expect.any(TopicNotFoundError));
    expect(toMessagingError(new KafkaJSNumberOfRetriesExceeded(unknown, { retryCount: 5, retryTime: 1000 }), context)).toMatchObject({
      code: 'TOPIC_NOT_FOUND',
      topics: ['samabay.membership.member.v1'],
    });
  });

  it('maps anything else to BrokerRequestFailedError naming the operation, and passes our errors through', () => {
    const other = protocolError('POLICY_VIOLATION', 44, false, 'Request parameters do not satisfy the configured policy');
    const mapped = toMessagingError(other, context);
    expect(mapped).toBeInstanceOf(BrokerRequestFailedError);
    expect(mapped).toMatchObject({ code: 'BROKER_REQUEST_FAILED', operation: 'publish' });
    const ours = new InvalidMessageError('messages[0].key', 'bad key');
    expect(toMessagingError(ours, context)).toBe(ours);
  });
});

describe('isLeadershipInFlux', () => {
  it('is true for a moving or unknown partition leader or group coordinator, also behind retries exhausted', () => {
    const answers = [
      protocolError('NOT_LEADER_FOR_PARTITION', 6, true, 'This server is not the leader for that topic-partition'),
      protocolError('LEADER_NOT_AVAILABLE', 5, true, 'There is no leader for this topic-partition as we are in the middle of a leadership election'),
      protocolError('NOT_COORDINATOR_FOR_GROUP', 16, true, 'This is not the correct coordinator for this group'),
      protocolError('GROUP_COORDINATOR_NOT_AVAILABLE', 15, true, 'The group coordinator is not available'),
      protocolError('GROUP_LOAD_IN_PROGRESS', 14, true, 'The coordinator is loading and hence can\'t process requests for this group'),
    ];
    for (const answer of answers) {
      expect(isLeadershipInFlux(answer)).toBe(true);
      expect(isLeadershipInFlux(new KafkaJSNumberOfRetriesExceeded(answer, { retryCount: 1, retryTime: 100 }))).toBe(true);
    }
  });

  it('is false for other answers', () => {
    expect(isLeadershipInFlux(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false, 'The broker received an out of order sequence number'))).toBe(false);
    expect(isLeadershipInFlux(new Error('boom'))).toBe(false);
  });
});

describe('groupMembershipLost', () => {
  it('finds the coordinator\'s "rejoin the group" answer behind kafkajs\'s commit retrier', () => {
    const unknownMember = protocolError('UNKNOWN_MEMBER_ID', 25, false, 'The coordinator is not aware of this member');
    // As kafkajs's retrier builds it (its typings omit the options argument that carries the cause).
    const NonRetriable = KafkaJSNonRetriableError as unknown as new (error: Error, options: { cause: Error }) => Error;
    const wrapped = new NonRetriable(unknownMember, { cause: unknownMember });
    expect(groupMembershipLost(wrapped)).toBe(unknownMember);
    for (const [type, code] of [['ILLEGAL_GENERATION', 22], ['REBALANCE_IN_PROGRESS', 27], ['NOT_COORDINATOR_FOR_GROUP', 16]] as const) {
      const answer = protocolError(type, code, false, type);
      expect(groupMembershipLost(new KafkaJSNumberOfRetriesExceeded(answer, { retryCount: 1, retryTime: 100 }))).toBe(answer);
    }
  });

  it('is undefined for other failures', () => {
    expect(groupMembershipLost(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false, 'out of order'))).toBeUndefined();
    expect(groupMembershipLost(new Error('boom'))).toBeUndefined();
    expect(groupMembershipLost('not an error')).toBeUndefined();
  });
});
