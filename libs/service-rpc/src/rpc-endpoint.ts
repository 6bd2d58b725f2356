import { z } from 'zod';

/** The services that answer commands over `@nestjs/microservices` in the single-server topology. */
export type RpcService = 'membership' | 'savings' | 'lending';

/** Transports the build composes. TCP is the default (DESIGN §1); others are refused at start-up with a clear error. */
export type RpcTransport = 'tcp';

/** Where one service answers commands: transport, host and port (0 = a free port, tests only). */
export interface RpcEndpoint {
  readonly service: RpcService;
  readonly transport: RpcTransport;
  readonly host: string;
  readonly port: number;
  /** Longest wait for one command's answer, ms (a day-end of a whole branch is one command). */
  readonly timeoutMs: number;
}

/** Default ports: membership 4101, savings 4102, lending 4103. */
export const DEFAULT_RPC_PORTS: Readonly<Record<RpcService, number>> = Object.freeze({ membership: 4101, savings: 4102, lending: 4103 });

/** The RPC configuration is invalid; the message names the variable. */
export class RpcConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RpcConfigError';
  }
}

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Reads one service's endpoint from the environment (zod), the same variables on the service's and
 * the gateway's side: SAMABAY_RPC_TRANSPORT (tcp), SAMABAY_<SERVICE>_RPC_HOST (127.0.0.1),
 * SAMABAY_<SERVICE>_RPC_PORT (4101 membership, 4102 savings, 4103 lending), SAMABAY_RPC_TIMEOUT_MS
 * (120000). Throws RpcConfigError naming the variable (e.g. an unknown transport).
 */
export function rpcEndpointFromEnv(service: RpcService, env: NodeJS.ProcessEnv = process.env): RpcEndpoint {
  const prefix = `SAMABAY_${service.toUpperCase()}_RPC`;
  const schema = z.object({
    SAMABAY_RPC_TRANSPORT: z.preprocess(blank, z.enum(['tcp'], { error: 'must be tcp (the one transport this build composes)' }).default('tcp')),
    [`${prefix}_HOST`]: z.preprocess(blank, z.string().default('127.0.0.1')),
    [`${prefix}_PORT`]: z.preprocess(blank, z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int().min(0).max(65535).default(DEFAULT_RPC_PORTS[service])),
    SAMABAY_RPC_TIMEOUT_MS: z.preprocess(blank, z.coerce.number({ error: 'must be milliseconds, 100 to 3600000' }).int().min(100).max(3_600_000).default(120_000)),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new RpcConfigError(`invalid ${service} RPC configuration — ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const vars = parsed.data as Record<string, unknown>;
  return {
    service,
    transport: vars.SAMABAY_RPC_TRANSPORT as RpcTransport,
    host: vars[`${prefix}_HOST`] as string,
    port: vars[`${prefix}_PORT`] as number,
    timeoutMs: vars.SAMABAY_RPC_TIMEOUT_MS as number,
  };
}

/** The message pattern of a service's commands: `samabay.<service>.command`. */
export function commandPattern(service: RpcService): string {
  return `samabay.${service}.command`;
}
