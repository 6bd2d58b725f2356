/**
 * @samabay/relay: publishes the event store's `$all` to Kafka (DESIGN §6, issue 3 item 3) — one
 * active relay per store behind a PostgreSQL advisory lock, checkpoint after Kafka's acknowledgement.
 */
export { Relay, type RelayOptions, type RelayRole } from './relay';
export { CATEGORY_SERVICES, CategoryTopics, categoryLabel, type CategoryTopicsOptions } from './category-topics';
export { PostgresAdvisoryLock, advisoryLockKey, type RelayLock } from './relay-lock';
export { RelayCheckpointStore } from './relay-checkpoint-store';
export { stderrRelayLogger, type RelayLogger } from './relay-logger';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { stopOnSignals, type StopLogger } from './stop-on-signals';
export { FEED_SERVICES, SERVICE_FEED_CATEGORIES, feedGroup, feedSchema, type FeedService } from './service-feeds';
