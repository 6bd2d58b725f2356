import { messagingConfigFromEnv, MessagingConfigError, type MessagingConfig } from '@samabay/messaging';
import { parsePartnerKeys, type PartnerKey } from '@samabay/partner-events';
import { z } from 'zod';

/** The validated configuration of the partner publisher process. */
export interface PartnerPublisherConfig {
  /** PostgreSQL URL of the event store. */
  readonly databaseUrl: string;
  readonly eventStoreSchema: string;
  /** Schema of the publisher's checkpoint and loan-facts tables. */
  readonly publisherSchema: string;
  /** Checkpoint (and lock) name; a new partner set that must start from position 0 needs a new name. */
  readonly publisherName: string;
  readonly partners: readonly PartnerKey[];
  readonly batchSize: number;
  readonly retryMs: number;
  readonly messaging: MessagingConfig;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** The configuration is invalid; the message names the variable (never a key). */
export class PartnerPublisherConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartnerPublisherConfigError';
  }
}

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');
const integer = (min: number, max: number, fallback: number) => z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z.object({
  SAMABAY_DATABASE_URL: z.preprocess(blank, z.string({ error: 'is required (postgres://…)' }).regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  SAMABAY_EVENT_STORE_SCHEMA: z.preprocess(blank, identifier.default('eventstore')),
  SAMABAY_PARTNER_PUBLISHER_SCHEMA: z.preprocess(blank, identifier.default('partner_publisher')),
  SAMABAY_PARTNER_PUBLISHER_NAME: z.preprocess(blank, z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and -').default('partner-publisher')),
  SAMABAY_PARTNER_KEYS: z.preprocess(blank, z.string({ error: 'is required: <partnerId>=<base64 key of ≥ 32 bytes>, comma-separated' })),
  SAMABAY_PARTNER_BATCH_SIZE: integer(1, 10_000, 500),
  SAMABAY_PARTNER_RETRY_MS: integer(10, 60_000, 1000),
  SAMABAY_LOG_LEVEL: z.preprocess(blank, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

/**
 * Reads the partner publisher's environment (zod): SAMABAY_DATABASE_URL and SAMABAY_PARTNER_KEYS
 * (required), SAMABAY_EVENT_STORE_SCHEMA (eventstore), SAMABAY_PARTNER_PUBLISHER_SCHEMA
 * (partner_publisher), SAMABAY_PARTNER_PUBLISHER_NAME (partner-publisher), SAMABAY_PARTNER_BATCH_SIZE
 * (500), SAMABAY_PARTNER_RETRY_MS (1000), SAMABAY_LOG_LEVEL (info), and KAFKA_BROKERS (required),
 * KAFKA_CLIENT_ID, KAFKA_PARTITIONS through messagingConfigFromEnv. Throws PartnerPublisherConfigError
 * naming the variable; a bad partner key names the partner, never the key.
 */
export function loadPartnerPublisherConfig(env: NodeJS.ProcessEnv = process.env): PartnerPublisherConfig {
  const parsed = schema.safeParse(env);
  const fail = (message: string) => new PartnerPublisherConfigError(`invalid partner publisher configuration — ${message}`);
  if (!parsed.success) throw fail(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const vars = parsed.data;
  let partners: PartnerKey[];
  try {
    partners = parsePartnerKeys(vars.SAMABAY_PARTNER_KEYS);
  } catch (error) {
    throw fail(`SAMABAY_PARTNER_KEYS: ${(error as Error).message}`);
  }
  let messaging: MessagingConfig;
  try {
    messaging = messagingConfigFromEnv({ ...env, KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? 'samabay-partner-publisher' });
  } catch (error) {
    if (error instanceof MessagingConfigError) throw fail(error.message);
    throw error;
  }
  return {
    databaseUrl: vars.SAMABAY_DATABASE_URL,
    eventStoreSchema: vars.SAMABAY_EVENT_STORE_SCHEMA,
    publisherSchema: vars.SAMABAY_PARTNER_PUBLISHER_SCHEMA,
    publisherName: vars.SAMABAY_PARTNER_PUBLISHER_NAME,
    partners,
    batchSize: vars.SAMABAY_PARTNER_BATCH_SIZE,
    retryMs: vars.SAMABAY_PARTNER_RETRY_MS,
    messaging,
    logLevel: vars.SAMABAY_LOG_LEVEL,
  };
}
