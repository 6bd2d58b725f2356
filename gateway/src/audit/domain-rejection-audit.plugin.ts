import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@samabay/domain-kit';
import type { Logger } from 'pino';
import type { GraphQLRequestContext } from '../auth/request-actor';
import type { RefusalLog } from '@samabay/audit-trail';

/** Codes the guard (or authentication) raised: the guard records its own refusals; unauthenticated callers have no actor. */
const NOT_DOMAIN = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Records every mutation the domain rejected (a DomainError reached the client) in the refusal log
 * (issue 6 item 7): operation = the mutation field, the actor the guard authenticated, the error's
 * stable code — never its message or the input. Written before the response is sent; a failed write
 * is logged (no personal data) and does not change the response.
 */
export function domainRejectionAuditPlugin(refusals: RefusalLog, logger: Logger): ApolloServerPlugin<GraphQLRequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ operation, errors, contextValue }) {
          const actor = contextValue.req?.actor;
          if (operation?.operation !== 'mutation' || !actor) return;
          for (const error of errors) {
            const original = error.originalError;
            if (!(original instanceof DomainError) || NOT_DOMAIN.has(original.code)) continue;
            const field = error.path?.[0];
            await refusals
              .record({ operation: typeof field === 'string' ? field : 'unknown', actor, refusedBy: 'DOMAIN', code: original.code, correlationId: typeof contextValue.req.id === 'string' ? contextValue.req.id : null })
              .catch((failure: unknown) => logger.error({ errorName: failure instanceof Error ? failure.name : typeof failure, component: 'audit-trail' }, 'a domain rejection was not recorded in the audit trail'));
          }
        },
      };
    },
  };
}
