import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, DomainError } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { KafkaFeedProgress } from '@samabay/projections';
import { feedSchema, SERVICE_FEED_CATEGORIES, startMetricsServer } from '@samabay/relay';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { commandMetrics } from './command-metrics';
import { startCommandServer, type CommandFunction } from './command-server';
import { RpcConfigError } from './rpc-endpoint';
import { meteredEventStore } from './metered-event-store';
import { loadServiceProcessConfig, type ServiceProcessConfig } from './service-process-config';

/** What a service's composition gets from {@link runServiceProcess}. */
export interface ServiceProcessDeps {
  readonly config: ServiceProcessConfig;
  readonly db: SqlDatabase;
  /** The event store (PostgreSQL), e.g. for a process manager following its subscription; appends go through `handler`. */
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly logger: Logger;
  readonly clock: () => Date;
  /**
   * Waits until the projector applied every event appended so far to this service's read models
   * (its Kafka feed); throws DomainError READ_MODEL_BEHIND after the consistency timeout. The
   * service awaits it before deciding on what its own projections say (as single-node waits for its runner).
   */
  readonly readModelsCaughtUp: () => Promise<void>;
  /**
   * Registers something the composition started (a process manager runner, a client of another
   * service) to be closed when the process stops, after the command server and before the
   * database; closers run in reverse order of registration, also when the start-up fails.
   */
  onStop(close: () => Promise<void>): void;
}

/**
 * Runs one service of the single-server topology as its own process (DESIGN §2): validates the
 * configuration (exit 78 with a message naming the variable), opens PostgreSQL, the event store and
 * the idempotency store, composes the service with `compose`, and answers its commands over
 * `@nestjs/microservices` (TCP), with GET /metrics (commands by type and outcome, appends, process)
 * on its metrics port. Logs "Samabay <service> service listening" when ready.
 * SIGINT/SIGTERM close the server, then the database; exit 0. A start-up failure exits 1.
 */
export function runServiceProcess(service: ServiceProcessConfig['service'], compose: (deps: ServiceProcessDeps) => Promise<Record<string, CommandFunction>>): void {
  let config: ServiceProcessConfig;
  try {
    config = loadServiceProcessConfig(service);
  } catch (error) {
    if (error instanceof RpcConfigError) {
      process.stderr.write(`Samabay ${service} service cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: `samabay-${service}` }, timestamp: pino.stdTimeFunctions.isoTime });
  start(config, logger, compose).catch((error: unknown) => {
    if (error instanceof RpcConfigError) {
      process.stderr.write(`Samabay ${service} service cannot start: ${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`Samabay ${service} service failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  });
}

async function start(config: ServiceProcessConfig, logger: Logger, compose: (deps: ServiceProcessDeps) => Promise<Record<string, CommandFunction>>): Promise<void> {
  const db = await openPostgres({ connectionString: config.databaseUrl, maxConnections: 8 });
  const closers: Array<() => Promise<void>> = [];
  const closeComposition = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'error while stopping the service'));
    }
  };
  try {
    const store = await createSqlEventStore({ db, schema: config.eventStoreSchema });
    closers.push(() => store.close());
    const clock = (): Date => new Date();
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const handler = new CommandHandler({ store: meteredEventStore(store, registry), idempotency: await createSqlIdempotencyStore({ db }), clock, onOutcome: commandMetrics(registry) });
    const progress = new KafkaFeedProgress({
      db,
      eventStoreSchema: config.eventStoreSchema,
      feeds: [{ schema: feedSchema(config.projectionSchema, config.service), categories: SERVICE_FEED_CATEGORIES[config.service] }],
    });
    const readModelsCaughtUp = async (): Promise<void> => {
      if (!(await progress.waitForHead(config.consistencyTimeoutMs))) {
        throw new DomainError('READ_MODEL_BEHIND', `the read models did not catch up within ${config.consistencyTimeoutMs} ms; try again`);
      }
    };
    const commands = await compose({ config, db, store, handler, logger, clock, readModelsCaughtUp, onStop: (close) => closers.push(close) });
    const metrics = await startMetricsServer(registry, config.metricsHost, config.metricsPort);
    const server = await startCommandServer({ endpoint: config.endpoint, commands, logger }).catch(async (error: unknown) => {
      await metrics.close();
      throw error;
    });
    logger.info(
      { transport: config.endpoint.transport, host: config.endpoint.host, port: server.port, metricsPort: metrics.port, commands: Object.keys(commands).length },
      `Samabay ${config.service} service listening`,
    );

    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping');
      progress.stop();
      (async () => {
        await server.close();
        await metrics.close();
        await closeComposition();
        await db.close();
      })().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ errorName: error instanceof Error ? error.name : typeof error }, 'service did not stop cleanly');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    await closeComposition();
    await db.close().catch(() => undefined);
    throw error;
  }
}
