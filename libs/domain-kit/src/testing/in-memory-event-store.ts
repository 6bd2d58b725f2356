import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendResult,
  StreamRead,
  SubscribeToAllOptions,
} from '../event-store';
import { EventStoreUnavailableError, InvalidAppendError, WrongExpectedRevisionError } from '../event-store-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An EventStore held in memory, for unit tests of deciders' application code (not a production
 * adapter). Honours the port's contract: expected revision `any | no_stream | stream_exists | n`
 * (WrongExpectedRevisionError, nothing appended), atomic batches, idempotent re-append of the same
 * event ids at the same place (returns the original result), unique event ids otherwise
 * (InvalidAppendError field 'id'), atomic multi-stream appends, reads forwards/backwards with maxCount, `readAll` in order and
 * a catch-up subscription. Data and metadata go through JSON like a real store, so a test sees
 * exactly what a decider would read back. Position: commit = prepare = 1-based global sequence.
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly all: RecordedEvent[] = [];
  private readonly eventLocations = new Map<string, { streamId: string; revision: number }>();
  private readonly wakers = new Set<() => void>();
  private closed = false;

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events);
    const planned = this.plan(streamId, events, options.expectedRevision);
    const result = 'repeat' in planned ? planned.repeat : this.write(streamId, events);
    this.wake();
    return result;
  }

  /**
   * Appends to several streams atomically: every part is checked (as appendToStream checks one)
   * before any is written. Errors name the stream (WrongExpectedRevisionError) or the part
   * (InvalidAppendError field `appends[i]…`); nothing is appended then.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]> {
    this.assertOpen();
    if (!Array.isArray(appends) || appends.length === 0) throw new InvalidAppendError('appends', 'a multi-stream append needs at least one stream');
    const streams = new Set<string>();
    const ids = new Set<string>();
    const plans = appends.map((part, index) => {
      try {
        validateAppend(part.streamId, part.events);
        if (streams.has(part.streamId)) throw new InvalidAppendError('streamId', `stream ${part.streamId} appears twice in one append`);
        streams.add(part.streamId);
        for (const event of part.events) {
          if (ids.has(event.id)) throw new InvalidAppendError('id', `event id ${event.id} appears in two streams of one append`);
          ids.add(event.id);
        }
      } catch (error) {
        if (error instanceof InvalidAppendError) throw new InvalidAppendError(`appends[${index}].${error.field}`, error.message);
        throw error;
      }
      return this.plan(part.streamId, part.events, part.expectedRevision);
    });
    const results = appends.map((part, index) => {
      const planned = plans[index];
      return { streamId: part.streamId, ...('repeat' in planned ? planned.repeat : this.write(part.streamId, part.events)) };
    });
    this.wake();
    return results;
  }

  /** Checks one append against the stream: its original result when it is a repeat, else that it may be written. */
  private plan(streamId: string, events: readonly EventData[], expectedRevision: ExpectedRevision): { repeat: AppendResult } | { write: true } {
    const stream = this.streams.get(streamId) ?? [];
    const repeat = this.idempotentRepeat(streamId, stream, events, expectedRevision);
    if (repeat) return { repeat };
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    if (!matchesExpected(expectedRevision, actual)) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    for (const event of events) {
      if (this.eventLocations.has(event.id)) throw new InvalidAppendError('id', `event id ${event.id} is already used by another event`);
    }
    return { write: true };
  }

  private write(streamId: string, events: readonly EventData[]): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const recorded = events.map((event, index): RecordedEvent => {
      const sequence = BigInt(this.all.length + index + 1);
      return {
        id: event.id,
        type: event.type,
        data: throughJson(event.data),
        metadata: throughJson(event.metadata) as Record<string, unknown>,
        streamId,
        revision: stream.length + index,
        position: { commit: sequence, prepare: sequence },
        recordedAt: new Date(),
      };
    });
    for (const event of recorded) {
      stream.push(event);
      this.all.push(event);
      this.eventLocations.set(event.id, { streamId, revision: event.revision });
    }
    this.streams.set(streamId, stream);
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private wake(): void {
    for (const wake of [...this.wakers]) wake();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = options.fromRevision === undefined || options.fromRevision === 'end' ? stream.length - 1 : options.fromRevision === 'start' ? 0 : options.fromRevision;
      const start = Math.min(from, stream.length - 1);
      return stream.slice(Math.max(0, start - maxCount + 1), start + 1).reverse().map(copy);
    }
    const from = options.fromRevision === undefined || options.fromRevision === 'start' ? 0 : options.fromRevision === 'end' ? stream.length : options.fromRevision;
    return stream.slice(from, from + maxCount).map(copy);
  }

  async readStreams(reads: readonly StreamRead[]): Promise<Map<string, RecordedEvent[]>> {
    this.assertOpen();
    return new Map(reads.map((read) => [read.streamId, (this.streams.get(read.streamId) ?? []).slice(read.fromRevision ?? 0).map(copy)]));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const from = startIndex(options.fromPosition);
    return this.all.slice(from, from + (options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(copy);
  }

  async headPosition(): Promise<Position | 'start'> {
    this.assertOpen();
    return this.all.length === 0 ? 'start' : this.all[this.all.length - 1].position;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    let next = startIndex(options.fromPosition);
    let open = true;
    let wake: (() => void) | undefined;
    const store = this;
    const close = async (): Promise<void> => {
      open = false;
      wake?.();
    };
    async function* events(): AsyncGenerator<RecordedEvent> {
      while (open && !store.closed) {
        if (next < store.all.length) {
          yield copy(store.all[next++]);
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          store.wakers.add(resolve);
        });
        if (wake) store.wakers.delete(wake);
      }
    }
    return { close, [Symbol.asyncIterator]: () => events() };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.wakers]) wake();
  }

  /** The re-append of a batch already stored at the place the expected revision names: its original result. */
  private idempotentRepeat(streamId: string, stream: readonly RecordedEvent[], events: readonly EventData[], expectedRevision: ExpectedRevision): AppendResult | undefined {
    const first = this.eventLocations.get(events[0].id);
    if (!first || first.streamId !== streamId) return undefined;
    const sameBatch = events.every((event, index) => stream[first.revision + index]?.id === event.id);
    const before = first.revision === 0 ? 'no_stream' : first.revision - 1;
    const placeMatches = expectedRevision === 'any' || expectedRevision === 'stream_exists' || expectedRevision === before;
    if (!sameBatch || !placeMatches) return undefined;
    const last = stream[first.revision + events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the in-memory event store is closed');
  }
}

function validateAppend(streamId: string, events: readonly EventData[]): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppendError('streamId', 'stream id must be a non-empty string');
  if (events.length === 0) throw new InvalidAppendError('events', 'an append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppendError('id', 'event id must be a uuid');
    if (ids.has(event.id)) throw new InvalidAppendError('id', `event id ${event.id} appears twice in one append`);
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError('type', 'event type must be a non-empty string');
  }
}

function matchesExpected(expected: AppendOptions['expectedRevision'], actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

function startIndex(from: Position | 'start' | undefined): number {
  return from === undefined || from === 'start' ? 0 : Number(from.commit);
}

function throughJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function copy(event: RecordedEvent): RecordedEvent {
  return structuredClone(event);
}
