import { Counter, Gauge, type Registry } from 'prom-client';

/** What the lag gauges read at scrape time. */
export interface RelayLagSource {
  lag(): Promise<{ events: number; seconds: number }>;
}

/**
 * The relay's Prometheus metrics, registered on `registry` (or counted without exposure when it is
 * undefined). Lag gauges are measured when scraped.
 */
export class RelayMetrics {
  readonly eventsPublished: Counter<'topic'>;
  readonly batchesPublished: Counter;
  readonly eventsUnrouted: Counter<'category'>;
  readonly active: Gauge;
  readonly publishFailures: Counter;

  constructor(registry: Registry | undefined, lagSource: RelayLagSource) {
    const registers = registry ? [registry] : [];
    this.eventsPublished = new Counter({
      name: 'samabay_relay_events_published_total',
      help: 'Events the relay published and Kafka acknowledged (re-publications after a restart count again).',
      labelNames: ['topic'],
      registers,
    });
    this.batchesPublished = new Counter({ name: 'samabay_relay_batches_published_total', help: 'Batches acknowledged by Kafka, each followed by a checkpoint.', registers });
    this.eventsUnrouted = new Counter({
      name: 'samabay_relay_events_unrouted_total',
      help: 'Events skipped because their stream category has no owning service in the category table.',
      labelNames: ['category'],
      registers,
    });
    this.publishFailures = new Counter({ name: 'samabay_relay_publish_failures_total', help: 'Publish or checkpoint failures; the relay resumes from its checkpoint.', registers });
    this.active = new Gauge({ name: 'samabay_relay_active', help: '1 while this relay holds the lock and publishes, 0 while it stands by.', registers });
    new Gauge({
      name: 'samabay_relay_lag_events',
      help: 'Events in the store after the relay checkpoint (counted up to a cap).',
      registers,
      async collect() {
        this.set((await lagSource.lag()).events);
      },
    });
    new Gauge({
      name: 'samabay_relay_lag_seconds',
      help: 'Age of the oldest event not yet published (0 when caught up).',
      registers,
      async collect() {
        this.set((await lagSource.lag()).seconds);
      },
    });
  }
}
