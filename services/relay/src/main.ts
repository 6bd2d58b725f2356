import { createSqlEventStore } from '@samabay/event-store';
import { createKafkaMessaging } from '@samabay/messaging';
import { CategoryTopics, PostgresAdvisoryLock, Relay, startMetricsServer, stopOnSignals } from '@samabay/relay';
import { openPostgres } from '@samabay/sql';
import pino from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { loadRelayConfig, RelayConfigError } from './relay-config';

/**
 * The relay process (DESIGN §2 single-server row, §6): publishes the PostgreSQL event store's
 * `$all` to Kafka. Run several for availability: one holds the advisory lock and publishes, the
 * others stand by. Exposes GET /metrics. SIGINT/SIGTERM stop it after the batch in progress.
 * Exit codes: 78 bad configuration, 1 start-up failure.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadRelayConfig();
  } catch (error) {
    if (error instanceof RelayConfigError) {
      process.stderr.write(`Samabay relay cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'samabay-relay' }, timestamp: pino.stdTimeFunctions.isoTime });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const db = await openPostgres({ connectionString: config.databaseUrl, maxConnections: 4 });
  const store = await createSqlEventStore({ db, schema: config.eventStoreSchema });
  const messaging = createKafkaMessaging(config.messaging, { logger: logger.child({ component: 'messaging' }) });
  const relay = new Relay({
    db,
    store,
    messaging,
    lock: new PostgresAdvisoryLock(config.databaseUrl, config.eventStoreSchema),
    partitions: config.messaging.partitions,
    topics: new CategoryTopics({ namespace: config.topicNamespace }),
    schema: config.relaySchema,
    batchSize: config.batchSize,
    lockRetryMs: config.lockRetryMs,
    registry,
    logger: logger.child({ component: 'relay' }),
  });
  await relay.start();
  const metrics = await startMetricsServer(registry, config.metricsHost, config.metricsPort);
  logger.info({ metricsPort: metrics.port, partitions: config.messaging.partitions }, 'Samabay relay running');

  stopOnSignals(logger, 'relay', async () => {
    await relay.stop();
    await metrics.close();
    await store.close();
    await db.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Samabay relay failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
