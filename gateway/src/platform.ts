import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createSqlIdempotencyStore, createSqlSnapshotStore } from '@samabay/command-stores';
import { CommandHandler, todayInKolkata, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { createLending, defaultLoanProducts, LoanDisbursementProcess, type Lending } from '@samabay/lending';
import { createMembership, defaultMembershipProducts, DEFAULT_BRANCHES, type Membership } from '@samabay/membership';
import { createSqlPersonalDataVault } from '@samabay/personal-data';
import { ApprovalQueue, PendingItemsProjection, PendingItemsReader } from '@samabay/maker-checker';
import { CommandAuditProjection } from '@samabay/audit-trail';
import { ProcessManagerRunner, ProjectionRunner } from '@samabay/projections';
import { createSavings, defaultSavingsProducts, defaultWithdrawalApproval, type Savings } from '@samabay/savings';
import { createStaff, type Staff } from '@samabay/staff';
import { openPglite, openPostgres, type SqlDatabase } from '@samabay/sql';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AppModule } from './app.module';
import type { DatabaseConfig, PlatformConfig } from './config';
import { registerLargeWithdrawal } from './approvals/large-withdrawal';
import { lendingApprovalItems } from './approvals/lending-approval-items';
import type { Approvals, GatewayServices } from './gateway-services';
import { requestBodyErrors } from './graphql/errors/request-body-errors.middleware';
import { commandMetrics } from './observability/command-metrics';
import { createLogger } from './observability/logger';
import { meteredEventStore } from './observability/metered-event-store';
import { readModelsCaughtUp } from './read-models-caught-up';

/**
 * How long the projection runner waits for more events before applying a small batch. Under a
 * stream of commands (a register import) it turns thousands of one-event transactions into a few
 * dozen; on PGlite on disk that made an import about 30 % faster. It adds at most this much to a
 * read-your-own-write.
 */
const PROJECTION_LINGER_MS = 5;

/** Largest JSON request body, in bytes (5 MB): an importMembers call of 500 register rows fits with room to spare. */
const MAX_REQUEST_BODY_BYTES = 5 * 1024 * 1024;

