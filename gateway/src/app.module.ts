import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AUDIT_TRAIL, gatewayAuditTrail } from './audit/audit-trail';
import { domainRejectionAuditPlugin } from './audit/domain-rejection-audit.plugin';
import { personalDataMiddleware } from './auth/personal-data.middleware';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import type { GatewayRequest } from './auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from './gateway-services';
import { aliasLimitRule } from './graphql/alias-limit.rule';
import { ApprovalsResolver } from './graphql/approvals/approvals.resolver';
import { AuditTrailResolver } from './graphql/audit/audit-trail.resolver';
import { batchLimitMiddleware } from './graphql/batch-limit.middleware';
import { depthLimitRule } from './graphql/depth-limit.rule';
import { StaffResolver } from './graphql/staff/staff.resolver';
import { queryCostPlugin } from './graphql/query-cost.plugin';
import { formatGraphQLError } from './graphql/errors/format-graphql-error';
import { GraphQLExceptionPassThroughFilter } from './graphql/errors/graphql-exception.filter';
import { ForgetMemberResolver } from './graphql/resolvers/forget-member.resolver';
import { ImportMembersResolver } from './graphql/resolvers/import-members.resolver';
import { LendingDecisionsResolver } from './graphql/resolvers/lending-decisions.resolver';
import { LendingMutationsResolver } from './graphql/resolvers/lending-mutations.resolver';
import { LendingQueriesResolver } from './graphql/resolvers/lending-queries.resolver';
import { MembershipMutationsResolver } from './graphql/resolvers/membership-mutations.resolver';
import { MembershipQueriesResolver } from './graphql/resolvers/membership-queries.resolver';
import { SAVINGS_RESOLVERS } from './graphql/savings/savings-resolvers';
import { HealthController } from './health/health.controller';
import { PlatformHealthIndicators } from './health/platform-health.indicators';
import { MetricsController } from './observability/metrics.controller';
import { httpLogSerializers } from './observability/logger';

/** Deepest GraphQL selection accepted (the schema itself is at most four levels deep). */
const MAX_QUERY_DEPTH = 8;
/** Largest estimated cost of one operation: a few full pages of 500 members, not the directory many times over. */
const MAX_QUERY_COST = 20_000;
/** Most aliased fields in one operation: enough for a dashboard, not for probing member numbers in bulk. */
const MAX_ALIASES = 20;
/** Most operations in one batched HTTP request. */
const MAX_BATCHED_OPERATIONS = 5;
/** Lifetime of an automatic persisted query in the server's bounded in-memory cache, in seconds. */
const PERSISTED_QUERY_TTL_SECONDS = 3_600;

/**
 * The gateway's Nest module, built around services composed outside Nest (platform.ts):
 * Apollo GraphQL (code-first, in-memory schema) at /graphql, /health, /metrics, pino request logs,
 * and the StaffAuthGuard as a global guard so every resolver and route passes the access policy;
 * personal-data fields pass their field policy (personalDataMiddleware). Hardening (DESIGN §7):
 * depth, alias and cost limits, at most MAX_BATCHED_OPERATIONS per batch, automatic persisted
 * queries, no introspection or GraphiQL in production, never a stack trace.
 */
@Module({})
export class AppModule implements NestModule {
  /** Limits batched operations before Apollo sees the request. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(batchLimitMiddleware(MAX_BATCHED_OPERATIONS)).forRoutes('graphql');
  }

  static register(services: GatewayServices): DynamicModule {
    const production = services.config.nodeEnv === 'production';
    const audit = gatewayAuditTrail(services.db);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: services.logger,
            genReqId: (req) => {
              const header = req.headers['x-request-id'];
              return typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
            },
            serializers: httpLogSerializers,
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          graphiql: !production,
          introspection: !production,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: true,
          persistedQueries: { ttl: PERSISTED_QUERY_TTL_SECONDS },
          buildSchemaOptions: { fieldMiddleware: [personalDataMiddleware] },
          context: ({ req }: { req: GatewayRequest }) => ({ req }),
          validationRules: [depthLimitRule(MAX_QUERY_DEPTH), aliasLimitRule(MAX_ALIASES)],
          plugins: [queryCostPlugin(MAX_QUERY_COST), domainRejectionAuditPlugin(audit.refusals, services.logger)],
          formatError: (formatted, error) =>
            formatGraphQLError(formatted, error, (details) => services.logger.error({ ...details, component: 'graphql' }, 'unexpected error in a GraphQL request')),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: GATEWAY_SERVICES, useValue: services },
        { provide: AUDIT_TRAIL, useValue: audit },
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionPassThroughFilter },
        PlatformHealthIndicators,
        MembershipQueriesResolver,
        MembershipMutationsResolver,
        ImportMembersResolver,
        ...SAVINGS_RESOLVERS,
        LendingQueriesResolver,
        LendingMutationsResolver,
        ForgetMemberResolver,
        StaffResolver,
        ApprovalsResolver,
        LendingDecisionsResolver,
        AuditTrailResolver,
      ],
    };
  }
}
