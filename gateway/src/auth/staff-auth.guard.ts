import { ForbiddenException, Inject, Injectable, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { forbidden, unauthenticated } from '../graphql/errors/access-errors';
import { ACCESS_POLICY, evaluatePolicy, type AccessPolicy } from './access-policy';
import type { GatewayRequest } from './request-actor';
import { bearerToken, InvalidTokenError, verifyStaffToken } from './staff-token';

/** Injection token of the HS256 secret the guard verifies tokens with. */
export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The one place where access is decided (DESIGN §7), registered as a global guard: reads the
 * resolver's `@Policy`, authenticates the bearer token (once per request; the actor is kept on the
 * request for the CommandContext) and evaluates the policy. No policy → refused (fails closed).
 * GraphQL callers get UNAUTHENTICATED / FORBIDDEN errors; HTTP routes get 401 / 403.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  private readonly logger = new Logger(StaffAuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly jwtSecret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isGraphQL = context.getType<GqlContextType>() === 'graphql';
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error({ handler: `${context.getClass().name}.${context.getHandler().name}` }, 'refused: handler declares no access policy');
      throw isGraphQL ? forbidden('this operation declares no access policy') : new ForbiddenException();
    }
    if (policy.public) return true;
    const request = isGraphQL
      ? GqlExecutionContext.create(context).getContext<{ req: GatewayRequest }>().req
      : context.switchToHttp().getRequest<GatewayRequest>();
    const args = isGraphQL ? GqlExecutionContext.create(context).getArgs<Record<string, unknown>>() : {};
    const actor = this.authenticate(request, isGraphQL);
    const decision = evaluatePolicy(policy, actor, args);
    if (!decision.allowed) {
      this.logger.warn({ policy: policy.name, userId: actor.userId, role: actor.role, branch: actor.branchCode }, 'refused by access policy');
      throw isGraphQL ? forbidden(decision.reason) : new ForbiddenException(decision.reason);
    }
    return true;
  }

  private authenticate(request: GatewayRequest, isGraphQL: boolean): Actor {
    if (request.actor) return request.actor;
    try {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new InvalidTokenError('a bearer token is required (Authorization: Bearer <token>)');
      request.actor = verifyStaffToken(token, this.jwtSecret);
      return request.actor;
    } catch (error) {
      const message = error instanceof InvalidTokenError ? error.message : 'the bearer token is not valid';
      throw isGraphQL ? unauthenticated(message) : new UnauthorizedException(message);
    }
  }
}
