import type { EventData, RecordedEvent } from '../event-store';
import { InvalidAppendError, WrongExpectedRevisionError } from '../event-store-errors';
import { deterministicEventId } from '../deterministic-event-id';
import { InMemoryEventStore } from './in-memory-event-store';

function events(prefix: string, count: number): EventData[] {
  return Array.from({ length: count }, (_, index) => ({ id: deterministicEventId(prefix, 'test', 's', index), type: 'Happened', data: { index }, metadata: { by: prefix } }));
}

describe('InMemoryEventStore', () => {
  it('honours every expected revision form and appends nothing on a mismatch', async () => {
    const store = new InMemoryEventStore();
    await expect(store.appendToStream('s-1', events('a', 1), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.appendToStream('s-1', events('a', 2), { expectedRevision: 'no_stream' })).toMatchObject({ nextExpectedRevision: 1 });
    await expect(store.appendToStream('s-1', events('b', 1), { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actual: 1, expected: 'no_stream' });
    await expect(store.appendToStream('s-1', events('b', 1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.appendToStream('s-1', events('b', 1), { expectedRevision: 1 })).toMatchObject({ nextExpectedRevision: 2 });
    expect(await store.appendToStream('s-1', events('c', 1), { expectedRevision: 'stream_exists' })).toMatchObject({ nextExpectedRevision: 3 });
    expect(await store.appendToStream('s-1', events('d', 1), { expectedRevision: 'any' })).toMatchObject({ nextExpectedRevision: 4 });
    expect((await store.readStream('s-1')).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('appends to several streams atomically: all parts, or none when one fails; re-sent parts answer as before', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('s-2', events('x', 1), { expectedRevision: 'no_stream' });
    const parts = [
      { streamId: 's-1', events: events('a', 2), expectedRevision: 'no_stream' as const },
      { streamId: 's-2', events: events('b', 1), expectedRevision: 0 },
    ];
    const results = await store.appendToStreams(parts);
    expect(results.map((result) => [result.streamId, result.nextExpectedRevision])).toEqual([
      ['s-1', 1],
      ['s-2', 1],
    ]);
    expect(await store.appendToStreams(parts)).toEqual(results);
    await expect(
      store.appendToStreams([
        { streamId: 's-3', events: events('c', 1), expectedRevision: 'no_stream' },
        { streamId: 's-2', events: events('d', 1), expectedRevision: 0 },
      ]),
    ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId: 's-2' });
    await expect(store.appendToStreams([parts[0], { ...parts[0], events: events('e', 1) }])).rejects.toMatchObject({ field: 'appends[1].streamId' });
    expect(await store.readAll()).toHaveLength(4);
  });

  it('treats a re-append of the same ids at the same place as the original append', async () => {
    const store = new InMemoryEventStore();
    const batch = events('a', 2);
    const first = await store.appendToStream('s-1', batch, { expectedRevision: 'no_stream' });
    expect(await store.appendToStream('s-1', batch, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await store.readAll()).toHaveLength(2);
    await store.appendToStream('s-1', events('b', 1), { expectedRevision: 1 });
    await expect(store.appendToStream('s-1', batch, { expectedRevision: 2 })).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.appendToStream('s-2', batch, { expectedRevision: 'no_stream' })).rejects.toMatchObject({ field: 'id' });
  });

  it('rejects malformed appends', async () => {
    const store = new InMemoryEventStore();
    await expect(store.appendToStream('s-1', [], { expectedRevision: 'any' })).rejects.toMatchObject({ field: 'events' });
    await expect(store.appendToStream('s-1', [{ ...events('a', 1)[0], id: 'not-a-uuid' }], { expectedRevision: 'any' })).rejects.toMatchObject({ field: 'id' });
    const twice = events('a', 1);
    await expect(store.appendToStream('s-1', [...twice, ...twice], { expectedRevision: 'any' })).rejects.toMatchObject({ field: 'id' });
  });

  it('reads forwards, backwards, from a revision and with maxCount; stored data went through JSON', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('s-1', [...events('a', 4)].map((event) => ({ ...event, data: { ...(event.data as object), dropped: undefined } })), { expectedRevision: 'no_stream' });
    const revisions = (read: RecordedEvent[]) => read.map((event) => event.revision);
    expect(revisions(await store.readStream('s-1', { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
    expect(revisions(await store.readStream('s-1', { direction: 'backwards', maxCount: 2 }))).toEqual([3, 2]);
    expect(revisions(await store.readStream('s-1', { direction: 'backwards', fromRevision: 1 }))).toEqual([1, 0]);
    expect(await store.readStream('s-1', { fromRevision: 9 })).toEqual([]);
    expect(await store.readStream('missing')).toEqual([]);
    expect((await store.readStream('s-1'))[0].data).toEqual({ index: 0 });
  });

  it('reads $all in order after a position and reports the head', async () => {
    const store = new InMemoryEventStore();
    expect(await store.headPosition()).toBe('start');
    await store.appendToStream('s-1', events('a', 2), { expectedRevision: 'any' });
    await store.appendToStream('s-2', events('b', 1), { expectedRevision: 'any' });
    const all = await store.readAll();
    expect(all.map((event) => event.streamId)).toEqual(['s-1', 's-1', 's-2']);
    expect(await store.readAll({ fromPosition: all[0].position, maxCount: 1 })).toEqual([all[1]]);
    expect(await store.headPosition()).toEqual(all[2].position);
  });

  it('hands a subscriber history, then live events, without gap or duplicate, until closed', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('s-1', events('a', 2), { expectedRevision: 'any' });
    const [first] = await store.readAll();
    const subscription = store.subscribeToAll({ fromPosition: first.position });
    const received: string[] = [];
    const consumed = (async () => {
      for await (const event of subscription) {
        received.push(event.id);
        if (received.length === 3) await subscription.close();
      }
    })();
    await store.appendToStream('s-2', events('b', 2), { expectedRevision: 'any' });
    await consumed;
    expect(received).toEqual([events('a', 2)[1].id, ...events('b', 2).map((event) => event.id)]);
  });

  it('refuses calls after close', async () => {
    const store = new InMemoryEventStore();
    await store.close();
    await expect(store.readAll()).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
  });
});
