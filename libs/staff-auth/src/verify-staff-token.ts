import type { Actor } from '@samabay/domain-kit';
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, staffClaimsSchema, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims';
import type { TokenVerificationKey } from './verification-key';

/** Default longest lifetime of a staff token: 12 hours (a working day plus margin), in seconds. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 12 * 60 * 60;
/** How far a token's `iat` (or remaining lifetime) may run ahead of our clock: 60 seconds of clock skew. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Lifetime limits of a staff token. */
export interface TokenLifetimeLimits {
  /** Longest allowed lifetime (`exp − iat`, and `exp − now`), in seconds. Default 12 h. */
  readonly maxLifetimeSeconds?: number;
  /** Allowed clock skew, in seconds. Default 60. */
  readonly clockSkewSeconds?: number;
}

/**
 * Verifies a staff bearer token: the configured algorithm only (a string key means HS256 with that
 * secret), issuer 'samabay', audience 'samabay-gateway', an `exp` that has not passed, and claims
 * { sub, role (a StaffRole), branch (3 capital letters) }. With a JWKS of several keys the token's
 * `kid` picks the key. A token that lives too long is refused however well signed (a leaked one
 * must not stay useful): `exp − iat` and `exp − now` at most `limits.maxLifetimeSeconds` (plus the
 * clock skew for the latter), and `iat`, when present, not after now + `limits.clockSkewSeconds`.
 * Returns the acting staff member. Throws InvalidTokenError.
 */
export function verifyStaffToken(token: string, key: TokenVerificationKey | string, now: () => Date = () => new Date(), limits: TokenLifetimeLimits = {}): Actor {
  const verification: TokenVerificationKey = typeof key === 'string' ? { algorithm: 'HS256', secret: key } : key;
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, keyFor(token, verification), {
      algorithms: [verification.algorithm],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clockTimestamp: Math.floor(now().getTime() / 1000),
    });
  } catch (error) {
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'the bearer token has expired' : 'the bearer token is not valid');
  }
  const claims = staffClaimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('the bearer token lacks valid sub, role, branch or exp claims');
  requireBoundedLifetime(claims.data, Math.floor(now().getTime() / 1000), limits);
  return { userId: claims.data.sub, role: claims.data.role, branchCode: claims.data.branch };
}

function requireBoundedLifetime(claims: { readonly exp: number; readonly iat?: number }, nowSeconds: number, limits: TokenLifetimeLimits): void {
  const maxLifetime = limits.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const skew = limits.clockSkewSeconds ?? TOKEN_CLOCK_SKEW_SECONDS;
  if (claims.iat !== undefined && claims.iat > nowSeconds + skew) throw new InvalidTokenError('the bearer token was issued in the future');
  if (claims.exp - nowSeconds > maxLifetime + skew || (claims.iat !== undefined && claims.exp - claims.iat > maxLifetime)) {
    throw new InvalidTokenError(`the bearer token lives longer than the allowed ${maxLifetime} seconds`);
  }
}

function keyFor(token: string, key: TokenVerificationKey): string | KeyObject {
  if (key.algorithm === 'HS256') return key.key ?? createSecretKey(Buffer.from(key.secret));
  const kid = jwt.decode(token, { complete: true })?.header.kid;
  const found = typeof kid === 'string' ? key.keys.get(kid) : undefined;
  const chosen = found ?? (kid === undefined ? key.defaultKey : undefined);
  if (!chosen) throw new InvalidTokenError('the bearer token is not valid');
  return chosen;
}

/**
 * Reads `Authorization: Bearer <token>`. Returns undefined when the header is absent; throws
 * InvalidTokenError when it is present but not a bearer token.
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(value.trim());
  if (!match) throw new InvalidTokenError('the Authorization header must be "Bearer <token>"');
  return match[1];
}
