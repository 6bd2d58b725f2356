import { Logger, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { inMemoryConfig } from '../config';
import { issueDevToken } from '../dev-token';
import type { GatewayServices } from '../gateway-services';
import type { AccessPolicy } from './access-policy';
import { StaffAuthGuard } from './staff-auth.guard';

const config = inMemoryConfig();
const policy: AccessPolicy = { name: 'test', roles: ['head_office'] };

function guard(find: (userId: string) => Promise<unknown>): StaffAuthGuard {
  const reflector = { getAllAndOverride: () => policy } as unknown as Reflector;
  return new StaffAuthGuard(reflector, { config, staff: { directory: { find } } } as unknown as GatewayServices);
}

function httpContext(authorization: string | undefined): ExecutionContext {
  const request = { headers: authorization === undefined ? {} : { authorization } };
  return {
    getType: () => 'http',
    getHandler: () => function handler() {},
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

beforeAll(() => Logger.overrideLogger(false));

describe('StaffAuthGuard', () => {
  it.each([
    ['no header', undefined, /a bearer token is required/],
    ['another scheme', 'Basic c2VjOnB3', /the Authorization header must be the word Bearer/],
    ['a bearer token that is no JWT', 'Bearer garbage', /the bearer token is malformed/],
    ['an expired token', `Bearer ${issueDevToken({ secret: config.jwtSecret, expiresInSeconds: -10 })}`, /has expired/],
  ])('refuses %s with 401, saying what is wrong', async (_name, authorization, message) => {
    const attempt = guard(async () => undefined).canActivate(httpContext(authorization));
    await expect(attempt).rejects.toThrow(UnauthorizedException);
    await expect(guard(async () => undefined).canActivate(httpContext(authorization))).rejects.toThrow(message);
  });

  it('lets a failing staff directory surface as the error it is, not as an invalid token', async () => {
    const outage = Object.assign(new Error('connection refused'), { name: 'SqlConnectionError' });
    const attempt = guard(async () => Promise.reject(outage)).canActivate(httpContext(`Bearer ${issueDevToken({ secret: config.jwtSecret })}`));
    await expect(attempt).rejects.toBe(outage);
  });

  it('admits a valid token of an allowed role', async () => {
    await expect(guard(async () => undefined).canActivate(httpContext(`Bearer ${issueDevToken({ secret: config.jwtSecret })}`))).resolves.toBe(true);
  });
});
