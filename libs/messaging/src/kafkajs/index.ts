/** The kafkajs adapter of the messaging port. The only folder that imports kafkajs (it is unmaintained upstream: keep it swappable). */
export { createKafkaMessaging, type KafkaMessagingOptions } from './create-kafka-messaging';
