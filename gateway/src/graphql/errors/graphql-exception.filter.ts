import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands exceptions of GraphQL resolvers and guards back to GraphQL untouched, so that Nest's default
 * handler does not log every rejected command (with its message) as a server error: the one place
 * that shapes and logs GraphQL errors is formatGraphQLError. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
