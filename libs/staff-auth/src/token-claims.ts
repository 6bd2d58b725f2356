import type { StaffRole } from '@samabay/domain-kit';
import { z } from 'zod';

/** Issuer (`iss`) of staff tokens. */
export const TOKEN_ISSUER = 'samabay';
/** Audience (`aud`) of staff tokens: the GraphQL gateway. */
export const TOKEN_AUDIENCE = 'samabay-gateway';

/** Every staff role (DESIGN §7 plus `admin`), for validation. */
export const STAFF_ROLES = ['teller', 'branch_manager', 'head_office', 'auditor', 'partner', 'admin'] as const satisfies readonly StaffRole[];

/**
 * The claims a staff token must carry besides iss/aud: user id, role, branch (3 capital letters),
 * expiry (seconds since epoch); `iat` (seconds since epoch) is optional but bounds the lifetime when present.
 */
export const staffClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  branch: z.string().regex(/^[A-Z]{3}$/),
  exp: z.number().int(),
  iat: z.number().int().optional(),
});

/** Why a bearer token was refused. Messages are safe to return to the client (no token contents). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}
