import { Registry } from 'prom-client';
import { KafkaFeedMetrics } from './kafka-feed-metrics';

describe('KafkaFeedMetrics', () => {
  it('lets several feeds share one registry: counters are reused, the lag gauge sums their lag', async () => {
    const registry = new Registry();
    const membership = new KafkaFeedMetrics(registry, { lag: async () => 3 });
    const savings = new KafkaFeedMetrics(registry, { lag: async () => 4 });
    membership.eventsApplied.inc({ projection: 'member-directory' });
    savings.eventsApplied.inc({ projection: 'savings-account' }, 2);
    savings.eventsParked.inc({ group: 'g.savings', topic: 't', reason: 'POISON' });
    expect(savings.eventsApplied).toBe(membership.eventsApplied);
    const text = await registry.metrics();
    expect(text).toMatch(/^samabay_kafka_projection_events_applied_total\{projection="member-directory"\} 1$/m);
    expect(text).toMatch(/^samabay_kafka_projection_events_applied_total\{projection="savings-account"\} 2$/m);
    expect(text).toMatch(/^samabay_kafka_projection_events_parked_total\{group="g.savings",topic="t",reason="POISON"\} 1$/m);
    expect(text).toMatch(/^samabay_kafka_projection_lag_messages 7$/m);
  });

  it('keeps feeds without a registry apart', () => {
    const first = new KafkaFeedMetrics(undefined, { lag: async () => 0 });
    const second = new KafkaFeedMetrics(undefined, { lag: async () => 0 });
    expect(second.eventsApplied).not.toBe(first.eventsApplied);
  });
});
