import { deadLetterTopic, type IncomingMessage, type MessagingClient, type OutgoingMessage } from '@samabay/messaging';

/** Headers a parked message carries on `<topic>.dlq` besides the event's own (type, eventId, position, streamId, revision). */
export const DEAD_LETTER_HEADERS = {
  sourceTopic: 'dlq.sourceTopic',
  sourcePartition: 'dlq.sourcePartition',
  sourceOffset: 'dlq.sourceOffset',
  group: 'dlq.group',
  reason: 'dlq.reason',
  error: 'dlq.error',
  attempts: 'dlq.attempts',
  parkedAt: 'dlq.parkedAt',
} as const;

/** Why an event was parked: failed after bounded retries, queued behind a parked event of its stream, or unreadable. */
export type ParkReason = 'POISON' | 'STREAM_BLOCKED' | 'INVALID_MESSAGE';

/** What the dead-letter message says about the failure; `error` is an error name and code, never its message (it may quote data). */
export interface ParkDetails {
  readonly group: string;
  readonly reason: ParkReason;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: Date;
}

/** Key of a dead-letter copy of a message that had none (never one of ours; the port requires a key). */
export const NO_KEY = '(no key)';

/** The copy of `message` published to `<topic>.dlq`: same key (or {@link NO_KEY}), value and headers, plus the `dlq.*` headers. */
export function deadLetterMessage(message: IncomingMessage, details: ParkDetails): OutgoingMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key || NO_KEY,
    value: message.value ?? '',
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.sourceTopic]: message.topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: message.offset.toString(),
      [DEAD_LETTER_HEADERS.group]: details.group,
      [DEAD_LETTER_HEADERS.reason]: details.reason,
      [DEAD_LETTER_HEADERS.error]: details.error,
      [DEAD_LETTER_HEADERS.attempts]: String(details.attempts),
      [DEAD_LETTER_HEADERS.parkedAt]: details.parkedAt.toISOString(),
    },
  };
}

/** The message to re-feed from a dead-letter message: back on `topic`, same key and value, without the `dlq.*` headers. */
export function replayMessage(parked: IncomingMessage, topic: string): OutgoingMessage {
  const headers = Object.fromEntries(Object.entries(parked.headers).filter(([name]) => !name.startsWith('dlq.')));
  return { topic, key: parked.key || NO_KEY, value: parked.value ?? '', headers };
}

/** Options of {@link replayDeadLetters}. */
export interface ReplayDeadLettersOptions {
  readonly messaging: MessagingClient;
  /** The source topic: messages of `<topic>.dlq` go back to it. */
  readonly topic: string;
  /** Consumer group of the replay (its committed offsets make a second replay skip what the first re-fed). Default `samabay.dlq-replay.<topic>`. */
  readonly groupId?: string;
  /** Upper bound on the whole replay, ms. Default 120,000. */
  readonly timeoutMs?: number;
}

/**
 * Re-feeds the events parked on `<topic>.dlq` to `<topic>` (the `npm run dlq:replay -- <topic>`
 * command): reads the dead-letter topic up to its end as of the call, republishes each message (in
 * order per key) and commits the replay group's offsets after Kafka acknowledged. The projector
 * applies a re-fed event like any other (idempotent by stream and revision) and clears its parking
 * record; if it fails again it is parked again. Resolves with the number of messages re-fed.
 * Throws TopicNotFoundError / BrokerUnreachableError from the messaging port, or Error on timeout.
 */
export async function replayDeadLetters(options: ReplayDeadLettersOptions): Promise<{ replayed: number }> {
  const dlq = deadLetterTopic(options.topic);
  const groupId = options.groupId ?? `samabay.dlq-replay.${options.topic}`;
  const admin = options.messaging.createTopicAdmin();
  let remaining: Map<number, bigint>;
  try {
    const offsets = await admin.consumerGroupOffsets(groupId, dlq);
    remaining = new Map(offsets.filter((p) => p.end > (p.committed ?? 0n)).map((p) => [p.partition, p.end]));
  } finally {
    await admin.close();
  }
  if (remaining.size === 0) return { replayed: 0 };

  const publisher = options.messaging.createPublisher();
  const consumer = options.messaging.createConsumer({ groupId, topics: [dlq], fromBeginning: true });
  let replayed = 0;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  try {
    await consumer.run({
      eachBatch: async (batch) => {
        await publisher.publish(batch.messages.map((message) => replayMessage(message, options.topic)));
        replayed += batch.messages.length;
        const last = batch.messages[batch.messages.length - 1];
        const end = remaining.get(batch.partition);
        if (last && end !== undefined && last.offset + 1n >= end) remaining.delete(batch.partition);
        if (remaining.size === 0) finish();
      },
    });
    const stopped = consumer.whenStopped().then((reason) => {
      if (settled) return;
      if (reason.kind === 'failed') throw reason.error;
      throw new Error('dead-letter replay consumer stopped early');
    });
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`dead-letter replay of ${dlq} not finished within ${timeoutMs} ms`)), timeoutMs)));
    await Promise.race([done, stopped, timedOut]);
    return { replayed };
  } finally {
    settled = true;
    clearTimeout(timer);
    await consumer.stop();
    await publisher.close();
  }
}
