import type { StaffRole } from '@samabay/domain-kit';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, issueStaffToken, STAFF_ROLES } from '@samabay/staff-auth';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The command's help text. */
export const USAGE = `usage: npm run token -- --user <id> --role <role> --branch <XYZ> [--ttl <seconds>]

  Issues a development staff token (HS256) for a running single-node platform; refused when NODE_ENV=production.
  --user    staff user id (e.g. teller-7)
  --role    one of ${STAFF_ROLES.join(', ')}
  --branch  branch code, three capital letters (e.g. KLG)
  --ttl     lifetime in seconds, 60 to the platform's SAMABAY_JWT_MAX_TTL_SECONDS (default and maximum 43200 = 12 h)
  The secret is SAMABAY_JWT_SECRET, else jwtSecret of <SAMABAY_DATA_DIR or ./data>/dev-secrets.json (written by npm start).`;

/** What went wrong: `exitCode` 64 for usage errors, 78 for configuration, 77 when refused. */
export class TokenCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'TokenCliError';
  }
}

const MIN_TTL = 60;

/**
 * Runs the token CLI on `argv` (without node and script) and `env`; returns the token (the caller
 * prints it). Throws TokenCliError: usage (64), missing or unreadable secret (78), NODE_ENV=production
 * or a platform configured for RS256/ES256 (77: those tokens come from the identity provider).
 */
export function runTokenCli(argv: readonly string[], env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  if (env.NODE_ENV === 'production') throw new TokenCliError('refused: development tokens are never issued when NODE_ENV=production', 77);
  if (env.SAMABAY_JWT_ALGORITHM && env.SAMABAY_JWT_ALGORITHM !== 'HS256') {
    throw new TokenCliError(`refused: the platform verifies ${env.SAMABAY_JWT_ALGORITHM} tokens; issue them with the identity provider's private key`, 77);
  }
  let values: { user?: string; role?: string; branch?: string; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { user: { type: 'string' }, role: { type: 'string' }, branch: { type: 'string' }, ttl: { type: 'string' }, help: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    throw new TokenCliError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 64);
  }
  if (values.help) throw new TokenCliError(USAGE, 64);
  const user = values.user ?? '';
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(user)) throw new TokenCliError(`--user must be 2–64 lower-case letters, digits, dots, dashes or underscores\n${USAGE}`, 64);
  if (!STAFF_ROLES.includes(values.role as StaffRole)) throw new TokenCliError(`--role must be one of ${STAFF_ROLES.join(', ')}\n${USAGE}`, 64);
  if (!/^[A-Z]{3}$/.test(values.branch ?? '')) throw new TokenCliError(`--branch must be three capital letters\n${USAGE}`, 64);
  const maxTtl = maxTtlFrom(env);
  const ttl = values.ttl === undefined ? Math.min(DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, maxTtl) : Number(values.ttl);
  if (!Number.isSafeInteger(ttl) || ttl < MIN_TTL || ttl > maxTtl) throw new TokenCliError(`--ttl must be whole seconds from ${MIN_TTL} to ${maxTtl}\n${USAGE}`, 64);
  return issueStaffToken({ secret: secretFrom(env), userId: user, role: values.role as StaffRole, branch: values.branch, expiresInSeconds: ttl, now });
}

/** The gateway's longest accepted token lifetime (SAMABAY_JWT_MAX_TTL_SECONDS, default 12 h): a longer token would be refused. */
function maxTtlFrom(env: NodeJS.ProcessEnv): number {
  const text = env.SAMABAY_JWT_MAX_TTL_SECONDS?.trim();
  if (!text) return DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const seconds = Number(text);
  if (!Number.isSafeInteger(seconds) || seconds < MIN_TTL) throw new TokenCliError(`SAMABAY_JWT_MAX_TTL_SECONDS must be whole seconds, at least ${MIN_TTL}`, 78);
  return seconds;
}

function secretFrom(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.SAMABAY_JWT_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new TokenCliError('SAMABAY_JWT_SECRET must be at least 32 characters', 78);
    return fromEnv;
  }
  const file = path.join(path.resolve(env.SAMABAY_DATA_DIR?.trim() || './data'), 'dev-secrets.json');
  if (!existsSync(file)) throw new TokenCliError(`no secret: set SAMABAY_JWT_SECRET or start the platform once (npm start writes ${file})`, 78);
  let secret: unknown;
  try {
    secret = (JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret?: unknown }).jwtSecret;
  } catch {
    throw new TokenCliError(`${file} is not valid JSON`, 78);
  }
  if (typeof secret !== 'string' || secret.length < 32) throw new TokenCliError(`${file} holds no jwtSecret of at least 32 characters`, 78);
  return secret;
}
