/** @samabay/staff-auth — staff bearer tokens (DESIGN §7): claims, verification keys (HS256, RS256/ES256, JWKS), verification and development issuance. */
export { TOKEN_ISSUER, TOKEN_AUDIENCE, STAFF_ROLES, staffClaimsSchema, InvalidTokenError } from './token-claims';
export { loadVerificationKey, VerificationKeyError, type TokenAlgorithm, type TokenVerificationKey, type VerificationKeySettings } from './verification-key';
export { verifyStaffToken, bearerToken, DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, TOKEN_CLOCK_SKEW_SECONDS, type TokenLifetimeLimits } from './verify-staff-token';
export { issueStaffToken, type StaffTokenOptions } from './issue-staff-token';
