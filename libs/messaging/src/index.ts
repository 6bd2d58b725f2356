/**
 * @samabay/messaging: the project's port for publishing and consuming messages (DESIGN §6) and its
 * Apache Kafka adapter. No kafkajs type leaves src/kafkajs/.
 */
export * from './errors';
export type { IncomingBatch, IncomingMessage, MessageHeaders, OutgoingMessage } from './message';
export type { MessagePublisher } from './message-publisher';
export type {
  ConsumerHandler,
  ConsumerOptions,
  ConsumerStopReason,
  DeliveryContext,
  EachBatchHandler,
  EachMessageHandler,
  MessageConsumer,
  TopicPartitions,
} from './message-consumer';
export type { EnsuredTopic, PartitionOffsets, TopicAdmin, TopicSpec } from './topic-admin';
export type { MessagingClient } from './messaging-client';
export { DEFAULT_MESSAGING_CONFIG, messagingConfigFromEnv, parseBrokers, type MessagingConfig, type RetryPolicy } from './messaging-config';
export { stderrMessagingLogger, type MessagingLogger, type MessagingLogLevel } from './messaging-logger';
export { assertTopicName, deadLetterTopic, streamCategory, topicForStream, topicName } from './topic-naming';
export { EVENT_HEADERS, eventFromMessage, eventHeadersOf, eventToMessage, type EventEnvelope, type EventHeaders } from './event-message';
export { createKafkaMessaging, type KafkaMessagingOptions } from './kafkajs';
