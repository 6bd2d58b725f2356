import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, type MessageConsumer, type MessagingClient } from '@samabay/messaging';
import { delay, describeIfKafka, kafkaTestBrokers, kafkaTestNames, waitFor } from '../support';

/** The smallest session timeout a broker accepts by default (group.min.session.timeout.ms). */
const SESSION_TIMEOUT_MS = 6000;

/**
 * What the projector met after a broker restart that outlasted its session timeout: the group
 * coordinator no longer knows the member when it commits the batch it just applied
 * (UNKNOWN_MEMBER_ID). kafkajs rejoins the group on that answer only if it sees it unwrapped; its
 * commit retrier wraps it in a non-retriable error, and the consumer then stopped for good (the
 * projector process exited). The adapter must hand kafkajs the group error so it rejoins.
 */
describeIfKafka('kafkajs consumer whose group membership expired while its handler ran', () => {
  const names = kafkaTestNames('consumer-rejoin');
  let messaging: MessagingClient;
  let consumer: MessageConsumer | undefined;
  const topic = names.topic('events');

  beforeAll(async () => {
    messaging = createKafkaMessaging(
      { ...DEFAULT_MESSAGING_CONFIG, brokers: kafkaTestBrokers(), clientId: `consumer-rejoin-${names.service}`, partitions: 1 },
      { logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } },
    );
    const admin = messaging.createTopicAdmin();
    await admin.ensureTopics([{ topic, partitions: 1 }]);
    await admin.close();
  });

  afterAll(async () => {
    await consumer?.stop();
    const admin = messaging.createTopicAdmin();
    await admin.deleteTopics([topic]).finally(() => admin.close());
  });

  it('rejoins and receives the uncommitted batch again instead of stopping', async () => {
    const publisher = messaging.createPublisher();
    await publisher.publish([0, 1, 2].map((n) => ({ topic, key: 'member-SNG-000001', value: String(n), headers: {} })));
    await publisher.close();

    consumer = messaging.createConsumer({ groupId: names.group('projector'), topics: [topic], sessionTimeoutMs: SESSION_TIMEOUT_MS, heartbeatIntervalMs: 1000 });
    const deliveries: bigint[][] = [];
    await consumer.run({
      eachBatch: async (batch) => {
        // The first delivery outlasts the session without a heartbeat: the coordinator drops the member.
        if (deliveries.length === 0) await delay(SESSION_TIMEOUT_MS + 3000);
        deliveries.push(batch.messages.map((message) => message.offset));
      },
    });
    const stopped = consumer.whenStopped().then((reason) => reason);
    await waitFor(async () => deliveries.length >= 2 || (await Promise.race([stopped.then(() => true), delay(0).then(() => false)])), 'a second delivery or a stop', 60_000, 50);

    expect(await Promise.race([stopped, delay(0).then(() => 'still running')])).toBe('still running');
    expect(deliveries.slice(0, 2)).toEqual([
      [0n, 1n, 2n],
      [0n, 1n, 2n],
    ]);
  }, 90_000);
});
