import type { ApolloServerPlugin } from '@apollo/server';
import type { RefusalLog } from '@samabay/audit-trail';
import type { Logger } from 'pino';
import type { GraphQLRequestContext } from '../auth/request-actor';
import { domainRefusalOf, recordDomainRefusals } from './record-domain-refusals';

/** Codes the guard (or authentication) raised: the guard records its own refusals; unauthenticated callers have no actor. */
const NOT_DOMAIN = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Records every mutation the domain rejected (a DomainError reached the client) in the refusal log
 * (issue 6 item 7): operation = the mutation field, the actor the guard authenticated, the error's
 * stable code and the input field it named — never its message or the input. Written before the
 * response is sent; a failed write is logged (no personal data) and does not change the response.
 * Errors without a path (parse, validation, bad variables: refused before execution, no command ran)
 * are not recorded. Refusals a batch mutation answers as data are recorded by its resolver
 * (recordDomainRefusals).
 */
export function domainRejectionAuditPlugin(refusals: RefusalLog, logger: Logger): ApolloServerPlugin<GraphQLRequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ operation, errors, contextValue }) {
          const actor = contextValue.req?.actor;
          if (operation?.operation !== 'mutation' || !actor) return;
          for (const error of errors) {
            // No path: the request was refused before execution (parse, validation, a variable a scalar refused) — no command ran.
            const field = error.path?.[0];
            const refusal = domainRefusalOf(error.originalError);
            if (typeof field !== 'string' || !refusal || NOT_DOMAIN.has(refusal.code)) continue;
            await recordDomainRefusals(refusals, logger, { operation: field, actor, requestId: contextValue.req.id }, [refusal]);
          }
        },
      };
    },
  };
}
