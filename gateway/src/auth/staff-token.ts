import type { Actor, StaffRole } from '@samabay/domain-kit';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

/** Token issuer and audience (the GraphQL contract of the brief). */
export const TOKEN_ISSUER = 'samabay';
export const TOKEN_AUDIENCE = 'samabay-gateway';

const STAFF_ROLES = ['teller', 'branch_manager', 'head_office', 'auditor', 'partner', 'admin'] as const satisfies readonly StaffRole[];

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  branch: z.string().regex(/^[A-Z]{3}$/),
  exp: z.number().int(),
});

/** Why a bearer token was refused. Messages are safe to return to the client (no token contents). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Verifies a staff bearer token: HS256 only, issuer 'samabay', audience 'samabay-gateway', an
 * `exp` claim that has not passed, and claims { sub, role (a StaffRole), branch (3 capital
 * letters) }. Returns the acting staff member. Throws InvalidTokenError.
 */
export function verifyStaffToken(token: string, secret: string, now: () => Date = () => new Date()): Actor {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clockTimestamp: Math.floor(now().getTime() / 1000),
    });
  } catch (error) {
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'the bearer token has expired' : 'the bearer token is not valid');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('the bearer token lacks valid sub, role, branch or exp claims');
  return { userId: claims.data.sub, role: claims.data.role, branchCode: claims.data.branch };
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
