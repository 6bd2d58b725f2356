import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import type { GatewayRequest } from './request-actor';

/**
 * Injects the authenticated staff member into a resolver argument. Only valid behind a non-public
 * policy (the StaffAuthGuard has set it); throws otherwise, which would be a wiring bug.
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = GqlExecutionContext.create(context).getContext<{ req: GatewayRequest }>().req;
  if (!request.actor) throw new Error('CurrentActor used on a resolver without an authenticated policy');
  return request.actor;
});
