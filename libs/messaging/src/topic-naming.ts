import { InvalidTopicNameError } from './errors';

/** Longest topic name Kafka accepts. */
const MAX_TOPIC_LENGTH = 249;
const SERVICE_PATTERN = /^[a-z][a-z0-9-]*$/;
const CATEGORY_PATTERN = /^[A-Za-z0-9_]+$/;
const TOPIC_PATTERN = /^[A-Za-z0-9._-]+$/;

/**
 * The category of a stream: its id up to the first '-' (`member-SNG-000123` → `member`), or the
 * whole id when it has none. Throws InvalidTopicNameError (field `streamId`) when the category is
 * empty or holds characters other than letters, digits and '_'.
 */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  const category = dash === -1 ? streamId : streamId.slice(0, dash);
  if (!CATEGORY_PATTERN.test(category)) {
    throw new InvalidTopicNameError('streamId', `stream id "${streamId}" has no usable category (letters, digits, '_' before the first '-')`);
  }
  return category;
}

/**
 * The topic of a category's events (DESIGN §6): `samabay.<service>.<category>.v1`. `service` is
 * lower-case letters, digits and '-' starting with a letter (`membership`). Throws InvalidTopicNameError.
 */
export function topicName(service: string, category: string): string {
  if (!SERVICE_PATTERN.test(service)) {
    throw new InvalidTopicNameError('service', `service "${service}" must be lower-case letters, digits and '-', starting with a letter`);
  }
  if (!CATEGORY_PATTERN.test(category)) {
    throw new InvalidTopicNameError('category', `category "${category}" must be letters, digits and '_'`);
  }
  return assertTopicName(`samabay.${service}.${category}.v1`);
}

/** The topic of a stream's events: {@link topicName} of its {@link streamCategory}. `topicForStream('membership', 'member-SNG-000123')` = `samabay.membership.member.v1`. */
export function topicForStream(service: string, streamId: string): string {
  return topicName(service, streamCategory(streamId));
}

/** Where a consumer parks an event it cannot apply after bounded retries (DESIGN §6): `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return assertTopicName(`${assertTopicName(topic)}.dlq`);
}

/** Returns `topic` when Kafka accepts it as a name ([A-Za-z0-9._-], 1–249 chars, not '.' or '..'); throws InvalidTopicNameError (field `topic`). */
export function assertTopicName(topic: string): string {
  if (!TOPIC_PATTERN.test(topic) || topic.length > MAX_TOPIC_LENGTH || topic === '.' || topic === '..') {
    throw new InvalidTopicNameError('topic', `"${topic.slice(0, 60)}" is not a valid Kafka topic name`);
  }
  return topic;
}
