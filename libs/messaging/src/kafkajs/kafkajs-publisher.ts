import { Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { MessagingStateError } from '../errors';
import type { OutgoingMessage } from '../message';
import type { MessagePublisher } from '../message-publisher';
import { assertValidMessages } from '../message-validation';
import type { MessagingConfig } from '../messaging-config';
import { toMessagingError } from './kafkajs-errors';
import { kafkajsRetry } from './kafkajs-client';

/** acks=all: the leader answers once every in-sync replica has the batch. */
const ACKS_ALL = -1;

/**
 * MessagePublisher over a kafkajs idempotent producer: acks=all, one request in flight (kafkajs's
 * sequence handling is safe only at 1), Java-compatible murmur2 partitioning of the key, no topic
 * auto-creation. Publishes are queued so one call's batch is acknowledged before the next is sent.
 *
 * After a failed publish the producer is discarded and the next publish runs on a new one (a new
 * producer id, sequence numbers from 0). kafkajs rolls a partition's sequence number back when a
 * produce request fails, also when the broker did append it and only the answer was lost (a broker
 * stopping or stalling mid-request); the caller's next batch then reuses numbers the broker already
 * holds, and the broker answers OUT_OF_ORDER_SEQUENCE_NUMBER to it and to every later batch of that
 * producer, for good (fault scenario (d), test/messaging/publisher-recovery.test.ts).
 */
export class KafkajsMessagePublisher implements MessagePublisher {
  private producer: Producer;
  private connecting: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: MessagingConfig,
  ) {
    this.producer = this.newProducer();
  }

  /** See MessagePublisher.connect. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new MessagingStateError('the publisher is closed'));
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw toMessagingError(error, { operation: 'connect', brokers: this.config.brokers });
    });
    return this.connecting;
  }

  /** See MessagePublisher.publish. */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new MessagingStateError('the publisher is closed');
    assertValidMessages(messages);
    if (messages.length === 0) return;
    const batch = byTopic(messages);
    // Joined to the queue before the first await, so calls are sent in call order.
    const sent = this.queue.then(() => this.send(batch));
    this.queue = sent.catch(() => undefined);
    await sent;
  }

  /** See MessagePublisher.close. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.connecting) {
      await this.connecting.catch(() => undefined);
      await this.producer.disconnect();
    }
  }

  private async send(topicMessages: TopicMessages[]): Promise<void> {
    await this.connect();
    try {
      await this.producer.sendBatch({ topicMessages, acks: ACKS_ALL, timeout: this.config.requestTimeoutMs });
    } catch (error) {
      await this.replaceProducer();
      throw toMessagingError(error, { operation: 'publish', brokers: this.config.brokers, topics: topicMessages.map(({ topic }) => topic) });
    }
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: kafkajsRetry(this.config.retry),
    });
  }

  /**
   * Swaps in a new producer after a failed send and disconnects the old one. The failed producer's
   * sequence numbers may disagree with the broker's (see the class comment), and kafkajs keeps a
   * topic it was asked to send to in its metadata set and fails every later send while that topic
   * is missing; a fresh producer has neither problem.
   */
  private async replaceProducer(): Promise<void> {
    const { producer, connecting } = this;
    this.producer = this.newProducer();
    this.connecting = null;
    if (connecting && (await connecting.then(() => true, () => false))) await producer.disconnect().catch(() => undefined);
  }
}

/** Groups messages by topic, keeping their order within each topic (and so within each key). */
function byTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const groups = new Map<string, TopicMessages>();
  for (const { topic, key, value, headers } of messages) {
    let group = groups.get(topic);
    if (!group) groups.set(topic, (group = { topic, messages: [] }));
    group.messages.push({ key, value, headers: { ...headers } });
  }
  return [...groups.values()];
}
