import { createServer } from 'node:net';
import type { RecordedEvent } from '@samabay/event-store';
import {
  BrokerUnreachableError,
  createKafkaMessaging,
  DEFAULT_MESSAGING_CONFIG,
  eventFromMessage,
  eventHeadersOf,
  eventToMessage,
  HandlerFailedError,
  InvalidMessageError,
  MessagingStateError,
  TopicNotFoundError,
  topicForStream,
  type IncomingMessage,
  type MessageConsumer,
  type MessagePublisher,
  type MessagingClient,
  type MessagingConfig,
  type MessagingLogger,
  type TopicAdmin,
} from '@samabay/messaging';
import { delay, describeIfKafka, kafkaTestBrokers, kafkaTestNames, waitFor } from '../support';

/** Appears in every message value; must never appear in a log line. */
const PAYLOAD_MARKER = 'PAYLOAD-MARKER-Sunita';

interface LogEntry {
  readonly level: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

function collectingLogger(entries: LogEntry[]): MessagingLogger {
  const at = (level: string) => (details: object, message: string) => entries.push({ level, message, details: details as Record<string, unknown> });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Synthetic recorded events: `perStream` events on each of `streams` member streams, positions interleaved across streams. */
function memberEvents(streams: number, perStream: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let revision = 0; revision < perStream; revision++) {
    for (let stream = 0; stream < streams; stream++) {
      const sequence = BigInt(events.length);
      events.push({
        id: `00000000-0000-4000-8000-${String(events.length).padStart(12, '0')}`,
        type: revision === 0 ? 'MemberAdmitted' : 'SharesPurchased',
        streamId: `member-SNG-${String(stream + 1).padStart(6, '0')}`,
        revision,
        position: { commit: 1000n + sequence, prepare: sequence },
        recordedAt: new Date(Date.UTC(2025, 3, 1, 5, 30, 0, events.length)),
        data: { shares: revision + 1, sealed: PAYLOAD_MARKER },
        metadata: { idempotencyKey: `k-${events.length}` },
      });
    }
  }
  return events;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Messages received per stream key, in delivery order. */
function byKey(messages: readonly IncomingMessage[]): Map<string, IncomingMessage[]> {
  const groups = new Map<string, IncomingMessage[]>();
  for (const message of messages) groups.set(message.key ?? '', [...(groups.get(message.key ?? '') ?? []), message]);
  return groups;
}

describeIfKafka('kafkajs messaging adapter against a real broker', () => {
  const names = kafkaTestNames('kafka-adapter');
  const logEntries: LogEntry[] = [];
  let config: MessagingConfig;
  let messaging: MessagingClient;
  let admin: TopicAdmin;
  const topicsToDelete = new Set<string>();
  const publishers: MessagePublisher[] = [];
  const consumers: MessageConsumer[] = [];

  /** Creates a topic for this test (deleted after the file). */
  async function topic(name: string, partitions: number): Promise<string> {
    topicsToDelete.add(name);
    await admin.ensureTopics([{ topic: name, partitions }]);
    return name;
  }

  function publisher(client: MessagingClient = messaging): MessagePublisher {
    const created = client.createPublisher();
    publishers.push(created);
    return created;
  }

  function consumer(groupId: string, topics: string[], client: MessagingClient = messaging): MessageConsumer {
    const created = client.createConsumer({ groupId, topics, sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1000 });
    consumers.push(created);
    return created;
  }

  beforeAll(() => {
    config = {
      ...DEFAULT_MESSAGING_CONFIG,
      brokers: kafkaTestBrokers(),
      clientId: 'samabay-messaging-test',
      retry: { retries: 8, initialRetryTimeMs: 100, maxRetryTimeMs: 2000 },
    };
    messaging = createKafkaMessaging(config, { logger: collectingLogger(logEntries) });
    admin = messaging.createTopicAdmin();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((each) => each.stop()));
    await Promise.all(publishers.map((each) => each.close()));
    if (!admin) return;
    try {
      await admin.deleteTopics([...topicsToDelete]);
    } finally {
      await admin.close();
    }
  });

  it('ensureTopics creates topics with their partition count once and leaves existing ones alone', async () => {
    const three = names.topic('ensure-three');
    const one = names.topic('ensure-one');
    topicsToDelete.add(three).add(one);

    const first = await admin.ensureTopics([
      { topic: three, partitions: 3 },
      { topic: one, partitions: 1 },
    ]);
    expect(first).toEqual([
      { topic: three, partitions: 3, created: true },
      { topic: one, partitions: 1, created: true },
    ]);

    const again = await admin.ensureTopics([
      { topic: three, partitions: 3 },
      { topic: one, partitions: 1 },
    ]);
    expect(again).toEqual([
      { topic: three, partitions: 3, created: false },
      { topic: one, partitions: 1, created: false },
    ]);

    const warningsBefore = logEntries.filter((entry) => entry.level === 'warn' && entry.details.topic === one).length;
    expect(await admin.ensureTopics([{ topic: one, partitions: 4 }])).toEqual([{ topic: one, partitions: 1, created: false }]);
    expect(logEntries.filter((entry) => entry.level === 'warn' && entry.details.topic === one)).toHaveLength(warningsBefore + 1);
  });

  it('delivers every event once to a consumer group, in order per stream, and commits after the handler', async () => {
    const events = memberEvents(6, 10);
    const eventTopic = await topic(topicForStream(names.service, events[0].streamId), config.partitions);
    const producer = publisher();
    // Three publishes in flight at once: the publisher queues them, so order per key holds across calls.
    await Promise.all([0, 20, 40].map((start) => producer.publish(events.slice(start, start + 20).map((event) => eventToMessage(names.service, event)))));

    const received: IncomingMessage[] = [];
    const group = names.group('in-order');
    const member = consumer(group, [eventTopic]);
    await member.run({
      eachMessage: async (message) => {
        received.push(message);
      },
    });
    await waitFor(() => received.length >= events.length, `${events.length} messages`, 30_000);
    await waitFor(
      async () => (await admin.consumerGroupOffsets(group, eventTopic)).every(({ committed, end }) => committed === end),
      'the group to commit every offset',
      30_000,
    );
    await member.stop();

    expect(received).toHaveLength(events.length);
    const streams = byKey(received);
    expect(streams.size).toBe(6);
    for (const [streamId, messages] of streams) {
      expect(messages.map((message) => eventHeadersOf(message).revision)).toEqual([...Array(10).keys()]);
      expect(new Set(messages.map((message) => message.partition)).size).toBe(1);
      expect(messages.every((message) => message.headers.streamId === streamId)).toBe(true);
    }
    expect(new Set(received.map((message) => message.partition)).size).toBeGreaterThan(1);
    const original = new Map(events.map((event) => [event.id, event]));
    for (const message of received) expect(eventFromMessage(message)).toEqual(original.get(message.headers.eventId));
    expect((await admin.consumerGroupOffsets(group, eventTopic)).reduce((sum, { end }) => sum + end, 0n)).toBe(BigInt(events.length));
  });

  it('eachBatch: hands over partitions in offset order and commits each batch after its handler', async () => {
    const batchTopic = await topic(names.topic('batches'), 3);
    const producer = publisher();
    const messages = Array.from({ length: 45 }, (_, index) => ({
      topic: batchTopic,
      key: `key-${index % 5}`,
      value: Buffer.from(JSON.stringify({ index, note: PAYLOAD_MARKER })),
      headers: { index: String(index) },
    }));
    await producer.publish(messages);

    const received: IncomingMessage[] = [];
    const group = names.group('batches');
    const member = consumer(group, [batchTopic]);
    await member.run({
      eachBatch: async (batch) => {
        const offsets = batch.messages.map((message) => message.offset);
        expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
        received.push(...batch.messages);
      },
    });
    await waitFor(async () => (await admin.consumerGroupOffsets(group, batchTopic)).every(({ committed, end }) => committed === end), 'all batches committed', 30_000);
    await member.stop();

    expect(received).toHaveLength(45);
    for (const [, keyMessages] of byKey(received)) {
      const indexes = keyMessages.map((message) => Number(message.headers.index));
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    }
  });

  it('does not commit a message whose handler rejected: the consumer stops and the next one gets it again', async () => {
    const failTopic = await topic(names.topic('redelivery'), 1);
    await publisher().publish(['m0', 'm1', 'm2', 'm3', 'm4'].map((value) => ({ topic: failTopic, key: 'member-SNG-000001', value, headers: {} })));
    const group = names.group('redelivery');

    const firstSeen: string[] = [];
    const first = consumer(group, [failTopic]);
    await first.run({
      eachMessage: async (message) => {
        firstSeen.push(String(message.value));
        if (String(message.value) === 'm2') throw new Error('read model unavailable');
      },
    });
    const stopped = await first.whenStopped();
    expect(stopped.kind).toBe('failed');
    const failure = stopped.kind === 'failed' ? stopped.error : undefined;
    expect(failure).toBeInstanceOf(HandlerFailedError);
    expect(failure).toMatchObject({ code: 'HANDLER_FAILED', topic: failTopic, partition: 0, offset: 2n });
    expect(firstSeen).toEqual(['m0', 'm1', 'm2']);
    expect(await admin.consumerGroupOffsets(group, failTopic)).toEqual([{ partition: 0, committed: 2n, end: 5n }]);

    const secondSeen: string[] = [];
    const second = consumer(group, [failTopic]);
    await second.run({
      eachMessage: async (message) => {
        secondSeen.push(String(message.value));
      },
    });
    await waitFor(() => secondSeen.length >= 3, 'the uncommitted messages again', 30_000);
    await waitFor(async () => (await admin.consumerGroupOffsets(group, failTopic))[0].committed === 5n, 'offset 5 committed', 30_000);
    await second.stop();
    expect(secondSeen).toEqual(['m2', 'm3', 'm4']);
    expect(await second.whenStopped()).toEqual({ kind: 'stopped' });
  });

  it('does not commit any of a batch whose handler rejected', async () => {
    const failTopic = await topic(names.topic('batch-failure'), 1);
    await publisher().publish(['b0', 'b1', 'b2'].map((value) => ({ topic: failTopic, key: 'member-SNG-000002', value, headers: {} })));
    const group = names.group('batch-failure');

    const failing = consumer(group, [failTopic]);
    await failing.run({
      eachBatch: async () => {
        throw new Error('projection store down');
      },
    });
    expect(await failing.whenStopped()).toMatchObject({ kind: 'failed', error: { code: 'HANDLER_FAILED', offset: 0n } });
    expect(await admin.consumerGroupOffsets(group, failTopic)).toEqual([{ partition: 0, committed: null, end: 3n }]);

    const seen: string[] = [];
    const healthy = consumer(group, [failTopic]);
    await healthy.run({
      eachBatch: async (batch) => {
        seen.push(...batch.messages.map((message) => String(message.value)));
      },
    });
    await waitFor(async () => (await admin.consumerGroupOffsets(group, failTopic))[0].committed === 3n, 'the batch committed', 30_000);
    await healthy.stop();
    expect(seen).toEqual(['b0', 'b1', 'b2']);
  });

  it('pause stops deliveries until resume', async () => {
    const pauseTopic = await topic(names.topic('pause'), 1);
    const producer = publisher();
    const seen: string[] = [];
    const member = consumer(names.group('pause'), [pauseTopic]);
    expect(() => member.pause()).toThrow(MessagingStateError);

    await member.run({
      eachMessage: async (message) => {
        seen.push(String(message.value));
      },
    });
    await producer.publish([{ topic: pauseTopic, key: 'k', value: 'before', headers: {} }]);
    await waitFor(() => seen.length === 1, 'the first message', 30_000);

    member.pause();
    await producer.publish([{ topic: pauseTopic, key: 'k', value: 'while-paused', headers: {} }]);
    await delay(1500); // a paused partition is not fetched: nothing may arrive in this window
    expect(seen).toEqual(['before']);

    member.resume();
    await waitFor(() => seen.length === 2, 'the message published while paused', 30_000);
    await member.stop();
    expect(seen).toEqual(['before', 'while-paused']);
  });

  it('uses an idempotent producer: a producer id is initialised before the first produce request', async () => {
    const entries: LogEntry[] = [];
    const debugMessaging = createKafkaMessaging(config, { logger: collectingLogger(entries), logLevel: 'debug' });
    const idempotentTopic = await topic(names.topic('idempotent'), 1);
    const producer = publisher(debugMessaging);
    await producer.publish([{ topic: idempotentTopic, key: 'member-SNG-000003', value: PAYLOAD_MARKER, headers: { note: PAYLOAD_MARKER } }]);

    const requests = entries.map((entry) => entry.message).filter((message) => /^kafkajs: Request (InitProducerId|Produce)\(/.test(message));
    expect(requests[0]).toMatch(/^kafkajs: Request InitProducerId\(/);
    expect(requests.some((message) => message.startsWith('kafkajs: Request Produce('))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(PAYLOAD_MARKER);
  });

  it('rejects bad messages before sending anything, names a missing topic and keeps working after it, publishes nothing after close', async () => {
    const existing = await topic(names.topic('after-missing'), 1);
    const missing = names.topic('never-created');
    const shortRetries = createKafkaMessaging({ ...config, retry: { retries: 2, initialRetryTimeMs: 50, maxRetryTimeMs: 200 } }, { logger: collectingLogger(logEntries) });
    const producer = publisher(shortRetries);
    await expect(producer.publish([{ topic: missing, key: '', value: 'x', headers: {} }])).rejects.toBeInstanceOf(InvalidMessageError);
    await expect(producer.publish([{ topic: missing, key: 'k', value: 'x', headers: {} }])).rejects.toMatchObject({ code: 'TOPIC_NOT_FOUND', topics: [missing] });
    await expect(admin.consumerGroupOffsets(names.group('none'), missing)).rejects.toBeInstanceOf(TopicNotFoundError);

    await producer.publish([{ topic: existing, key: 'k', value: 'after the missing topic', headers: {} }]);
    expect(await admin.consumerGroupOffsets(names.group('none'), existing)).toEqual([{ partition: 0, committed: null, end: 1n }]);

    await producer.close();
    await expect(producer.publish([{ topic: existing, key: 'k', value: 'x', headers: {} }])).rejects.toBeInstanceOf(MessagingStateError);
  });

  it('fails with BrokerUnreachableError when no broker answers (short retry budget)', async () => {
    const port = await closedPort();
    const unreachable = createKafkaMessaging(
      { ...config, brokers: [`127.0.0.1:${port}`], connectionTimeoutMs: 500, retry: { retries: 1, initialRetryTimeMs: 50, maxRetryTimeMs: 100 } },
      { logger: collectingLogger([]) },
    );
    const started = Date.now();
    const producer = publisher(unreachable);
    await expect(producer.connect()).rejects.toBeInstanceOf(BrokerUnreachableError);
    await expect(producer.publish([{ topic: 'samabay.membership.member.v1', key: 'k', value: 'x', headers: {} }])).rejects.toMatchObject({
      code: 'BROKER_UNREACHABLE',
      brokers: [`127.0.0.1:${port}`],
    });
    const unreachableAdmin = unreachable.createTopicAdmin();
    await expect(unreachableAdmin.ensureTopics([{ topic: 'samabay.membership.member.v1', partitions: 3 }])).rejects.toBeInstanceOf(BrokerUnreachableError);
    await unreachableAdmin.close();
    const member = consumer('unreachable-group', ['samabay.membership.member.v1'], unreachable);
    await expect(member.run({ eachMessage: async () => undefined })).rejects.toBeInstanceOf(BrokerUnreachableError);
    expect(await member.whenStopped()).toMatchObject({ kind: 'failed', error: { code: 'BROKER_UNREACHABLE' } });
    process.stdout.write(`unreachable broker: four typed failures in ${Date.now() - started} ms\n`);
  });

  it('never logs message keys, values or headers', () => {
    expect(JSON.stringify(logEntries)).not.toContain(PAYLOAD_MARKER);
  });
});
