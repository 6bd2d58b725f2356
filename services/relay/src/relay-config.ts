import { messagingConfigFromEnv, MessagingConfigError, type MessagingConfig } from '@samabay/messaging';
import { z } from 'zod';

/** The validated configuration of the relay process. */
export interface RelayProcessConfig {
  /** PostgreSQL URL of the event store (the relay is not used on PGlite single-node). */
  readonly databaseUrl: string;
  readonly eventStoreSchema: string;
  /** Schema of the relay checkpoint table. */
  readonly relaySchema: string;
  readonly batchSize: number;
  readonly lockRetryMs: number;
  /** Appended to service names in topic names (`<service>-<namespace>`); empty in production. */
  readonly topicNamespace: string | undefined;
  readonly messaging: MessagingConfig;
  readonly metricsHost: string;
  /** Port of GET /metrics; 0 picks a free one. */
  readonly metricsPort: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** The configuration is invalid; the message names the variable. */
export class RelayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RelayConfigError';
  }
}

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');
const integer = (min: number, max: number, fallback: number) => z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z.object({
  SAMABAY_DATABASE_URL: z.preprocess(blank, z.string({ error: 'is required (postgres://…): the relay runs in the single-server and distributed topologies' }).regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  SAMABAY_EVENT_STORE_SCHEMA: z.preprocess(blank, identifier.default('eventstore')),
  SAMABAY_RELAY_SCHEMA: z.preprocess(blank, identifier.default('relay')),
  SAMABAY_RELAY_BATCH_SIZE: integer(1, 10_000, 500),
  SAMABAY_RELAY_LOCK_RETRY_MS: integer(10, 60_000, 1000),
  SAMABAY_TOPIC_NAMESPACE: z.preprocess(blank, z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -').optional()),
  SAMABAY_METRICS_HOST: z.preprocess(blank, z.string().default('127.0.0.1')),
  SAMABAY_METRICS_PORT: integer(0, 65535, 9464),
  SAMABAY_LOG_LEVEL: z.preprocess(blank, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

/**
 * Reads the relay's environment (zod): SAMABAY_DATABASE_URL (required), SAMABAY_EVENT_STORE_SCHEMA
 * (eventstore), SAMABAY_RELAY_SCHEMA (relay), SAMABAY_RELAY_BATCH_SIZE (500),
 * SAMABAY_RELAY_LOCK_RETRY_MS (1000), SAMABAY_TOPIC_NAMESPACE (none), SAMABAY_METRICS_HOST
 * (127.0.0.1), SAMABAY_METRICS_PORT (9464), SAMABAY_LOG_LEVEL (info), and KAFKA_BROKERS (required),
 * KAFKA_CLIENT_ID, KAFKA_PARTITIONS (3) through messagingConfigFromEnv. Throws RelayConfigError naming the variable.
 */
export function loadRelayConfig(env: NodeJS.ProcessEnv = process.env): RelayProcessConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new RelayConfigError(`invalid relay configuration — ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const vars = parsed.data;
  let messaging: MessagingConfig;
  try {
    messaging = messagingConfigFromEnv({ ...env, KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? 'samabay-relay' });
  } catch (error) {
    if (error instanceof MessagingConfigError) throw new RelayConfigError(`invalid relay configuration — ${error.message}`);
    throw error;
  }
  return {
    databaseUrl: vars.SAMABAY_DATABASE_URL,
    eventStoreSchema: vars.SAMABAY_EVENT_STORE_SCHEMA,
    relaySchema: vars.SAMABAY_RELAY_SCHEMA,
    batchSize: vars.SAMABAY_RELAY_BATCH_SIZE,
    lockRetryMs: vars.SAMABAY_RELAY_LOCK_RETRY_MS,
    topicNamespace: vars.SAMABAY_TOPIC_NAMESPACE,
    messaging,
    metricsHost: vars.SAMABAY_METRICS_HOST,
    metricsPort: vars.SAMABAY_METRICS_PORT,
    logLevel: vars.SAMABAY_LOG_LEVEL,
  };
}
