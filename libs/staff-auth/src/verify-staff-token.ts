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
 * Returns the acting staff member. Throws InvalidTokenError saying what is wrong — malformed, not
 * signed, another algorithm, a signature this key does not match, an unknown kid, another audience
 * or issuer, expired, missing claims, too long a lifetime — never quoting the token.
 */
export function verifyStaffToken(token: string, key: TokenVerificationKey | string, now: () => Date = () => new Date(), limits: TokenLifetimeLimits = {}): Actor {
  const verification: TokenVerificationKey = typeof key === 'string' ? { algorithm: 'HS256', secret: key } : key;
  if (!JWT_FORM.test(token)) throw new InvalidTokenError(MALFORMED);
  const signingKey = keyFor(token, verification);
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, signingKey, {
      algorithms: [verification.algorithm],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clockTimestamp: Math.floor(now().getTime() / 1000),
    });
  } catch (error) {
    throw new InvalidTokenError(verificationFailure(error, verification.algorithm));
  }
  const claims = staffClaimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('the bearer token lacks valid sub, role, branch or exp claims');
  requireBoundedLifetime(claims.data, Math.floor(now().getTime() / 1000), limits);
  return { userId: claims.data.sub, role: claims.data.role, branchCode: claims.data.branch };
}

/** A compact JWS: base64url header, payload and (possibly empty) signature, separated by dots. */
const JWT_FORM = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MALFORMED = 'the bearer token is malformed: a staff token is a signed JWT, three base64url parts separated by dots';

/**
 * Why jsonwebtoken refused a token, in words a user can act on; never the token's contents
 * (jsonwebtoken's own messages are not passed on: they are terse and some quote expected claim values).
 */
function verificationFailure(error: unknown, algorithm: TokenVerificationKey['algorithm']): string {
  if (error instanceof jwt.TokenExpiredError) return 'the bearer token has expired; get a new one';
  if (error instanceof jwt.NotBeforeError) return 'the bearer token is not valid yet (its nbf is in the future)';
  const reason = error instanceof jwt.JsonWebTokenError ? error.message : '';
  if (reason === 'jwt malformed' || reason === 'invalid token') return MALFORMED;
  if (reason === 'invalid signature') return "the bearer token's signature does not match this gateway's signing key";
  if (reason === 'jwt signature is required') return 'the bearer token is not signed';
  if (reason === 'invalid algorithm') return `the bearer token is not signed with ${algorithm}, the only algorithm this gateway accepts`;
  if (reason.startsWith('jwt audience invalid')) return `the bearer token is not meant for this gateway (its audience is not ${TOKEN_AUDIENCE})`;
  if (reason.startsWith('jwt issuer invalid')) return `the bearer token was not issued by ${TOKEN_ISSUER} (its issuer)`;
  if (reason === 'invalid exp value' || reason === 'invalid nbf value') return 'the bearer token carries an exp or nbf claim that is not a number';
  return 'the bearer token is not valid';
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
  let decoded: jwt.Jwt | null;
  try {
    decoded = jwt.decode(token, { complete: true });
  } catch {
    decoded = null;
  }
  if (!decoded) throw new InvalidTokenError(MALFORMED);
  const kid: unknown = decoded.header.kid;
  const found = typeof kid === 'string' ? key.keys.get(kid) : undefined;
  if (found) return found;
  if (kid === undefined && key.defaultKey) return key.defaultKey;
  throw new InvalidTokenError(kid === undefined ? 'the bearer token names no signing key (kid), and this gateway has several' : 'the bearer token names a signing key (kid) this gateway does not know');
}

/**
 * Reads `Authorization: Bearer <token>` (the scheme case-insensitively, RFC 7235). Returns
 * undefined when the header is absent, the token otherwise (verifyStaffToken judges its form);
 * throws InvalidTokenError when the header uses another scheme or carries no token.
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer +(\S+)$/i.exec(value.trim());
  if (!match) throw new InvalidTokenError('the Authorization header must be the word Bearer, a space and the token (Authorization: Bearer <token>)');
  return match[1];
}
