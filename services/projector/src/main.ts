import { BranchSummaryProjection, MemberActivityProjection, MemberDirectoryProjection, OpenLoansProjection, vaultOpener } from '@samabay/membership';
import { createKafkaMessaging } from '@samabay/messaging';
import { createSqlPersonalDataVault } from '@samabay/personal-data';
import { KafkaProjectionFeed, type Projection } from '@samabay/projections';
import { CategoryTopics, feedGroup, feedSchema, SERVICE_FEED_CATEGORIES, startMetricsServer, type FeedService } from '@samabay/relay';
import { openPostgres } from '@samabay/sql';
import pino from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { loadProjectorConfig, ProjectorConfigError } from './projector-config';
import { savingsAndLendingProjections } from './service-projections';

/**
 * The projector process (DESIGN §2 single-server row, issue 3 item 4): the membership projections
 * applied from Kafka by a consumer group — the same Projection objects the single-node runner
 * feeds from the store; with SAMABAY_PROJECTOR_FEEDS also savings' and lending's (single-server
 * topology), one consumer group and bookkeeping schema per service (feedGroup, feedSchema), each
 * subscribed to the categories that service folds (SERVICE_FEED_CATEGORIES).
 * Run several instances with one group to split the partitions. Parked
 * (poison) events are logged and counted; re-feed them with `npm run dlq:replay -- <topic>`.
 * Exits 1 when the consumer stops on its own (database outage, broker failure) so the supervisor
 * restarts it; 78 on bad configuration. SIGINT/SIGTERM stop it after the batch in progress.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadProjectorConfig();
  } catch (error) {
    if (error instanceof ProjectorConfigError) {
      process.stderr.write(`Samabay projector cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'samabay-projector' }, timestamp: pino.stdTimeFunctions.isoTime });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const db = await openPostgres({ connectionString: config.databaseUrl, maxConnections: 4 });
  const vault = await createSqlPersonalDataVault({ db, schema: config.vaultSchema, masterKey: config.masterKey });
  const topics = new CategoryTopics({ namespace: config.topicNamespace });
  const messaging = createKafkaMessaging(config.messaging, { logger: logger.child({ component: 'messaging' }) });
  const others = config.feeds.some((service) => service !== 'membership') ? await savingsAndLendingProjections(db, config.eventStoreSchema) : undefined;
  const projectionsOf = (service: FeedService): Projection[] =>
    service === 'membership'
      ? [new MemberDirectoryProjection(vaultOpener(vault), config.readModelSchema), new BranchSummaryProjection(config.readModelSchema), new OpenLoansProjection(config.readModelSchema), new MemberActivityProjection(config.readModelSchema)]
      : (others as { savings: Projection[]; lending: Projection[] })[service];
  const feeds = config.feeds.map(
    (service) =>
      new KafkaProjectionFeed({
        db,
        messaging,
        projections: projectionsOf(service),
        topics: SERVICE_FEED_CATEGORIES[service].map((category) => topics.topicForCategory(category) as string),
        groupId: feedGroup(config.groupId, service),
        partitions: config.messaging.partitions,
        schema: feedSchema(config.projectionSchema, service),
        maxAttempts: config.maxAttempts,
        consumer: { sessionTimeoutMs: config.sessionTimeoutMs, heartbeatIntervalMs: config.heartbeatIntervalMs },
        registry,
        logger: logger.child({ component: 'kafka-projection-feed', feed: service }),
      }),
  );
  for (const feed of feeds) await feed.start();
  const metrics = await startMetricsServer(registry, config.metricsHost, config.metricsPort);
  logger.info({ metricsPort: metrics.port, group: config.groupId, feeds: config.feeds, sessionTimeoutMs: config.sessionTimeoutMs, heartbeatIntervalMs: config.heartbeatIntervalMs }, 'Samabay projector running');

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    for (const feed of feeds) await feed.stop();
    await metrics.close();
    await db.close();
  };
  Promise.race(feeds.map((feed) => feed.whenStopped())).then(async (reason) => {
    if (stopping) return;
    stopping = true;
    logger.error({ reason: reason.kind, errorCode: reason.kind === 'failed' ? reason.error.code : undefined }, 'projector consumer stopped on its own; exiting for a restart');
    await shutdown().catch(() => undefined);
    process.exit(1);
  });
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Samabay projector failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
