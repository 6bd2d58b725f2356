/** Staff bearer tokens live in @samabay/staff-auth (shared with the token CLI); re-exported for the gateway's modules. */
export { TOKEN_ISSUER, TOKEN_AUDIENCE, InvalidTokenError, verifyStaffToken, bearerToken } from '@samabay/staff-auth';
