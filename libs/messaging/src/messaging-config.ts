import { MessagingConfigError } from './errors';

/** How often and how patiently the client retries a broker request (exponential backoff). */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly initialRetryTimeMs: number;
  readonly maxRetryTimeMs: number;
}

/** Settings of a messaging client; build it with {@link messagingConfigFromEnv} or by hand in tests. */
export interface MessagingConfig {
  /** Bootstrap brokers, `host:port` each. */
  readonly brokers: readonly string[];
  /** Client id shown in broker logs and quotas. */
  readonly clientId: string;
  /** Partitions of the topics the platform creates (KAFKA_PARTITIONS). */
  readonly partitions: number;
  /** TCP connect timeout per attempt, ms. */
  readonly connectionTimeoutMs: number;
  /** Timeout of one broker request, ms. */
  readonly requestTimeoutMs: number;
  /** Retry policy of connections, metadata and admin calls, and of each publish. */
  readonly retry: RetryPolicy;
}

/** Defaults used when a setting is absent. */
export const DEFAULT_MESSAGING_CONFIG = {
  clientId: 'samabay',
  partitions: 3,
  connectionTimeoutMs: 3000,
  requestTimeoutMs: 30_000,
  retry: { retries: 5, initialRetryTimeMs: 300, maxRetryTimeMs: 30_000 },
} as const;

const BROKER_PATTERN = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const MAX_PARTITIONS = 1000;

/**
 * Reads the messaging settings from the environment: KAFKA_BROKERS (required, comma-separated
 * `host:port`), KAFKA_CLIENT_ID (default `samabay`), KAFKA_PARTITIONS (default 3, 1–1000).
 * Timeouts and retries take {@link DEFAULT_MESSAGING_CONFIG}. Throws MessagingConfigError naming the variable.
 */
export function messagingConfigFromEnv(env: Record<string, string | undefined> = process.env): MessagingConfig {
  const brokersText = env.KAFKA_BROKERS?.trim() ?? '';
  if (brokersText === '') throw new MessagingConfigError('KAFKA_BROKERS', 'KAFKA_BROKERS is not set (comma-separated host:port list)');
  return {
    ...DEFAULT_MESSAGING_CONFIG,
    brokers: parseBrokers(brokersText, 'KAFKA_BROKERS'),
    clientId: parseClientId(env.KAFKA_CLIENT_ID?.trim() || DEFAULT_MESSAGING_CONFIG.clientId),
    partitions: parsePartitions(env.KAFKA_PARTITIONS?.trim() || String(DEFAULT_MESSAGING_CONFIG.partitions)),
  };
}

/** Splits and checks a `host:port[,host:port…]` list. Throws MessagingConfigError with `field`. */
export function parseBrokers(text: string, field = 'brokers'): string[] {
  const brokers = text.split(',').map((broker) => broker.trim());
  for (const broker of brokers) {
    const port = Number(broker.slice(broker.lastIndexOf(':') + 1));
    if (!BROKER_PATTERN.test(broker) || port < 1 || port > 65535) {
      throw new MessagingConfigError(field, `${field}: "${broker}" is not host:port`);
    }
  }
  return brokers;
}

function parseClientId(text: string): string {
  if (!CLIENT_ID_PATTERN.test(text)) throw new MessagingConfigError('KAFKA_CLIENT_ID', 'KAFKA_CLIENT_ID must be 1–100 of [A-Za-z0-9._-]');
  return text;
}

function parsePartitions(text: string): number {
  const partitions = Number(text);
  if (!/^\d+$/.test(text) || partitions < 1 || partitions > MAX_PARTITIONS) {
    throw new MessagingConfigError('KAFKA_PARTITIONS', `KAFKA_PARTITIONS must be an integer from 1 to ${MAX_PARTITIONS}`);
  }
  return partitions;
}
