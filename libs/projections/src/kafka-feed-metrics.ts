import { Counter, Gauge, type Registry } from 'prom-client';

/** What the lag gauge reads at scrape time. */
export interface KafkaFeedLagSource {
  lag(): Promise<number>;
}

/** The Kafka feed's Prometheus metrics, registered on `registry` (or counted without exposure when undefined). */
export class KafkaFeedMetrics {
  readonly eventsApplied: Counter<'projection'>;
  readonly duplicatesSkipped: Counter<'topic'>;
  readonly eventsParked: Counter<'group' | 'topic' | 'reason'>;
  readonly batchesCommitted: Counter<'topic'>;

  constructor(registry: Registry | undefined, lagSource: KafkaFeedLagSource) {
    const registers = registry ? [registry] : [];
    this.eventsApplied = new Counter({
      name: 'samabay_kafka_projection_events_applied_total',
      help: 'Events applied by each projection from Kafka (duplicates skipped by (stream, revision) are not counted).',
      labelNames: ['projection'],
      registers,
    });
    this.duplicatesSkipped = new Counter({
      name: 'samabay_kafka_projection_duplicates_skipped_total',
      help: 'Messages skipped because every projection had already applied their (stream, revision).',
      labelNames: ['topic'],
      registers,
    });
    this.eventsParked = new Counter({
      name: 'samabay_kafka_projection_events_parked_total',
      help: 'Events parked on <topic>.dlq: POISON after bounded retries, STREAM_BLOCKED behind a parked event of the same stream, INVALID_MESSAGE when unreadable.',
      labelNames: ['group', 'topic', 'reason'],
      registers,
    });
    this.batchesCommitted = new Counter({
      name: 'samabay_kafka_projection_batches_total',
      help: 'Kafka batches handled (their offsets are committed after the read-model transaction).',
      labelNames: ['topic'],
      registers,
    });
    new Gauge({
      name: 'samabay_kafka_projection_lag_messages',
      help: "Messages on the feed's topics after the group's committed offsets (end offset - committed, summed over partitions).",
      registers,
      async collect() {
        this.set(await lagSource.lag());
      },
    });
  }
}
