import jwt from 'jsonwebtoken';
import { issueDevToken } from '../dev-token';
import { bearerToken, InvalidTokenError, verifyStaffToken } from './staff-token';

const secret = 'x'.repeat(40);

describe('verifyStaffToken', () => {
  it('returns the actor of a valid token', () => {
    const token = issueDevToken({ secret, userId: 'teller-7', role: 'teller', branch: 'KLG' });
    expect(verifyStaffToken(token, secret)).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG' });
  });

  it.each([
    ['an expired token', () => issueDevToken({ secret, expiresInSeconds: -60 }), /expired/],
    ['another secret', () => issueDevToken({ secret: 'y'.repeat(40) }), /not valid/],
    ['another audience', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'other', expiresIn: 60 }), /not valid/],
    ['another issuer', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'x', audience: 'samabay-gateway', expiresIn: 60 }), /not valid/],
    ['no exp', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'samabay-gateway' }), /claims/],
    ['an unknown role', () => jwt.sign({ sub: 'u', role: 'root', branch: 'SNG' }, secret, { issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /claims/],
    ['alg none', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, '', { algorithm: 'none', issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /not valid/],
    ['HS512', () => jwt.sign({ sub: 'u', role: 'head_office', branch: 'SNG' }, secret, { algorithm: 'HS512', issuer: 'samabay', audience: 'samabay-gateway', expiresIn: 60 }), /not valid/],
  ])('refuses %s', (_name, token, message) => {
    expect(() => verifyStaffToken(token(), secret)).toThrow(InvalidTokenError);
    expect(() => verifyStaffToken(token(), secret)).toThrow(message);
  });
});

describe('bearerToken', () => {
  it('reads a bearer token, tolerates no header, refuses other schemes', () => {
    expect(bearerToken('Bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(InvalidTokenError);
  });
});
