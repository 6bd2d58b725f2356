import type { StaffRole } from '@samabay/domain-kit';
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims';

/** Who a development or test token speaks for, how it is signed, and for how long. */
export interface StaffTokenOptions {
  /** HS256 secret (SAMABAY_JWT_SECRET or the generated development secret). Ignored when `privateKey` is given. */
  readonly secret?: string;
  /** RS256/ES256 signing: the private key, its algorithm and optional `kid`. */
  readonly privateKey?: { readonly key: KeyObject | string; readonly algorithm: 'RS256' | 'ES256'; readonly kid?: string };
  /** Staff user id. Default 'dev-head-office'. */
  readonly userId?: string;
  /** Default 'head_office'. */
  readonly role?: StaffRole;
  /** Branch of the user. Default 'SNG' (head office, Sonagachi). */
  readonly branch?: string;
  /** Lifetime in seconds; may be negative to mint an expired token in tests. Default 12 hours. */
  readonly expiresInSeconds?: number;
  /** Clock for `iat`/`exp`. Default: the system clock. */
  readonly now?: () => Date;
}

/**
 * Issues a staff JWT (iss 'samabay', aud 'samabay-gateway', claims sub/role/branch/iat/exp) for
 * development (`npm start`, `npm run token`) and tests: HS256 with `secret`, or RS256/ES256 with
 * `privateKey`. Production tokens come from the co-operative's identity provider, not from here.
 * Throws Error when neither a secret nor a private key is given.
 */
export function issueStaffToken(options: StaffTokenOptions): string {
  const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const claims = {
    sub: options.userId ?? 'dev-head-office',
    role: options.role ?? 'head_office',
    branch: options.branch ?? 'SNG',
    iat: nowSeconds,
    exp: nowSeconds + (options.expiresInSeconds ?? 12 * 60 * 60),
  };
  if (options.privateKey) {
    const { key, algorithm, kid } = options.privateKey;
    return jwt.sign(claims, key, { algorithm, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, ...(kid ? { keyid: kid } : {}) });
  }
  if (!options.secret) throw new Error('a token needs a secret or a private key');
  return jwt.sign(claims, options.secret, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
}
