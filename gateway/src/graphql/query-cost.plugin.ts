import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Cost of a list field: its items' cost times the page size the client asked for (`first`), so
 * `members(first: 500) { … }` costs 500 times a member. Fields without `first` fall through to the
 * simple estimator (1 + children).
 */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = args['first'];
  return typeof first === 'number' && Number.isSafeInteger(first) && first > 0 ? 1 + childComplexity * first : undefined;
};

/**
 * Refuses an operation whose estimated cost exceeds `maximumCost` before it runs (DESIGN §7 "depth
 * and cost limits"): one request of many aliased `members(first: 500)` would otherwise read and
 * decrypt the whole directory many times over and stall the process. The estimate uses the
 * request's variables, which is why this is an Apollo plugin and not a validation rule
 * (graphql-query-complexity's documented Apollo Server integration). Refused with HTTP 400 and
 * code QUERY_TOO_COSTLY, like the depth and alias limits (validation errors, 400 by Apollo).
 */
export function queryCostPlugin(maximumCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not coerce: execution refuses them before any resolver runs (400,
            // BAD_USER_INPUT or the scalar's own code), so there is no cost to limit. Thrown from
            // here the same error would reach the client as a 500.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > maximumCost) {
            // A client error: Apollo Server answers an error thrown from didResolveOperation with 500
            // unless the error names its status (extensions.http, which Apollo removes before formatting).
            throw new GraphQLError(`the operation's estimated cost is ${cost}; at most ${maximumCost} is allowed (ask for smaller pages or fewer aliases)`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maximumCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
