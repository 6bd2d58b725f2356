import { Logger } from '@nestjs/common';
import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { forbidden } from '../graphql/errors/access-errors';
import { evaluatePolicy } from './access-policy';
import { PERSONAL_DATA_EXTENSION, PersonalDataPolicies, type PersonalDataPolicyKey } from './personal-data-policies';
import type { GraphQLRequestContext } from './request-actor';

const logger = new Logger('PersonalDataPolicy');

/**
 * Global field middleware (buildSchemaOptions.fieldMiddleware): for a field marked `@PersonalData`,
 * evaluates its policy against the authenticated actor and the parent object before the value leaves
 * the gateway; a refusal is a FORBIDDEN error on that field (its value null), never the value. An
 * unknown policy key or a missing actor is refused too (fails closed). Other fields pass untouched.
 */
export const personalDataMiddleware: FieldMiddleware = async (ctx: MiddlewareContext, next: NextFn) => {
  const key = ctx.info.parentType.getFields()[ctx.info.fieldName]?.extensions?.[PERSONAL_DATA_EXTENSION] as PersonalDataPolicyKey | undefined;
  if (key === undefined) return next();
  const policy = PersonalDataPolicies[key];
  const actor = (ctx.context as GraphQLRequestContext).req?.actor;
  if (!policy || !actor) throw forbidden('personal data needs an authenticated staff member');
  const decision = evaluatePolicy(policy, actor, { ...(ctx.source as Record<string, unknown>) });
  if (!decision.allowed) {
    logger.warn({ policy: policy.name, field: `${ctx.info.parentType.name}.${ctx.info.fieldName}`, userId: actor.userId, role: actor.role }, 'refused personal data field');
    throw forbidden(decision.reason);
  }
  return next();
};
