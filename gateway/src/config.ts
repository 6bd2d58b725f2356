import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseMasterKey } from '@samabay/personal-data';
import { loadVerificationKey, VerificationKeyError, type TokenVerificationKey } from '@samabay/staff-auth';
import { rpcEndpointFromEnv, RpcConfigError, type RpcEndpoint, type RpcService } from '@samabay/service-rpc';
import { z } from 'zod';

/** How the platform is run (DESIGN §2). This build composes single-node and single-server. */
export type Topology = 'single-node' | 'single-server' | 'distributed';

/** Where the event store and read models live: embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type DatabaseConfig = { readonly kind: 'pglite'; readonly dataDir: string | undefined } | { readonly kind: 'postgres'; readonly url: string };

/**
 * The validated configuration of the platform.
 * `jwtSecret`: HS256 secret (≥ 32 characters). `masterKey`: 32 bytes wrapping the per-member data keys.
 * `devSecretsFile`: set when the secrets came from (or were written to) `<dataDir>/dev-secrets.json`.
 */
export interface PlatformConfig {
  readonly topology: Topology;
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly host: string;
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  readonly jwtSecret: string;
  /**
   * How staff tokens are verified: HS256 with `jwtSecret` when absent, or RS256/ES256 public keys
   * (SAMABAY_JWT_ALGORITHM with SAMABAY_JWT_PUBLIC_KEY_FILE or SAMABAY_JWT_JWKS_FILE).
   */
  readonly jwtVerification?: TokenVerificationKey;
  /** Longest lifetime of a staff token in seconds (SAMABAY_JWT_MAX_TTL_SECONDS); default 12 h. Longer-lived tokens are refused. */
  readonly jwtMaxTtlSeconds?: number;
  /**
   * Refuse tokens of users the staff registry does not know (always in production). Outside
   * production unknown users pass so development tokens work on an empty registry; a registered
   * user who is disabled, or whose role or branch changed, is refused in every mode.
   */
  readonly requireRegisteredStaff?: boolean;
  /**
   * A user id registered as admin at SNG at start-up unless the registry knows it already
   * (SAMABAY_BOOTSTRAP_ADMIN): how the first administrator of an empty registry gets in.
   */
  readonly bootstrapAdmin?: string;
  readonly masterKey: Buffer;
  readonly logLevel: LogLevel;
  /** Where pino writes the platform's log lines (default stdout); tests capture them (the leak scanner). */
  readonly logDestination?: LogDestination;
  /** Longest wait of a query's `consistentWith`, in milliseconds. */
  readonly consistencyTimeoutMs: number;
  readonly devSecretsFile?: string;
  /** single-server only: where the membership, savings and lending services answer commands. */
  readonly rpc?: Readonly<Record<RpcService, RpcEndpoint>>;
}

/** A sink for pino's JSON lines (pino's DestinationStream). */
export interface LogDestination {
  write(line: string): void;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The configuration could not be loaded; the message names the environment variable and what is wrong. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const blankAsUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankAsUndefined, z.string().optional());
const PORT_MESSAGE = 'must be a whole number from 0 to 65535';
const port = z.preprocess(blankAsUndefined, z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(0, PORT_MESSAGE).max(65535, PORT_MESSAGE).optional());

const environmentSchema = z.object({
  SAMABAY_TOPOLOGY: z.preprocess(blankAsUndefined, z.enum(['single-node', 'single-server', 'distributed']).default('single-node')),
  SAMABAY_DATA_DIR: z.preprocess(blankAsUndefined, z.string().default('./data')),
  SAMABAY_DATABASE_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  SAMABAY_HOST: z.preprocess(blankAsUndefined, z.string().default('127.0.0.1')),
  SAMABAY_PORT: port,
  PORT: port,
  SAMABAY_JWT_SECRET: z.preprocess(blankAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  SAMABAY_MASTER_KEY: optionalText,
  SAMABAY_JWT_ALGORITHM: z.preprocess(blankAsUndefined, z.enum(['HS256', 'RS256', 'ES256']).default('HS256')),
  SAMABAY_JWT_PUBLIC_KEY_FILE: optionalText,
  SAMABAY_JWT_JWKS_FILE: optionalText,
  SAMABAY_JWT_MAX_TTL_SECONDS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'must be seconds, 60 to 604800 (7 days)' }).int('must be whole seconds').min(60, 'must be at least 60 seconds').max(604_800, 'must be at most 604800 seconds (7 days)').default(43_200),
  ),
  SAMABAY_BOOTSTRAP_ADMIN: z.preprocess(blankAsUndefined, z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be a staff user id: 2–64 lower-case letters, digits, dots, dashes or underscores').optional()),
  SAMABAY_REQUIRE_REGISTERED_STAFF: z.preprocess(blankAsUndefined, z.enum(['true', 'false']).optional()),
  NODE_ENV: z.preprocess(blankAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
  SAMABAY_LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SAMABAY_CONSISTENCY_TIMEOUT_MS: z.preprocess(blankAsUndefined, z.coerce.number({ error: 'must be milliseconds, 1 to 60000' }).int().min(1).max(60_000).default(5_000)),
});

