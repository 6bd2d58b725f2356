import { GraphQLError } from 'graphql';

/** A GraphQL error for a missing, malformed or expired bearer token: extensions.code UNAUTHENTICATED. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** A GraphQL error for an authenticated caller the access policy refuses: extensions.code FORBIDDEN. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
