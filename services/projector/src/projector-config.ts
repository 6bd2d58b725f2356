import { messagingConfigFromEnv, MessagingConfigError, type MessagingConfig } from '@samabay/messaging';
import { parseMasterKey } from '@samabay/personal-data';
import { FEED_SERVICES, type FeedService } from '@samabay/relay';
import { z } from 'zod';

/** The validated configuration of the projector process. */
export interface ProjectorConfig {
  /** PostgreSQL URL of the read models (and of the personal-data vault the member directory opens). */
  readonly databaseUrl: string;
  /** Schema of the membership read models. */
  readonly readModelSchema: string;
  /** Schema of the feed's bookkeeping tables (applied revisions, parked events). */
  readonly projectionSchema: string;
  /** Consumer group; every projector instance of one deployment shares it. */
  readonly groupId: string;
  readonly maxAttempts: number;
  /**
   * Consumer-group session timeout, ms: a member silent this long is dropped from the group and its
   * partitions move to the others (after a crash, the restarted or surviving member waits this long).
   */
  readonly sessionTimeoutMs: number;
  /** Interval of the consumer's heartbeats to the group coordinator, ms (at most a third of the session timeout). */
  readonly heartbeatIntervalMs: number;
  readonly masterKey: Buffer;
  /** Schema of the personal-data vault (the member keys the member directory opens sealed data with). */
  readonly vaultSchema: string;
  readonly topicNamespace: string | undefined;
  readonly messaging: MessagingConfig;
  readonly metricsHost: string;
  readonly metricsPort: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Whose read models this projector applies, one Kafka feed (consumer group) each: membership
   * (default) and, in the single-server topology, savings and lending too.
   */
  readonly feeds: readonly FeedService[];
  /** Schema of the event store (savings and lending are composed on it as single-node composes them; the projector appends nothing). */
  readonly eventStoreSchema: string;
}

/** The configuration is invalid; the message names the variable. */
export class ProjectorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectorConfigError';
  }
}

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');
const integer = (min: number, max: number, fallback: number) => z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));
const optionalInteger = (min: number, max: number) => z.preprocess(blank, z.coerce.number().int().min(min).max(max).optional());

/**
 * Bounds of the session timeout: Kafka brokers accept a member's session timeout only within
 * `group.min.session.timeout.ms` … `group.max.session.timeout.ms` (defaults 6 s and 30 min).
 */