/**
 * Reads and validates the platform's environment variables (zod) at start-up:
 * SAMABAY_TOPOLOGY (single-node), SAMABAY_DATA_DIR (./data), SAMABAY_DATABASE_URL (PostgreSQL
 * instead of PGlite), SAMABAY_HOST (127.0.0.1), SAMABAY_PORT or PORT (4000), SAMABAY_JWT_SECRET,
 * SAMABAY_MASTER_KEY (base64 of 32 bytes), NODE_ENV (development), SAMABAY_LOG_LEVEL (info),
 * SAMABAY_CONSISTENCY_TIMEOUT_MS (5000), SAMABAY_JWT_ALGORITHM (HS256; RS256/ES256 need
 * SAMABAY_JWT_PUBLIC_KEY_FILE or SAMABAY_JWT_JWKS_FILE, checked here), SAMABAY_REQUIRE_REGISTERED_STAFF
 * (true in production, where false is refused; default false otherwise), SAMABAY_BOOTSTRAP_ADMIN,
 * SAMABAY_JWT_MAX_TTL_SECONDS (43200 = 12 h; 60 to 604800: the longest token lifetime accepted);
 * with SAMABAY_TOPOLOGY=single-server also the services' endpoints (SAMABAY_RPC_TRANSPORT,
 * SAMABAY_<SERVICE>_RPC_HOST / _PORT, SAMABAY_RPC_TIMEOUT_MS) and SAMABAY_DATABASE_URL becomes required.
 * Outside production, a missing JWT secret or master key is generated once and kept in
 * `<dataDir>/dev-secrets.json` (mode 0600) so tokens and sealed personal data survive restarts;
 * in production both are required. Every variable is validated before that file is read or
 * written, so a refused start writes nothing. Throws ConfigError naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  if (vars.SAMABAY_TOPOLOGY === 'distributed') {
    throw new ConfigError(`SAMABAY_TOPOLOGY: "${vars.SAMABAY_TOPOLOGY}" is not composed by this build yet; use single-node (optionally with SAMABAY_DATABASE_URL) or single-server`);
  }
  if (vars.SAMABAY_TOPOLOGY === 'single-server' && !vars.SAMABAY_DATABASE_URL) {
    throw new ConfigError('SAMABAY_DATABASE_URL: required when SAMABAY_TOPOLOGY=single-server (the services, relay and projector share one PostgreSQL)');
  }
  const rpc = vars.SAMABAY_TOPOLOGY === 'single-server' ? loadRpcEndpoints(env) : undefined;
  const production = vars.NODE_ENV === 'production';
  const dataDir = path.resolve(vars.SAMABAY_DATA_DIR);
  const asymmetric = vars.SAMABAY_JWT_ALGORITHM !== 'HS256';
  if (production && vars.SAMABAY_REQUIRE_REGISTERED_STAFF === 'false') {
    throw new ConfigError('SAMABAY_REQUIRE_REGISTERED_STAFF: cannot be false when NODE_ENV=production');
  }
  if (production) {
    if (!vars.SAMABAY_JWT_SECRET && !asymmetric) throw new ConfigError('SAMABAY_JWT_SECRET: required when NODE_ENV=production (at least 32 characters)');
    if (!vars.SAMABAY_MASTER_KEY) throw new ConfigError('SAMABAY_MASTER_KEY: required when NODE_ENV=production (base64 of 32 random bytes)');
  }
  // Everything the environment gives is checked before a development secret is read or generated:
  // a refused start leaves no dev-secrets.json (nor data directory) behind.
  let masterKey = vars.SAMABAY_MASTER_KEY === undefined ? undefined : decodeMasterKey(vars.SAMABAY_MASTER_KEY, 'SAMABAY_MASTER_KEY');
  let jwtSecret = vars.SAMABAY_JWT_SECRET;
  let jwtVerification = asymmetric || jwtSecret ? loadJwtVerification(vars.SAMABAY_JWT_ALGORITHM, jwtSecret, vars.SAMABAY_JWT_PUBLIC_KEY_FILE, vars.SAMABAY_JWT_JWKS_FILE) : undefined;
  let devSecretsFile: string | undefined;
  if (!production && (!jwtSecret || !masterKey)) {
    devSecretsFile = path.join(dataDir, 'dev-secrets.json');
    const devSecrets = loadOrCreateDevSecrets(devSecretsFile);
    jwtSecret ??= devSecrets.jwtSecret;
    masterKey ??= decodeMasterKey(devSecrets.masterKey, `masterKey in ${devSecretsFile}`);
    jwtVerification ??= loadJwtVerification('HS256', jwtSecret, undefined, undefined);
  }
  // Cannot happen: production required both secrets above (the JWT secret unless public keys verify tokens).
  if (!masterKey || !jwtVerification) throw new ConfigError('SAMABAY_MASTER_KEY / SAMABAY_JWT_SECRET: missing');
  return {
    topology: vars.SAMABAY_TOPOLOGY,
    nodeEnv: vars.NODE_ENV,
    dataDir,
    database: vars.SAMABAY_DATABASE_URL ? { kind: 'postgres', url: vars.SAMABAY_DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    host: vars.SAMABAY_HOST,
    port: vars.SAMABAY_PORT ?? vars.PORT ?? 4000,
    jwtSecret: jwtSecret ?? '',
    jwtVerification,
    jwtMaxTtlSeconds: vars.SAMABAY_JWT_MAX_TTL_SECONDS,
    requireRegisteredStaff: production || vars.SAMABAY_REQUIRE_REGISTERED_STAFF === 'true',
    ...(vars.SAMABAY_BOOTSTRAP_ADMIN ? { bootstrapAdmin: vars.SAMABAY_BOOTSTRAP_ADMIN } : {}),
    masterKey,
    logLevel: vars.SAMABAY_LOG_LEVEL,
    consistencyTimeoutMs: vars.SAMABAY_CONSISTENCY_TIMEOUT_MS,
    devSecretsFile,
    ...(rpc ? { rpc } : {}),
  };
}

/** The three services' endpoints of the single-server topology (rpcEndpointFromEnv), as ConfigErrors. */
function loadRpcEndpoints(env: NodeJS.ProcessEnv): Record<RpcService, RpcEndpoint> {
  try {
    return { membership: rpcEndpointFromEnv('membership', env), savings: rpcEndpointFromEnv('savings', env), lending: rpcEndpointFromEnv('lending', env) };
  } catch (error) {
    if (error instanceof RpcConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * A configuration for tests and tools: in-memory PGlite, a free port, fresh random secrets,
 * silent logs. `overrides` replace any field.
 */
export function inMemoryConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return {
    topology: 'single-node',
    nodeEnv: 'test',
    dataDir: path.resolve('tmp'),
    database: { kind: 'pglite', dataDir: undefined },
    host: '127.0.0.1',
    port: 0,
    jwtSecret: randomBytes(32).toString('base64'),
    masterKey: randomBytes(32),
    logLevel: 'silent',
    consistencyTimeoutMs: 5_000,
    ...overrides,
  };
}

interface DevSecrets {
  readonly jwtSecret: string;
  readonly masterKey: string;
}

const devSecretsSchema = z.object({ jwtSecret: z.string().min(32), masterKey: z.string().min(1) });

function loadOrCreateDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) {
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new ConfigError(`${file} is not valid JSON; fix it or set SAMABAY_JWT_SECRET and SAMABAY_MASTER_KEY`);
    }
    const parsed = devSecretsSchema.safeParse(content);
    if (!parsed.success) throw new ConfigError(`${file} must hold { jwtSecret (≥ 32 characters), masterKey (base64) }`);
    return parsed.data;
  }
  const secrets: DevSecrets = { jwtSecret: randomBytes(48).toString('base64url'), masterKey: randomBytes(32).toString('base64') };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return secrets;
}

function loadJwtVerification(algorithm: 'HS256' | 'RS256' | 'ES256', secret: string | undefined, publicKeyFile: string | undefined, jwksFile: string | undefined): TokenVerificationKey {
  try {
    return loadVerificationKey(algorithm === 'HS256' ? { algorithm, secret } : { algorithm, publicKeyFile, jwksFile });
  } catch (error) {
    if (!(error instanceof VerificationKeyError)) throw error;
    const variable = algorithm === 'HS256' ? 'SAMABAY_JWT_SECRET' : 'SAMABAY_JWT_PUBLIC_KEY_FILE / SAMABAY_JWT_JWKS_FILE';
    throw new ConfigError(`${variable}: ${error.message}`);
  }
}

function decodeMasterKey(text: string, variable: string): Buffer {
  try {
    return parseMasterKey(text);
  } catch (error) {
    throw new ConfigError(`${variable}: ${error instanceof Error ? error.message : 'invalid'} (e.g. \`openssl rand -base64 32\`)`);
  }
}
