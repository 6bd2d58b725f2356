import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, type IncomingMessage, type MessagingClient, type MessagingLogger } from '@samabay/messaging';
import { kafkaTestBrokers, waitFor } from '../support';

/** A messaging client of the test broker; client logs at warn and above go to `entries` (and nowhere else). */
export function testMessaging(clientId: string, partitions = 3, entries: string[] = []): MessagingClient {
  const logger: MessagingLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (details, message) => entries.push(`${message} ${JSON.stringify(details)}`),
    error: (details, message) => entries.push(`${message} ${JSON.stringify(details)}`),
  };
  return createKafkaMessaging({ ...DEFAULT_MESSAGING_CONFIG, brokers: kafkaTestBrokers(), clientId, partitions }, { logger });
}

/**
 * Every message of `topics` as of now: reads the end offsets first, then consumes from the
 * beginning (a fresh group) until each partition reached its end. Exact, with no waiting for
 * "quiet": the end offsets say how many messages there are.
 */
export async function readAllMessages(messaging: MessagingClient, topics: readonly string[], groupId: string, timeoutMs = 30_000): Promise<IncomingMessage[]> {
  const admin = messaging.createTopicAdmin();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const partition of await admin.consumerGroupOffsets(groupId, topic)) {
        if (partition.end > 0n) remaining.set(`${topic}/${partition.partition}`, partition.end);
      }
    }
  } finally {
    await admin.close();
  }
  const received: IncomingMessage[] = [];
  if (remaining.size === 0) return received;
  const consumer = messaging.createConsumer({ groupId, topics, fromBeginning: true, maxWaitTimeMs: 100 });
  try {
    await consumer.run({
      eachMessage: async (message) => {
        const slot = `${message.topic}/${message.partition}`;
        const end = remaining.get(slot);
        if (end === undefined || message.offset >= end) return;
        received.push(message);
        if (message.offset + 1n >= end) remaining.delete(slot);
      },
    });
    await waitFor(() => remaining.size === 0, `all messages of ${topics.join(', ')}`, timeoutMs);
  } finally {
    await consumer.stop();
  }
  return received;
}

/** Messages grouped by key, in delivery order within each key. */
export function byKey(messages: readonly IncomingMessage[]): Map<string, IncomingMessage[]> {
  const groups = new Map<string, IncomingMessage[]>();
  for (const message of messages) {
    const key = message.key ?? '';
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  return groups;
}
