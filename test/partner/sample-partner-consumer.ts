// A sample partner consumer (issue 6 item 5): what a partner NGO runs against its own public topics.
// It reads every message of its topics, checks each against the published JSON Schema of its topic
// (libs/partner-events/schemas, the files the AsyncAPI document references) and hands back the valid
// events; an invalid message is reported, never silently used.
import { loadPublicSchemas, PUBLIC_EVENT_NAMES, publicTopic, validatePublicMessage, type PublicEventName } from '@samabay/partner-events';
import type { IncomingMessage, MessagingClient } from '@samabay/messaging';
import { readAllMessages } from '../relay/kafka-fixtures';

/** One public event as the partner received it. */
export interface ReceivedPublicEvent {
  readonly topic: string;
  readonly name: PublicEventName;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
  /** The raw bytes as they came off the wire, for leak scanning. */
  readonly raw: string;
}

/** What {@link consumePartnerTopics} read: the valid events and, per invalid message, its topic, offset and problems. */
export interface PartnerConsumption {
  readonly events: ReceivedPublicEvent[];
  readonly invalid: Array<{ readonly topic: string; readonly offset: string; readonly problems: readonly string[] }>;
}

/** Reads every message of `partnerId`'s public topics as of now (a fresh consumer group) and validates each against its schema. */
export async function consumePartnerTopics(messaging: MessagingClient, partnerId: string, groupId: string): Promise<PartnerConsumption> {
  const schemas = loadPublicSchemas();
  const nameOfTopic = new Map(PUBLIC_EVENT_NAMES.map((name) => [publicTopic(partnerId, name), name]));
  const messages: IncomingMessage[] = await readAllMessages(messaging, [...nameOfTopic.keys()], groupId);
  const events: ReceivedPublicEvent[] = [];
  const invalid: Array<{ topic: string; offset: string; problems: string[] }> = [];
  for (const message of messages) {
    const name = nameOfTopic.get(message.topic) as PublicEventName;
    const raw = message.value?.toString('utf8') ?? '';
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      invalid.push({ topic: message.topic, offset: message.offset.toString(), problems: ['not JSON'] });
      continue;
    }
    const problems = validatePublicMessage(schemas, name, body);
    if (message.headers.eventType !== name) problems.push(`header eventType is ${message.headers.eventType}`);
    if (problems.length > 0) invalid.push({ topic: message.topic, offset: message.offset.toString(), problems });
    else events.push({ topic: message.topic, name, key: message.key, headers: message.headers, body: body as Record<string, unknown>, raw });
  }
  return { events, invalid };
}