export const SESSION_TIMEOUT_BOUNDS_MS = { min: 6000, max: 1_800_000, default: 30_000 } as const;
/** Default heartbeat interval, ms (lowered to a third of a shorter session timeout). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 3000;

const schema = z.object({
  SAMABAY_DATABASE_URL: z.preprocess(blank, z.string({ error: 'is required (postgres://…)' }).regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  SAMABAY_READ_MODEL_SCHEMA: z.preprocess(blank, identifier.default('membership_rm')),
  SAMABAY_PROJECTION_SCHEMA: z.preprocess(blank, identifier.default('projections')),
  SAMABAY_PROJECTOR_GROUP: z.preprocess(blank, z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be 1–200 of [A-Za-z0-9._-]').default('samabay.projector.membership')),
  SAMABAY_PROJECTOR_MAX_ATTEMPTS: integer(1, 100, 3),
  SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS: integer(SESSION_TIMEOUT_BOUNDS_MS.min, SESSION_TIMEOUT_BOUNDS_MS.max, SESSION_TIMEOUT_BOUNDS_MS.default),
  SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS: optionalInteger(100, SESSION_TIMEOUT_BOUNDS_MS.max),
  SAMABAY_VAULT_SCHEMA: z.preprocess(blank, identifier.default('vault')),
  SAMABAY_MASTER_KEY: z.preprocess(blank, z.string({ error: 'is required (base64 of 32 bytes; the member directory opens sealed personal data)' })),
  SAMABAY_TOPIC_NAMESPACE: z.preprocess(blank, z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -').optional()),
  SAMABAY_METRICS_HOST: z.preprocess(blank, z.string().default('127.0.0.1')),
  SAMABAY_METRICS_PORT: integer(0, 65535, 9465),
  SAMABAY_LOG_LEVEL: z.preprocess(blank, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SAMABAY_PROJECTOR_FEEDS: z.preprocess(
    blank,
    z
      .string()
      .default('membership')
      .transform((text) => [...new Set(text.split(',').map((part) => part.trim()))])
      .pipe(z.array(z.enum(FEED_SERVICES as [FeedService, ...FeedService[]], { error: `must be a comma-separated list of ${FEED_SERVICES.join(', ')}` })).min(1)),
  ),
  SAMABAY_EVENT_STORE_SCHEMA: z.preprocess(blank, identifier.default('eventstore')),
});

/**
 * Reads the projector's environment (zod): SAMABAY_DATABASE_URL and SAMABAY_MASTER_KEY (required),
 * SAMABAY_READ_MODEL_SCHEMA (membership_rm), SAMABAY_PROJECTION_SCHEMA (projections),
 * SAMABAY_PROJECTOR_GROUP (samabay.projector.membership), SAMABAY_PROJECTOR_MAX_ATTEMPTS (3),
 * SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS (30000; 6000–1800000, the broker's default bounds),
 * SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS (3000, or a third of a shorter session timeout; at most a
 * third of the session timeout), SAMABAY_VAULT_SCHEMA (vault), SAMABAY_TOPIC_NAMESPACE (none),
 * SAMABAY_METRICS_HOST (127.0.0.1), SAMABAY_METRICS_PORT (9465), SAMABAY_LOG_LEVEL (info),
 * SAMABAY_PROJECTOR_FEEDS (membership; e.g. membership,savings,lending),
 * SAMABAY_EVENT_STORE_SCHEMA (eventstore), and KAFKA_BROKERS (required), KAFKA_CLIENT_ID, KAFKA_PARTITIONS (3).
 * Throws ProjectorConfigError naming the variable.
 */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ProjectorConfigError(`invalid projector configuration — ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const vars = parsed.data;
  const sessionTimeoutMs = vars.SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS;
  const heartbeatIntervalMs = vars.SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS ?? Math.min(DEFAULT_HEARTBEAT_INTERVAL_MS, Math.floor(sessionTimeoutMs / 3));
  if (heartbeatIntervalMs * 3 > sessionTimeoutMs) {
    throw new ProjectorConfigError(
      `invalid projector configuration — SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS: ${heartbeatIntervalMs} ms is more than a third of SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS (${sessionTimeoutMs} ms); a member would be dropped after one or two missed heartbeats`,
    );
  }
  let messaging: MessagingConfig;
  let masterKey: Buffer;
  try {
    messaging = messagingConfigFromEnv({ ...env, KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? 'samabay-projector' });
  } catch (error) {
    if (error instanceof MessagingConfigError) throw new ProjectorConfigError(`invalid projector configuration — ${error.message}`);
    throw error;
  }
  try {
    masterKey = parseMasterKey(vars.SAMABAY_MASTER_KEY);
  } catch (error) {
    throw new ProjectorConfigError(`invalid projector configuration — SAMABAY_MASTER_KEY: ${error instanceof Error ? error.message : 'invalid'}`);
  }
  return {
    databaseUrl: vars.SAMABAY_DATABASE_URL,
    readModelSchema: vars.SAMABAY_READ_MODEL_SCHEMA,
    projectionSchema: vars.SAMABAY_PROJECTION_SCHEMA,
    groupId: vars.SAMABAY_PROJECTOR_GROUP,
    maxAttempts: vars.SAMABAY_PROJECTOR_MAX_ATTEMPTS,
    sessionTimeoutMs,
    heartbeatIntervalMs,
    masterKey,
    vaultSchema: vars.SAMABAY_VAULT_SCHEMA,
    topicNamespace: vars.SAMABAY_TOPIC_NAMESPACE,
    messaging,
    metricsHost: vars.SAMABAY_METRICS_HOST,
    metricsPort: vars.SAMABAY_METRICS_PORT,
    logLevel: vars.SAMABAY_LOG_LEVEL,
    feeds: vars.SAMABAY_PROJECTOR_FEEDS,
    eventStoreSchema: vars.SAMABAY_EVENT_STORE_SCHEMA,
  };
}
