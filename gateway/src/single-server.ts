import type { INestApplication } from '@nestjs/common';
import { todayInKolkata, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { DEFAULT_LENDING_READ_MODEL_SCHEMA, LENDING_COMMAND_NAMES, LENDING_DAY_END_COMMAND, SqlLendingReader, type Lending, type LendingCommands, type LoanDayEndOutcome } from '@samabay/lending';
import { DEFAULT_READ_MODEL_SCHEMA, MEMBERSHIP_COMMAND_NAMES, SqlMemberDirectoryReader, type Membership, type MembershipCommands } from '@samabay/membership';
import { KafkaFeedProgress } from '@samabay/projections';
import { FEED_SERVICES, feedSchema, SERVICE_FEED_CATEGORIES } from '@samabay/relay';
import { DEFAULT_SAVINGS_READ_MODEL_SCHEMA, SAVINGS_COMMAND_NAMES, SqlSavingsReader, type Savings, type SavingsCommands } from '@samabay/savings';
import { CommandClient, type RpcService } from '@samabay/service-rpc';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConfigError, type PlatformConfig } from './config';
import type { GatewayServices } from './gateway-services';
import { createLogger } from './observability/logger';
import { createGatewayApp, ensureDefaultBranches, listenGateway } from './platform';

/** Base schema of the projector's feed bookkeeping (the projector's SAMABAY_PROJECTION_SCHEMA default). */
const PROJECTION_SCHEMA = 'projections';

/** The gateway of the single-server topology: the same Nest application, with services that are clients of their processes. */
export interface ServerGateway {
  readonly config: PlatformConfig;
  readonly app: INestApplication;
  readonly db: SqlDatabase;
  /** Read-only use: the store's head for tests and tools; the services append, never the gateway. */
  readonly store: EventStore;
  readonly membership: Membership;
  readonly savings: Savings;
  readonly lending: Lending;
  /** Read-your-writes: waits on the projector's per-stream checkpoints of all three feeds. */
  readonly runner: KafkaFeedProgress;
  readonly registry: Registry;
  readonly logger: Logger;
  /** Stops the HTTP server, closes the service connections, then the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** A server gateway that listens: `url` is the GraphQL endpoint, `port` the bound TCP port. */
export interface RunningServerGateway extends ServerGateway {
  readonly url: string;
  readonly port: number;
}

/**
 * Composition root of the gateway in the single-server topology (DESIGN §2). The resolvers keep
 * calling the same Membership / Savings / Lending interfaces; here their `commands` are client
 * proxies that send each command to the owning service over `@nestjs/microservices` (TCP) and
 * rethrow its typed rejection (same DomainError code, field and message), and their readers read
 * the read models the projector writes in PostgreSQL. `runner` answers `consistentWith` from the
 * projector's checkpoints (see KafkaFeedProgress), so a mutation's position is read-your-writes
 * here too. The gateway holds no master key use: personal data is sealed by the membership service
 * and opened by the projector. Makes sure the default branches are open (a membership command).
 * Throws ConfigError when the config is not single-server; SERVICE_UNAVAILABLE when a service does
 * not answer; errors of the database. On failure everything opened so far is closed again.
 */
export async function createServerGateway(config: PlatformConfig): Promise<ServerGateway> {
  if (config.topology !== 'single-server' || config.database.kind !== 'postgres' || !config.rpc) {
    throw new ConfigError('the server gateway needs SAMABAY_TOPOLOGY=single-server with SAMABAY_DATABASE_URL');
  }
  const logger = createLogger(config.logLevel);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'error while stopping the gateway'));
    }
  };
  try {
    const db = await openPostgres({ connectionString: config.database.url });
    closers.push(() => db.close());
    const store = await createSqlEventStore({ db });
    closers.push(() => store.close());
    const clients = {} as Record<RpcService, CommandClient>;
    for (const service of ['membership', 'savings', 'lending'] as const) {
      const client = new CommandClient(config.rpc[service]);
      closers.push(() => client.close());
      clients[service] = client;
    }
    const membership: Membership = {
      commands: clients.membership.commandsOf<MembershipCommands>(MEMBERSHIP_COMMAND_NAMES),
      reader: new SqlMemberDirectoryReader(db, DEFAULT_READ_MODEL_SCHEMA),
      projections: [],
    };
    const savings: Savings = {
      commands: clients.savings.commandsOf<SavingsCommands>(SAVINGS_COMMAND_NAMES),
      reader: new SqlSavingsReader(db, DEFAULT_SAVINGS_READ_MODEL_SCHEMA),
      projections: [],
    };
    const lending: Lending = {
      commands: clients.lending.commandsOf<LendingCommands>(LENDING_COMMAND_NAMES),
      runDayEnd: (input: { readonly branchCode: string }, context: CommandContext) => clients.lending.send(LENDING_DAY_END_COMMAND, [input, context]) as Promise<LoanDayEndOutcome>,
      reader: new SqlLendingReader(db, DEFAULT_LENDING_READ_MODEL_SCHEMA),
      projections: [],
    };
    const runner = new KafkaFeedProgress({
      db,
      feeds: FEED_SERVICES.map((service) => ({ schema: feedSchema(PROJECTION_SCHEMA, service), categories: SERVICE_FEED_CATEGORIES[service] })),
    });
    closers.push(async () => runner.stop());
    await ensureDefaultBranches(membership, todayInKolkata(() => new Date()));

    const serviceProbes = Object.fromEntries(Object.entries(clients).map(([name, client]) => [name, () => client.ping()]));
    const services: GatewayServices = { config, db, membership, savings, lending, runner, registry, logger, serviceProbes };
    const app = await createGatewayApp(services);
    closers.push(() => app.close());
    let stopped: Promise<void> | undefined;
    return { config, app, db, store, membership, savings, lending, runner, registry, logger, stop: () => (stopped ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Creates the server gateway and listens on `config.host`:`config.port`; resolves once /graphql accepts requests. */
export async function startServerGateway(config: PlatformConfig): Promise<RunningServerGateway> {
  const gateway = await createServerGateway(config);
  try {
    return { ...gateway, ...(await listenGateway(gateway)) };
  } catch (error) {
    await gateway.stop();
    throw error;
  }
}
