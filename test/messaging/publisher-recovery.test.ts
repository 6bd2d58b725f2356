import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, MessagingError, type MessagePublisher, type MessagingClient, type OutgoingMessage } from '@samabay/messaging';
import { OwnBroker } from '../fault/own-broker';
import { readAllMessages } from '../relay/kafka-fixtures';
import { describeIfKafka, kafkaTestNames, waitFor } from '../support';

const KEY = 'member-SNG-000001';

/** Messages n = from … to-1 of one key, value `{"n":n}`. */
function numbered(topic: string, from: number, to: number): OutgoingMessage[] {
  return Array.from({ length: to - from }, (_, index) => ({ topic, key: KEY, value: JSON.stringify({ n: from + index }), headers: { n: String(from + index) } }));
}

/**
 * The cause behind fault scenario (d) (a broker restart leaving the relay stuck), made
 * deterministic: a publish whose answer is lost although the broker appended it. kafkajs then
 * rolls its idempotent producer's sequence back, so the next (different) batch reuses sequence
 * numbers the broker already holds, and the broker answers OUT_OF_ORDER_SEQUENCE_NUMBER to every
 * later publish of that producer. The publisher must recover by itself with a new producer id.
 */
describeIfKafka('kafkajs publisher after a publish whose answer was lost (a broker of its own)', () => {
  const names = kafkaTestNames('publisher-recovery');
  let broker: OwnBroker;
  let messaging: MessagingClient;
  /** Reads back with the default (patient) timeouts: a fresh broker's group coordinator takes a few seconds. */
  let reader: MessagingClient;
  let publisher: MessagePublisher | undefined;

  beforeAll(async () => {
    broker = await OwnBroker.onFreePorts();
    await broker.start();
    const quiet = { logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } };
    reader = createKafkaMessaging({ ...DEFAULT_MESSAGING_CONFIG, brokers: broker.brokers, clientId: `publisher-recovery-reader-${names.service}`, partitions: 1 }, quiet);
    messaging = createKafkaMessaging(
      {
        ...DEFAULT_MESSAGING_CONFIG,
        brokers: broker.brokers,
        clientId: `publisher-recovery-${names.service}`,
        partitions: 1,
        // A frozen broker makes a publish fail within seconds rather than minutes.
        requestTimeoutMs: 2000,
        retry: { retries: 1, initialRetryTimeMs: 100, maxRetryTimeMs: 200 },
      },
      quiet,
    );
  }, 150_000);

  afterAll(async () => {
    await broker?.thaw().catch(() => undefined);
    await publisher?.close().catch(() => undefined);
    await broker?.destroy();
  }, 120_000);

  it('re-publishes from the last acknowledged batch after such a failure: every message lands, in order per key', async () => {
    const topic = names.topic('events');
    const admin = messaging.createTopicAdmin();
    await admin.ensureTopics([{ topic, partitions: 1 }]);
    await admin.close();
    publisher = messaging.createPublisher();
    await publisher.publish(numbered(topic, 0, 3));

    // The broker stalls: the next batch reaches its socket, the publisher gives up waiting for an answer.
    await broker.freeze();
    const lost = await publisher.publish(numbered(topic, 3, 6)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(lost).toBeInstanceOf(MessagingError);
    await broker.thaw();
    // The broker wakes up and appends the batch whose answer was lost (and kafkajs's retry of it, deduplicated).
    const endOffset = async () => {
      const offsetsAdmin = reader.createTopicAdmin();
      try {
        return (await offsetsAdmin.consumerGroupOffsets(names.group('offsets'), topic))[0].end;
      } finally {
        await offsetsAdmin.close();
      }
    };
    await waitFor(async () => (await endOffset()) === 6n, 'the broker to append the batch whose answer was lost', 30_000, 100);

    // As the relay does: re-publish from the last acknowledged batch, which by now holds one more message.
    await publisher.publish(numbered(topic, 3, 7));
    await publisher.publish(numbered(topic, 7, 9));

    const received = await readAllMessages(reader, [topic], names.group('reader'));
    expect(received.map((message) => (JSON.parse(message.value?.toString('utf8') ?? 'null') as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 3, 4, 5, 6, 7, 8]);
  }, 120_000);
});
