import { ForbiddenException, Inject, Injectable, Logger, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { createSecretKey } from 'node:crypto';
import type { TokenVerificationKey } from '@samabay/staff-auth';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../audit/audit-trail';
import { GATEWAY_SERVICES, type GatewayServices } from '../gateway-services';
import { forbidden, unauthenticated } from '../graphql/errors/access-errors';
import { ACCESS_POLICY, evaluatePolicy, type AccessPolicy } from './access-policy';
import type { GatewayRequest } from './request-actor';
import { bearerToken, InvalidTokenError, verifyStaffToken } from './staff-token';

/**
 * The one place where access is decided (DESIGN §7), registered as a global guard: reads the
 * resolver's `@Policy`, authenticates the bearer token (once per request; the actor is kept on the
 * request for the CommandContext), checks the user against the staff registry's directory (a disabled
 * user, or a token whose role or branch is no longer the user's, is refused at once; an unknown user
 * only when `requireRegisteredStaff`) and evaluates the policy (a mutation is a write: read-only roles
 * such as auditors are refused whatever the policy lists). No policy → refused (fails closed).
 * GraphQL callers get UNAUTHENTICATED / FORBIDDEN errors; HTTP routes get 401 / 403. An
 * UNAUTHENTICATED message says what is wrong (no token, not the Bearer scheme, malformed, bad
 * signature, expired, unknown or disabled user …) without quoting the token.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  private readonly logger = new Logger(StaffAuthGuard.name);
  private readonly verificationKey: TokenVerificationKey;

  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
    @Optional() @Inject(AUDIT_TRAIL) private readonly audit?: GatewayAuditTrail,
  ) {
    const { config } = services;
    this.verificationKey = config.jwtVerification ?? { algorithm: 'HS256', secret: config.jwtSecret, key: createSecretKey(Buffer.from(config.jwtSecret)) };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
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
    const actor = await this.authenticate(request, isGraphQL);
    const writes = isGraphQL && GqlExecutionContext.create(context).getInfo<{ parentType?: { name?: string } }>().parentType?.name === 'Mutation';
    const decision = evaluatePolicy(policy, actor, args, writes);
    if (!decision.allowed) {
      this.logger.warn({ policy: policy.name, userId: actor.userId, role: actor.role, branch: actor.branchCode }, 'refused by access policy');
      await this.recordRefusal(isGraphQL ? GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName : policy.name, policy, actor, args, request);
      throw isGraphQL ? forbidden(decision.reason) : new ForbiddenException(decision.reason);
    }
    return true;
  }

  /**
   * Appends the refusal to the audit trail before it is returned (issue 6 item 7): operation, actor,
   * role, branch, the branch the call touched, FORBIDDEN — never an argument value. A failed write
   * is logged and the call is refused all the same.
   */
  private async recordRefusal(operation: string, policy: AccessPolicy, actor: Actor, args: Record<string, unknown>, request: GatewayRequest): Promise<void> {
    if (!this.audit) return;
    const touched = policy.branches?.(args) ?? [];
    const target = touched.find((branch) => branch !== actor.branchCode) ?? touched[0];
    await this.audit.refusals
      .record({ operation, actor, refusedBy: 'ACCESS_POLICY', code: 'FORBIDDEN', targetBranchCode: target ?? null, correlationId: typeof request.id === 'string' ? request.id : null })
      .catch((error: unknown) => this.logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'a refusal was not recorded in the audit trail'));
  }

  private async authenticate(request: GatewayRequest, isGraphQL: boolean): Promise<Actor> {
    if (request.actor) return request.actor;
    try {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new InvalidTokenError('a bearer token is required (Authorization: Bearer <token>)');
      const actor = verifyStaffToken(token, this.verificationKey, undefined, { maxLifetimeSeconds: this.services.config.jwtMaxTtlSeconds });
      await this.requireCurrentStaff(actor);
      request.actor = actor;
      return actor;
    } catch (error) {
      // Only a refused token is the caller's fault; a failing staff directory is ours (INTERNAL, logged), not "an invalid token".
      if (!(error instanceof InvalidTokenError)) throw error;
      throw isGraphQL ? unauthenticated(error.message) : new UnauthorizedException(error.message);
    }
  }

  /** Refuses a token the staff registry contradicts: disabled user, changed role or branch, or (when required) an unknown user. */
  private async requireCurrentStaff(actor: Actor): Promise<void> {
    const standing = await this.services.staff.directory.find(actor.userId);
    if (!standing) {
      if (this.services.config.requireRegisteredStaff) throw new InvalidTokenError('the user is not in the staff registry');
      return;
    }
    if (!standing.active) {
      this.logger.warn({ userId: actor.userId }, 'refused: the staff user is disabled');
      throw new InvalidTokenError('the user is disabled');
    }
    if (standing.role !== actor.role || standing.branchCode !== actor.branchCode) {
      throw new InvalidTokenError("the token's role or branch is no longer the user's; sign in again");
    }
  }
}
