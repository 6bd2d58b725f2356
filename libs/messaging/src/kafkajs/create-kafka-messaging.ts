import type { MessagingClient } from '../messaging-client';
import type { MessagingConfig } from '../messaging-config';
import { stderrMessagingLogger, type MessagingLogger, type MessagingLogLevel } from '../messaging-logger';
import { createKafkajsClient } from './kafkajs-client';
import { KafkajsMessageConsumer } from './kafkajs-consumer';
import { KafkajsMessagePublisher } from './kafkajs-publisher';
import { KafkajsTopicAdmin } from './kafkajs-topic-admin';

/** Options of {@link createKafkaMessaging}. */
export interface KafkaMessagingOptions {
  /** Where client logs go (a pino logger fits); default: JSON lines on stderr. */
  readonly logger?: MessagingLogger;
  /** Lowest level passed on (default 'warn'). */
  readonly logLevel?: MessagingLogLevel;
}

/**
 * The messaging port over Apache Kafka (kafkajs 2.2.4). One client per process is enough; each
 * publisher, consumer and admin it creates holds its own connections and must be closed/stopped.
 */
export function createKafkaMessaging(config: MessagingConfig, options: KafkaMessagingOptions = {}): MessagingClient {
  const minLevel = options.logLevel ?? 'warn';
  const logger = options.logger ?? stderrMessagingLogger(minLevel);
  const kafka = createKafkajsClient(config, logger, minLevel);
  return {
    createPublisher: () => new KafkajsMessagePublisher(kafka, config),
    createConsumer: (consumerOptions) => new KafkajsMessageConsumer(kafka, config, consumerOptions, logger),
    createTopicAdmin: () => new KafkajsTopicAdmin(kafka, config, logger),
  };
}