/** The single-node platform: every service, the projections and the gateway in one process (DESIGN §2). */
export interface Platform {
  readonly config: PlatformConfig;
  readonly app: INestApplication;
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly membership: Membership;
  readonly savings: Savings;
  readonly lending: Lending;
  readonly staff: Staff;
  readonly approvals: Approvals;
  readonly runner: ProjectionRunner;
  /** Process managers (the loan disbursement into savings) following the store's subscription. */
  readonly processes: ProcessManagerRunner;
  readonly registry: Registry;
  readonly logger: Logger;
  /** Stops the HTTP server, the projection runner and the store, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** A platform that listens: `url` is the GraphQL endpoint, `port` the bound TCP port. */
export interface RunningPlatform extends Platform {
  readonly url: string;
  readonly port: number;
}

/** The system actor that opens the default branches at start-up. */
const SYSTEM_ACTOR = { userId: 'system', role: 'admin', branchCode: 'SNG' } as const;

/**
 * Composition root of the single-node topology. Opens the database — PGlite (a directory, or memory)
 * or PostgreSQL when `config.database` says so; the one code path differs only in the adapter —
 * then the event store, idempotency store, personal-data vault, command handler, membership service
 * and projection runner; makes sure the default branches SNG/KLG/DHT are open; and builds the Nest
 * application (not yet listening). On failure everything opened so far is closed again.
 * Throws ConfigError-free errors of the pieces (SqlConnectionError, …).
 */
export async function createPlatform(config: PlatformConfig): Promise<Platform> {
  const logger = createLogger(config.logLevel, config.logDestination);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'error while stopping the platform'));
    }
  };
  try {
    const db = await openDatabase(config.database);
    closers.push(() => db.close());
    const store = await createSqlEventStore({ db });
    closers.push(() => store.close());
    const clock = (): Date => new Date();
    const handler = new CommandHandler({
      store: meteredEventStore(store, registry),
      idempotency: await createSqlIdempotencyStore({ db }),
      clock,
      onOutcome: commandMetrics(registry),
      // Long-lived accounts load from a snapshot plus the events after it (DESIGN §4); a failed save only costs a longer replay.
      snapshots: {
        store: await createSqlSnapshotStore({ db }),
        onSaveError: (error) => logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'aggregate snapshot not saved'),
      },
    });
    const vault = await createSqlPersonalDataVault({ db, masterKey: config.masterKey });
    // Services that decide on their own projections (eligibility, day-end, exit) first wait for the runner to reach the store's head.
    let runnerRef: ProjectionRunner | undefined;
    const caughtUp = readModelsCaughtUp(store, () => runnerRef as ProjectionRunner, config.consistencyTimeoutMs);
    const membership = createMembership({ handler, vault, db, products: defaultMembershipProducts(), readModelsCaughtUp: caughtUp });
    const savings = createSavings({ handler, db, products: defaultSavingsProducts(), clock, readModelsCaughtUp: caughtUp, withdrawalApproval: defaultWithdrawalApproval() });
    const lending = createLending({ handler, db, products: defaultLoanProducts(), clock, readModelsCaughtUp: caughtUp });
    const approvals: Approvals = { queue: new ApprovalQueue(handler), reader: new PendingItemsReader(db) };
    const staff = createStaff({ handler, db, approvals: approvals.queue, readModelsCaughtUp: caughtUp });
    registerLargeWithdrawal(approvals.queue, savings);
    const projections = [...membership.projections, ...savings.projections, ...lending.projections, ...staff.projections, new PendingItemsProjection(undefined, [lendingApprovalItems]), new CommandAuditProjection()];
    const runner = new ProjectionRunner({ db, store, projections, registry, lingerMs: PROJECTION_LINGER_MS, logger: logger.child({ component: 'projection-runner' }) });
    runnerRef = runner;
    await runner.start();
    closers.push(() => runner.stop());
    // Cross-service processes run off the store's subscription in single-node mode, like the projections.
    const disbursement = new LoanDisbursementProcess(lending.commands, { creditLoanDisbursement: (request, context) => savings.commands.creditLoanDisbursement(request, context) });
    const processes = new ProcessManagerRunner({ db, store, managers: [disbursement], logger: logger.child({ component: 'process-managers' }) });
    await processes.start();
    closers.push(() => processes.stop());
    await ensureDefaultBranches(membership, todayInKolkata(clock));
    if (config.bootstrapAdmin) await ensureBootstrapAdmin(staff, config.bootstrapAdmin, todayInKolkata(clock));

    const services: GatewayServices = { config, db, membership, savings, lending, staff, approvals, runner, registry, logger };
    const app = await createGatewayApp(services);
    closers.push(() => app.close());
    let stopped: Promise<void> | undefined;
    return { config, app, db, store, membership, savings, lending, staff, approvals, runner, processes, registry, logger, stop: () => (stopped ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Creates the platform and listens on `config.host`:`config.port` (0 = a free port, for tests).
 * Resolves once the GraphQL endpoint accepts requests.
 */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  const platform = await createPlatform(config);
  try {
    return { ...platform, ...(await listenGateway(platform)) };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/**
 * The gateway's Nest application (GraphQL, /health, /metrics) around composed services — the one
 * composition every topology shares; only the services behind it differ. Not yet listening.
 */
export async function createGatewayApp(services: GatewayServices): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(services), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoNestLogger));
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY_BYTES });
  // Right after the parser: the one place its errors (bad JSON, too large, bad encoding, aborted …) are answered and logged.
  app.use(requestBodyErrors({ maxBytes: MAX_REQUEST_BODY_BYTES, logger: services.logger }));
  return app;
}

/** Listens on `config.host`:`config.port` (0 = a free port); resolves with the GraphQL URL and the bound port. */
export async function listenGateway(gateway: { readonly app: INestApplication; readonly config: PlatformConfig; readonly logger: Logger }): Promise<{ url: string; port: number }> {
  const { app, config } = gateway;
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`;
  gateway.logger.info({ port: address.port, database: config.database.kind, topology: config.topology }, 'Samabay platform listening');
  return { url, port: address.port };
}

/** The one place where the topology's database adapter is chosen; everything above it is shared. */
async function openDatabase(database: DatabaseConfig): Promise<SqlDatabase> {
  if (database.kind === 'postgres') return openPostgres({ connectionString: database.url });
  if (database.dataDir !== undefined) await mkdir(database.dataDir, { recursive: true });
  return openPglite({ dataDir: database.dataDir });
}

/** Registers the bootstrap administrator as admin at SNG (the one registration without a second administrator) unless the registry knows the user already (idempotent). */
export async function ensureBootstrapAdmin(staff: Staff, userId: string, businessDate: string): Promise<void> {
  if (await staff.directory.find(userId)) return;
  const context: CommandContext = { idempotencyKey: `startup-bootstrap-admin-${userId}-${businessDate}`, businessDate, actor: SYSTEM_ACTOR };
  await staff.commands.registerBootstrapAdmin(userId, 'SNG', context).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'STAFF_ALREADY_REGISTERED') throw error;
  });
}

/** Opens SNG, KLG and DHT unless open already; idempotent across restarts (one key per business date). */
export async function ensureDefaultBranches(membership: Membership, businessDate: string): Promise<void> {
  const context: CommandContext = { idempotencyKey: `startup-default-branches-${businessDate}`, businessDate, actor: SYSTEM_ACTOR };
  await membership.commands.ensureBranches(DEFAULT_BRANCHES, context);
}
