import { createSqlEventStore } from '@samabay/event-store';
import { createKafkaMessaging } from '@samabay/messaging';
import { PartnerEventPublisher } from '@samabay/partner-events';
import { PostgresAdvisoryLock, stopOnSignals } from '@samabay/relay';
import { openPostgres } from '@samabay/sql';
import pino from 'pino';
import { loadPartnerPublisherConfig, PartnerPublisherConfigError } from './partner-publisher-config';

/**
 * The partner publisher process (DESIGN §1 "publisher", §6; issue 6 item 5): publishes pseudonymised
 * public events for partner NGOs from the PostgreSQL event store's `$all`. Run several for
 * availability: one holds the advisory lock and publishes, the others stand by. SIGINT/SIGTERM stop
 * it after the batch in progress. Exit codes: 78 bad configuration, 1 start-up failure.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadPartnerPublisherConfig();
  } catch (error) {
    if (error instanceof PartnerPublisherConfigError) {
      process.stderr.write(`Samabay partner publisher cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'samabay-partner-publisher' }, timestamp: pino.stdTimeFunctions.isoTime });
  const db = await openPostgres({ connectionString: config.databaseUrl, maxConnections: 4 });
  const store = await createSqlEventStore({ db, schema: config.eventStoreSchema });
  const messaging = createKafkaMessaging(config.messaging, { logger: logger.child({ component: 'messaging' }) });
  const publisher = new PartnerEventPublisher({
    db,
    store,
    messaging,
    lock: new PostgresAdvisoryLock(config.databaseUrl, `${config.eventStoreSchema}:${config.publisherName}`),
    partners: config.partners,
    partitions: config.messaging.partitions,
    name: config.publisherName,
    schema: config.publisherSchema,
    batchSize: config.batchSize,
    retryMs: config.retryMs,
    logger: logger.child({ component: 'partner-publisher' }),
  });
  await publisher.start();
  logger.info({ partners: config.partners.map((partner) => partner.partnerId), topics: publisher.topics().length }, 'Samabay partner publisher running');

  stopOnSignals(logger, 'partner publisher', async () => {
    await publisher.stop();
    await store.close();
    await db.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Samabay partner publisher failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
