import type { Actor } from '@samabay/domain-kit';

/** The HTTP request as the gateway sees it: headers, and the actor once the guard authenticated it. */
export interface GatewayRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  id?: unknown;
}

/** The GraphQL context built per request. */
export interface GraphQLRequestContext {
  req: GatewayRequest;
}
