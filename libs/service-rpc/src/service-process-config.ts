import { z } from 'zod';
import { rpcEndpointFromEnv, RpcConfigError, type RpcEndpoint, type RpcService } from './rpc-endpoint';

/** The validated configuration of one service process of the single-server topology. */
export interface ServiceProcessConfig {
  readonly service: RpcService;
  /** PostgreSQL of the event store, idempotency records, vault and read models. */
  readonly databaseUrl: string;
  readonly eventStoreSchema: string;
  /** Base schema of the projector's feed bookkeeping (see feedSchema of @samabay/relay). */
  readonly projectionSchema: string;
  /** Longest wait for the service's own read models before it decides on them, ms. */
  readonly consistencyTimeoutMs: number;
  readonly endpoint: RpcEndpoint;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Raw SAMABAY_MASTER_KEY (base64), when set: the membership service requires it (it seals personal data). */
  readonly masterKeyText: string | undefined;
  readonly metricsHost: string;
  /** Port of GET /metrics; 0 picks a free one. */
  readonly metricsPort: number;
}

/** Default ports of the services' GET /metrics (the relay has 9464, the projector 9465). */
export const DEFAULT_METRICS_PORTS: Readonly<Record<RpcService, number>> = Object.freeze({ membership: 9466, savings: 9467, lending: 9468 });

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier');

const schema = z.object({
  SAMABAY_DATABASE_URL: z.preprocess(
    blank,
    z.string({ error: 'is required (postgres://…): services run as processes only in the single-server topology' }).regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL'),
  ),
  SAMABAY_EVENT_STORE_SCHEMA: z.preprocess(blank, identifier.default('eventstore')),
  SAMABAY_PROJECTION_SCHEMA: z.preprocess(blank, identifier.default('projections')),
  SAMABAY_CONSISTENCY_TIMEOUT_MS: z.preprocess(blank, z.coerce.number({ error: 'must be milliseconds, 1 to 60000' }).int().min(1).max(60_000).default(5_000)),
  SAMABAY_LOG_LEVEL: z.preprocess(blank, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SAMABAY_MASTER_KEY: z.preprocess(blank, z.string().optional()),
  SAMABAY_METRICS_HOST: z.preprocess(blank, z.string().default('127.0.0.1')),
});

/**
 * Reads a service process's environment (zod): SAMABAY_DATABASE_URL (required), SAMABAY_EVENT_STORE_SCHEMA
 * (eventstore), SAMABAY_PROJECTION_SCHEMA (projections), SAMABAY_CONSISTENCY_TIMEOUT_MS (5000),
 * SAMABAY_LOG_LEVEL (info), SAMABAY_MASTER_KEY, SAMABAY_METRICS_HOST (127.0.0.1), SAMABAY_<SERVICE>_METRICS_PORT
 * (9466 membership, 9467 savings, 9468 lending), and the endpoint (rpcEndpointFromEnv: SAMABAY_RPC_TRANSPORT,
 * SAMABAY_<SERVICE>_RPC_HOST / _PORT, SAMABAY_RPC_TIMEOUT_MS). Throws RpcConfigError naming the variable.
 */
export function loadServiceProcessConfig(service: RpcService, env: NodeJS.ProcessEnv = process.env): ServiceProcessConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new RpcConfigError(`invalid ${service} service configuration — ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const vars = parsed.data;
  const metricsVariable = `SAMABAY_${service.toUpperCase()}_METRICS_PORT`;
  const metricsPort = z
    .preprocess(blank, z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int().min(0).max(65535).default(DEFAULT_METRICS_PORTS[service]))
    .safeParse(env[metricsVariable]);
  if (!metricsPort.success) throw new RpcConfigError(`invalid ${service} service configuration — ${metricsVariable}: ${metricsPort.error.issues[0]?.message ?? 'invalid'}`);
  return {
    service,
    databaseUrl: vars.SAMABAY_DATABASE_URL,
    eventStoreSchema: vars.SAMABAY_EVENT_STORE_SCHEMA,
    projectionSchema: vars.SAMABAY_PROJECTION_SCHEMA,
    consistencyTimeoutMs: vars.SAMABAY_CONSISTENCY_TIMEOUT_MS,
    endpoint: rpcEndpointFromEnv(service, env),
    logLevel: vars.SAMABAY_LOG_LEVEL,
    masterKeyText: vars.SAMABAY_MASTER_KEY,
    metricsHost: vars.SAMABAY_METRICS_HOST,
    metricsPort: metricsPort.data,
  };
}
