import type { StaffRole } from '@samabay/domain-kit';
import { issueStaffToken } from '@samabay/staff-auth';

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
  return issueStaffToken(options);
}
