import { Kafka } from 'kafkajs';
import type { MessagingConfig, RetryPolicy } from '../messaging-config';
import type { MessagingLogger, MessagingLogLevel } from '../messaging-logger';
import { kafkajsLogCreator, kafkajsLogLevel } from './kafkajs-log';

/** kafkajs's retry options from ours (no randomisation beyond kafkajs's default factor). */
export function kafkajsRetry(policy: RetryPolicy): { retries: number; initialRetryTime: number; maxRetryTime: number } {
  return { retries: policy.retries, initialRetryTime: policy.initialRetryTimeMs, maxRetryTime: policy.maxRetryTimeMs };
}

/** One kafkajs client for the configured brokers, logging through `logger` at `minLevel` and above. */
export function createKafkajsClient(config: MessagingConfig, logger: MessagingLogger, minLevel: MessagingLogLevel): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    retry: kafkajsRetry(config.retry),
    logLevel: kafkajsLogLevel(minLevel),
    logCreator: kafkajsLogCreator(logger, minLevel),
  });
}
