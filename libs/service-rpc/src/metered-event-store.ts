import type { AppendOptions, EventData, EventStore } from '@samabay/event-store';
import { Counter, type Registry } from 'prom-client';

/**
 * Wraps an EventStore to count appends (by outcome: ok or the error code) and appended events for
 * /metrics. Everything else is passed through unchanged; closing the wrapper closes the store.
 */
export function meteredEventStore(store: EventStore, registry: Registry): EventStore {
  const appends = new Counter({
    name: 'samabay_event_store_appends_total',
    help: 'appendToStream and appendToStreams calls, by outcome (ok or the error code).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const events = new Counter({
    name: 'samabay_event_store_events_appended_total',
    help: 'Events appended to the store.',
    registers: [registry],
  });
  return {
    async appendToStream(streamId: string, batch: readonly EventData[], options: AppendOptions) {
      try {
        const result = await store.appendToStream(streamId, batch, options);
        appends.inc({ outcome: 'ok' });
        events.inc(batch.length);
        return result;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        appends.inc({ outcome: typeof code === 'string' ? code : 'error' });
        throw error;
      }
    },
    async appendToStreams(parts) {
      try {
        const results = await store.appendToStreams(parts);
        appends.inc({ outcome: 'ok' });
        events.inc(parts.reduce((sum, part) => sum + part.events.length, 0));
        return results;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        appends.inc({ outcome: typeof code === 'string' ? code : 'error' });
        throw error;
      }
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readStreams: (reads) => store.readStreams(reads),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}
