import type { INestApplication } from '@nestjs/common';
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, todayInKolkata, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import {
  defaultLoanProducts,
  DEFAULT_LENDING_READ_MODEL_SCHEMA,
  LENDING_COMMAND_NAMES,
  LENDING_DAY_END_COMMAND,
  loanProductsOn,
  SqlLendingReader,
  type Lending,
  type LendingCommands,
  type LoanDayEndOutcome,
} from '@samabay/lending';
import { ApprovalQueue, PendingItemsProjection, PendingItemsReader } from '@samabay/maker-checker';
import { DEFAULT_READ_MODEL_SCHEMA, MEMBERSHIP_COMMAND_NAMES, SqlMemberDirectoryReader, type Membership, type MembershipCommands } from '@samabay/membership';
import { KafkaFeedProgress, ProjectionRunner } from '@samabay/projections';
import { CommandAuditProjection } from '@samabay/audit-trail';
import { FEED_SERVICES, feedSchema, SERVICE_FEED_CATEGORIES } from '@samabay/relay';
import {
  DEFAULT_SAVINGS_READ_MODEL_SCHEMA,
  defaultWithdrawalApproval,
  SAVINGS_COMMAND_NAMES,
  SqlSavingsReader,
  withdrawalApprovalNeeded,
  type RemoteSavingsCommands,
  type Savings,
} from '@samabay/savings';
import { CommandClient, commandMetrics, meteredEventStore, type RpcService } from '@samabay/service-rpc';
import { createStaff, type Staff } from '@samabay/staff';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConfigError, type PlatformConfig } from './config';
import { registerLargeWithdrawal } from './approvals/large-withdrawal';
import { lendingApprovalItems } from './approvals/lending-approval-items';
import type { Approvals, GatewayServices } from './gateway-services';
import { createLogger } from './observability/logger';
import { createGatewayApp, ensureBootstrapAdmin, ensureDefaultBranches, listenGateway } from './platform';
import { allFollowers } from './read-model-followers';

/** Base schema of the projector's feed bookkeeping (the projector's SAMABAY_PROJECTION_SCHEMA default). */
const PROJECTION_SCHEMA = 'projections';

/** Checkpoint schema of the gateway's own projection runner (staff directory, pending items); apart from the projector's. */
const GATEWAY_PROJECTION_SCHEMA = 'gateway_projections';

/** The gateway of the single-server topology: the same Nest application, with services that are clients of their processes. */
export interface ServerGateway {
  readonly config: PlatformConfig;
  readonly app: INestApplication;
  readonly db: SqlDatabase;
  /** The store's head for tests and tools; the gateway appends only staff and approval-queue events (through its CommandHandler). */
  readonly store: EventStore;
  readonly membership: Membership;
  readonly savings: Savings;
  readonly lending: Lending;
  /** The staff registry, hosted by the gateway: its directory is read on every authenticated request. */
  readonly staff: Staff;
  /** The maker–checker queue, hosted by the gateway; large withdrawals run through the savings client. */
  readonly approvals: Approvals;
  /** Read-your-writes: the projector's per-stream checkpoints of all three feeds and the gateway's own runner. */
  readonly runner: GatewayServices['runner'];
  /** The gateway's projection runner (staff directory, pending items) off the store's subscription. */
  readonly localProjections: ProjectionRunner;
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
 * the read models the projector writes in PostgreSQL. Configuration-only answers (loan products on
 * a date, whether a withdrawal needs approval) are computed here from the same product configuration
 * files the services load. The gateway hosts the staff registry and the maker–checker queue itself:
 * their commands go through a CommandHandler of its own into the same event store, and their read
 * models (staff directory, pending items, the audit trail's accepted commands) are applied by a ProjectionRunner in this process off
 * the store's subscription; an approved large withdrawal is sent to the savings service.
 * `runner` answers `consistentWith` from the projector's checkpoints (see KafkaFeedProgress) and
 * the local runner, so a mutation's position is read-your-writes here too. The gateway holds no
 * master key: personal data is sealed by the membership service and opened by the projector.
 * Makes sure the default branches are open (a membership command) and registers the bootstrap
 * administrator when configured.
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
    const clock = (): Date => new Date();
    const handler = new CommandHandler({
      store: meteredEventStore(store, registry),
      idempotency: await createSqlIdempotencyStore({ db }),
      clock,
      onOutcome: commandMetrics(registry),
    });
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
    const withdrawalApproval = defaultWithdrawalApproval();
    const savings: Savings = {
      commands: {
        ...clients.savings.commandsOf<RemoteSavingsCommands>(SAVINGS_COMMAND_NAMES),
        withdrawalNeedsApproval: (amountPaise: number, businessDate: string) => withdrawalApprovalNeeded(withdrawalApproval, businessDate, amountPaise),
      },
      reader: new SqlSavingsReader(db, DEFAULT_SAVINGS_READ_MODEL_SCHEMA),
      projections: [],
    };
    const loanProducts = defaultLoanProducts();
    const lending: Lending = {
      commands: clients.lending.commandsOf<LendingCommands>(LENDING_COMMAND_NAMES),
      runDayEnd: (input: { readonly branchCode: string }, context: CommandContext) => clients.lending.send(LENDING_DAY_END_COMMAND, [input, context]) as Promise<LoanDayEndOutcome>,
      reader: new SqlLendingReader(db, DEFAULT_LENDING_READ_MODEL_SCHEMA),
      projections: [],
      productsOn: (date) => loanProductsOn(loanProducts, date),
    };
    const approvals: Approvals = { queue: new ApprovalQueue(handler), reader: new PendingItemsReader(db) };
    const staff = createStaff({ handler, db, approvals: approvals.queue });
    registerLargeWithdrawal(approvals.queue, savings);
    const localProjections = new ProjectionRunner({
      db,
      store,
      schema: GATEWAY_PROJECTION_SCHEMA,
      projections: [...staff.projections, new PendingItemsProjection(undefined, [lendingApprovalItems]), new CommandAuditProjection()],
      registry,
      logger: logger.child({ component: 'projection-runner' }),
    });
    await localProjections.start();
    closers.push(() => localProjections.stop());
    const feeds = new KafkaFeedProgress({
      db,
      feeds: FEED_SERVICES.map((service) => ({ schema: feedSchema(PROJECTION_SCHEMA, service), categories: SERVICE_FEED_CATEGORIES[service] })),
    });
    closers.push(async () => feeds.stop());
    const runner = allFollowers([localProjections, feeds]);
    await ensureDefaultBranches(membership, todayInKolkata(clock));
    if (config.bootstrapAdmin) await ensureBootstrapAdmin(staff, config.bootstrapAdmin, todayInKolkata(clock));

    const serviceProbes = Object.fromEntries(Object.entries(clients).map(([name, client]) => [name, () => client.ping()]));
    const services: GatewayServices = { config, db, membership, savings, lending, staff, approvals, runner, registry, logger, serviceProbes };
    const app = await createGatewayApp(services);
    closers.push(() => app.close());
    let stopped: Promise<void> | undefined;
    return { config, app, db, store, membership, savings, lending, staff, approvals, runner, localProjections, registry, logger, stop: () => (stopped ??= closeAll()) };
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
