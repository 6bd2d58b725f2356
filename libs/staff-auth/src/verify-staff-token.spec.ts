import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { issueStaffToken } from './issue-staff-token';
import { InvalidTokenError } from './token-claims';
import { loadVerificationKey, VerificationKeyError } from './verification-key';
import { bearerToken, verifyStaffToken } from './verify-staff-token';

const secret = 'x'.repeat(40);
const dir = mkdtempSync(path.join(tmpdir(), 'staff-auth-'));
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const otherEc = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
const pem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();
const jwk = (key: KeyObject, kid?: string) => ({ ...key.export({ format: 'jwk' }), ...(kid ? { kid } : {}) });

describe('verifyStaffToken with an HS256 secret', () => {
  it('returns the actor of a valid token', () => {
    const token = issueStaffToken({ secret, userId: 'teller-7', role: 'teller', branch: 'KLG' });
    expect(verifyStaffToken(token, secret)).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG' });
    expect(verifyStaffToken(token, loadVerificationKey({ algorithm: 'HS256', secret }))).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG' });
  });

  it.each([
    ['an expired token', () => issueStaffToken({ secret, expiresInSeconds: -60 }), /expired/],
    ['another secret', () => issueStaffToken({ secret: 'y'.repeat(40) }), /signature does not match this gateway's signing key/],
    ['another audience', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'other', expiresIn: 60 }), /not meant for this gateway \(its audience is not samabay-gateway\)/],
    ['another issuer', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'x', audience: 'samabay-gateway', expiresIn: 60 }), /not issued by samabay/],
    ['no exp', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'samabay-gateway' }), /claims/],
    ['an unknown role', () => jwt.sign({ sub: 'u', role: 'root', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /claims/],
    ['alg none', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, '', { algorithm: 'none', issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /is not signed$/],
    ['HS512', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { algorithm: 'HS512', issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /not signed with HS256, the only algorithm/],
    ['an RS256 token', () => issueStaffToken({ privateKey: { key: rsa.privateKey, algorithm: 'RS256' } }), /not signed with HS256/],
    ['garbage', () => 'garbage', /the bearer token is malformed: a staff token is a signed JWT/],
    ['three parts that are not JSON', () => 'aaa.bbb.ccc', /the bearer token is malformed/],
    ['a token cut short', () => issueStaffToken({ secret }).split('.').slice(0, 2).join('.'), /the bearer token is malformed/],
    ['a token with its signature removed', () => `${issueStaffToken({ secret }).split('.').slice(0, 2).join('.')}.`, /is not signed$/],
  ])('refuses %s, saying why without quoting the token', (_name, token, message) => {
    const bearer = token();
    expect(() => verifyStaffToken(bearer, secret)).toThrow(InvalidTokenError);
    expect(() => verifyStaffToken(bearer, secret)).toThrow(message);
    expect(() => verifyStaffToken(bearer, secret)).not.toThrow(/Authorization header/);
    const refusal = (() => {
      try {
        verifyStaffToken(bearer, secret);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const part of bearer.split('.').filter((piece) => piece.length > 3)) expect(refusal).not.toContain(part);
  });
});

describe('verifyStaffToken: bounded token lifetime', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const nowSeconds = now.getTime() / 1000;
  const sign = (claims: Record<string, number>) => jwt.sign({ sub: 'u', role: 'admin', branch: 'SNG', ...claims }, secret, { issuer: 'samabay', audience: 'samabay-gateway', noTimestamp: !('iat' in claims) });
  const clock = () => now;

  it('accepts a 12-hour token, and a shorter maximum refuses it', () => {
    const token = issueStaffToken({ secret, now: clock });
    expect(verifyStaffToken(token, secret, clock)).toMatchObject({ userId: 'dev-head-office' });
    expect(() => verifyStaffToken(token, secret, clock, { maxLifetimeSeconds: 3600 })).toThrow(/longer than the allowed 3600 seconds/);
    expect(verifyStaffToken(issueStaffToken({ secret, now: clock, expiresInSeconds: 3600 }), secret, clock, { maxLifetimeSeconds: 3600 })).toMatchObject({ role: 'head_office' });
  });

  it.each([
    ['a 10-year token', { iat: nowSeconds, exp: nowSeconds + 10 * 365 * 86400 }, /lives longer/],
    ['a 10-year token without iat', { exp: nowSeconds + 10 * 365 * 86400 }, /lives longer/],
    ['a long token backdated to look fresh', { iat: nowSeconds - 100 * 86400, exp: nowSeconds + 3600 }, /lives longer/],
    ['an iat in the future', { iat: nowSeconds + 3600, exp: nowSeconds + 7200 }, /issued in the future/],
  ])('refuses %s', (_name, claims, message) => {
    expect(() => verifyStaffToken(sign(claims), secret, clock)).toThrow(InvalidTokenError);
    expect(() => verifyStaffToken(sign(claims), secret, clock)).toThrow(message);
  });

  it('tolerates a small clock skew on iat', () => {
    expect(verifyStaffToken(sign({ iat: nowSeconds + 30, exp: nowSeconds + 3600 }), secret, clock)).toMatchObject({ userId: 'u' });
    expect(verifyStaffToken(sign({ exp: nowSeconds + 12 * 3600 + 30 }), secret, clock)).toMatchObject({ userId: 'u' });
  });
});

describe('verifyStaffToken with public keys', () => {
  it('verifies RS256 against a PEM public key and refuses HS256 tokens signed with that PEM as a secret', () => {
    const key = loadVerificationKey({ algorithm: 'RS256', publicKeyFile: writeFile('rsa.pem', pem(rsa.publicKey)) });
    const token = issueStaffToken({ privateKey: { key: rsa.privateKey, algorithm: 'RS256' }, userId: 'bm-1', role: 'branch_manager', branch: 'DHT' });
    expect(verifyStaffToken(token, key)).toEqual({ userId: 'bm-1', role: 'branch_manager', branchCode: 'DHT' });
    const confused = jwt.sign({ sub: 'u', role: 'admin', branch: 'SNG', exp: Math.floor(Date.now() / 1000) + 60 }, pem(rsa.publicKey), { algorithm: 'HS256', issuer: 'samabay', audience: 'samabay-gateway' });
    expect(() => verifyStaffToken(confused, key)).toThrow(/not signed with RS256/);
    expect(() => verifyStaffToken(issueStaffToken({ secret }), key)).toThrow(/not signed with RS256/);
  });

  it('verifies ES256 tokens against a JWKS by kid and refuses an unknown kid or a foreign key', () => {
    const key = loadVerificationKey({ algorithm: 'ES256', jwksFile: writeFile('jwks.json', JSON.stringify({ keys: [jwk(ec.publicKey, 'k1'), jwk(otherEc.publicKey, 'k2')] })) });
    const signedBy = (privateKey: KeyObject, kid?: string) => issueStaffToken({ privateKey: { key: privateKey, algorithm: 'ES256', kid }, role: 'auditor' });
    expect(verifyStaffToken(signedBy(ec.privateKey, 'k1'), key).role).toBe('auditor');
    expect(verifyStaffToken(signedBy(otherEc.privateKey, 'k2'), key).role).toBe('auditor');
    expect(() => verifyStaffToken(signedBy(ec.privateKey, 'k2'), key)).toThrow(/signature does not match/);
    expect(() => verifyStaffToken(signedBy(ec.privateKey, 'k9'), key)).toThrow(/names a signing key \(kid\) this gateway does not know/);
    expect(() => verifyStaffToken(signedBy(ec.privateKey), key)).toThrow(/names no signing key \(kid\), and this gateway has several/);
    expect(() => verifyStaffToken('garbage', key)).toThrow(/malformed/);
  });

  it.each([
    ['a short secret', { algorithm: 'HS256' as const, secret: 'short' }, /at least 32/],
    ['RS256 without a key', { algorithm: 'RS256' as const }, /exactly one/],
    ['a missing file', { algorithm: 'RS256' as const, publicKeyFile: path.join(dir, 'missing.pem') }, /cannot read/],
    ['garbage PEM', { algorithm: 'RS256' as const, publicKeyFile: writeFile('garbage.pem', 'not a key') }, /not a public key/],
    ['an EC key for RS256', { algorithm: 'RS256' as const, publicKeyFile: writeFile('ec.pem', pem(ec.publicKey)) }, /RSA/],
    ['a 1024-bit RSA key', { algorithm: 'RS256' as const, publicKeyFile: writeFile('small.pem', pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey)) }, /2048/],
    ['an RSA key for ES256', { algorithm: 'ES256' as const, publicKeyFile: writeFile('rsa2.pem', pem(rsa.publicKey)) }, /P-256/],
    ['a JWKS with a private key', { algorithm: 'ES256' as const, jwksFile: writeFile('private.json', JSON.stringify({ keys: [ec.privateKey.export({ format: 'jwk' })] })) }, /private/],
    ['a JWKS without kids', { algorithm: 'ES256' as const, jwksFile: writeFile('nokid.json', JSON.stringify({ keys: [jwk(ec.publicKey), jwk(otherEc.publicKey)] })) }, /kid/],
    ['an empty JWKS', { algorithm: 'ES256' as const, jwksFile: writeFile('empty.json', '{"keys":[]}') }, /at least one key/],
  ])('refuses at start-up %s', (_name, settings, message) => {
    expect(() => loadVerificationKey(settings)).toThrow(VerificationKeyError);
    expect(() => loadVerificationKey(settings)).toThrow(message);
  });
});

describe('bearerToken', () => {
  it('reads a bearer token, tolerates no header, refuses other schemes', () => {
    expect(bearerToken('Bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    expect(bearerToken('bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    expect(bearerToken(undefined)).toBeUndefined();
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'aaa.bbb.ccc', 'Bearer a b']) {
      expect(() => bearerToken(header)).toThrow(new InvalidTokenError('the Authorization header must be the word Bearer, a space and the token (Authorization: Bearer <token>)'));
    }
  });

  it('leaves the judgement of a token of the right header form to verifyStaffToken', () => {
    expect(bearerToken('Bearer garbage')).toBe('garbage');
  });
});
