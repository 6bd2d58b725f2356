import { Counter, Gauge, type Registry } from 'prom-client';

/** What the lag gauge reads at scrape time. */
export interface KafkaFeedLagSource {
  lag(): Promise<number>;
}

/** Lag sources of every feed registered on one registry: the one lag gauge sums them. */
const lagSourcesByRegistry = new WeakMap<Registry, KafkaFeedLagSource[]>();

/**
 * The Kafka feed's Prometheus metrics, registered on `registry` (or counted without exposure when
 * undefined). Several feeds of one process (the projector's membership, savings and lending feeds)
 * share one registry: the second feed reuses the counters the first registered (their labels —
 * projection, group, topic — tell the feeds apart), and the lag gauge sums every feed's lag.
 */
export class KafkaFeedMetrics {
  readonly eventsApplied: Counter<'projection'>;
  readonly duplicatesSkipped: Counter<'topic'>;
  readonly eventsParked: Counter<'group' | 'topic' | 'reason'>;
  readonly batchesCommitted: Counter<'topic'>;

  constructor(registry: Registry | undefined, lagSource: KafkaFeedLagSource) {
    const registers = registry ? [registry] : [];
    const counter = <L extends string>(name: string, help: string, labelNames: L[]): Counter<L> =>
      (registry?.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers });
    this.eventsApplied = counter('samabay_kafka_projection_events_applied_total', 'Events applied by each projection from Kafka (duplicates skipped by (stream, revision) are not counted).', ['projection']);
    this.duplicatesSkipped = counter('samabay_kafka_projection_duplicates_skipped_total', 'Messages skipped because every projection had already applied their (stream, revision).', ['topic']);
    this.eventsParked = counter(
      'samabay_kafka_projection_events_parked_total',
      'Events parked on <topic>.dlq: POISON after bounded retries, STREAM_BLOCKED behind a parked event of the same stream, INVALID_MESSAGE when unreadable.',
      ['group', 'topic', 'reason'],
    );
    this.batchesCommitted = counter('samabay_kafka_projection_batches_total', 'Kafka batches handled (their offsets are committed after the read-model transaction).', ['topic']);
    const shared = registry ? lagSourcesByRegistry.get(registry) : undefined;
    if (shared) {
      shared.push(lagSource);
      return;
    }
    const sources = [lagSource];
    if (registry) lagSourcesByRegistry.set(registry, sources);
    new Gauge({
      name: 'samabay_kafka_projection_lag_messages',
      help: "Messages on the feeds' topics after their groups' committed offsets (end offset - committed, summed over partitions and the feeds of the process).",
      registers,
      async collect() {
        let total = 0;
        for (const source of sources) total += await source.lag();
        this.set(total);
      },
    });
  }
}
