import type { StaffRole } from '@samabay/domain-kit';
import jwt from 'jsonwebtoken';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth/staff-token';

/** Who a development or test token speaks for, and for how long. */
export interface DevTokenOptions {
  /** HS256 secret: the platform's SAMABAY_JWT_SECRET (or the generated development secret). */
  readonly secret: string;
  /** Staff user id. Default 'dev-head-office'. */
  readonly userId?: string;
  /** Default 'head_office'. */
  readonly role?: StaffRole;
  /** Branch of the user. Default 'SNG' (head office, Sonagachi). */
  readonly branch?: string;
  /** Lifetime in seconds; may be negative to mint an expired token in tests. Default 12 hours. */
  readonly expiresInSeconds?: number;
}

/**
 * Issues a staff JWT (HS256, iss 'samabay', aud 'samabay-gateway', claims sub/role/branch/exp)
 * for development (`npm start` prints one) and for tests. Never used by the production path.
 */
export function issueDevToken(options: DevTokenOptions): string {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return jwt.sign(
    {
      sub: options.userId ?? 'dev-head-office',
      role: options.role ?? 'head_office',
      branch: options.branch ?? 'SNG',
      iat: nowSeconds,
      exp: nowSeconds + (options.expiresInSeconds ?? 12 * 60 * 60),
    },
    options.secret,
    { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
  );
}
