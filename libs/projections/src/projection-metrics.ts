import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the metrics need to read from the runner at scrape time. */
export interface LagSource {
  lag(): Promise<{ events: number; seconds: number }>;
}

/**
 * The runner's Prometheus metrics (DESIGN §7, §10). Registered on the given registry, or on none
 * (metrics still count, nothing exposes them) when `registry` is undefined.
 * Lag gauges are computed when scraped.
 */
export class ProjectionMetrics {
  readonly eventsApplied: Counter<'projection'>;
  readonly batchesApplied: Counter;
  readonly batchDuration: Histogram;
  readonly poisonEvents: Counter<'projection' | 'event_type'>;
  readonly failed: Gauge;

  constructor(registry: Registry | undefined, lagSource: LagSource) {
    const registers = registry ? [registry] : [];
    this.eventsApplied = new Counter({
      name: 'samabay_projection_events_applied_total',
      help: 'Events applied by each projection (events at or below its checkpoint are skipped, not counted).',
      labelNames: ['projection'],
      registers,
    });
    this.batchesApplied = new Counter({
      name: 'samabay_projection_batches_total',
      help: 'Batches committed by the projection runner (one transaction each, checkpoints included).',
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'samabay_projection_batch_duration_seconds',
      help: 'Time to apply and commit one batch.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.poisonEvents = new Counter({
      name: 'samabay_projection_poison_events_total',
      help: 'Events a projection failed to apply after bounded retries; the runner stopped on each.',
      labelNames: ['projection', 'event_type'],
      registers,
    });
    this.failed = new Gauge({
      name: 'samabay_projection_runner_failed',
      help: '1 while the projection runner is stopped on a poison event or a subscription failure, else 0.',
      registers,
    });
    new Gauge({
      name: 'samabay_projection_lag_events',
      help: 'Events in the store after the runner position (counted up to a cap while catching up).',
      registers,
      async collect() {
        this.set((await lagSource.lag()).events);
      },
    });
    new Gauge({
      name: 'samabay_projection_lag_seconds',
      help: 'Age of the oldest event received and not yet applied (0 when caught up).',
      registers,
      async collect() {
        this.set((await lagSource.lag()).seconds);
      },
    });
  }
}
