import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  EventStoreError,
  EventTooLargeError,
  InvalidAppendError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
} from '@samabay/event-store';
import { Gate, delay, waitFor } from '../support';

/** Options the contract passes to an adapter's factory. */
export interface ContractStoreOptions {
  /**
   * Test-only: the adapter awaits this inside each append, after writing and before committing, so
   * the suite can make commits land late and out of order. Adapters that cannot honour it ignore it
   * (the concurrency test then only delays before the append call).
   */
  readonly beforeCommit?: (append: { readonly streamId: string; readonly eventIds: readonly string[] }) => Promise<void>;
}

/** A store under test, freshly created and empty, and how to dispose of it. */
export interface ContractStoreHandle {
  readonly store: EventStore;
  cleanup(): Promise<void>;
  /**
   * True when the adapter runs one transaction at a time (PGlite: one connection), so while a commit
   * is held back every other call waits. The late-commit test then does not wait for a second
   * writer to finish before releasing the first.
   */
  readonly serialisesTransactions?: boolean;
}

/** Creates a fresh, empty store for one test. */
export type ContractStoreFactory = (options?: ContractStoreOptions) => Promise<ContractStoreHandle>;

const runs = Number(process.env.SAMABAY_CONCURRENCY_RUNS ?? 3);

/**
 * The black-box contract of DESIGN §3 that every EventStore adapter passes: expected revisions,
 * atomic and idempotent appends, the size limit, input validation, stream and `$all` reads, the
 * catch-up subscription, and no skipped or duplicated event under concurrent, late commits
 * (repeated SAMABAY_CONCURRENCY_RUNS times, default 3).
 */
export function describeEventStoreContract(name: string, factory: ContractStoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    const handles: ContractStoreHandle[] = [];
    const subscriptions: AllSubscription[] = [];

    async function open(options?: ContractStoreOptions): Promise<ContractStoreHandle> {
      const handle = await factory(options);
      handles.push(handle);
      return handle;
    }

    async function emptyStore(): Promise<EventStore> {
      return (await open()).store;
    }

    function subscribe(store: EventStore, fromPosition?: Position | 'start'): AllSubscription {
      const subscription = store.subscribeToAll({ fromPosition });
      subscriptions.push(subscription);
      return subscription;
    }

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
      for (const handle of handles.splice(0)) {
        await handle.store.close();
        await handle.cleanup();
      }
    });

    describe('expected revision', () => {
      it('no_stream creates the stream with revisions 0..n-1', async () => {
        const store = await emptyStore();
        const result = await store.appendToStream('member-1', events(3), { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2);
        expect((await store.readStream('member-1')).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('no_stream on an existing stream is rejected with the actual revision and appends nothing', async () => {
        const store = await emptyStore();
        await store.appendToStream('member-1', events(2), { expectedRevision: 'no_stream' });
        await expectWrongRevision(store.appendToStream('member-1', events(1), { expectedRevision: 'no_stream' }), 'member-1', 'no_stream', 1);
        expect(await store.readStream('member-1')).toHaveLength(2);
      });

      it('stream_exists needs the stream: rejected with actual no_stream when missing, accepted when present', async () => {
        const store = await emptyStore();
        await expectWrongRevision(store.appendToStream('member-1', events(1), { expectedRevision: 'stream_exists' }), 'member-1', 'stream_exists', 'no_stream');
        expect(await store.readStream('member-1')).toEqual([]);
        await store.appendToStream('member-1', events(1), { expectedRevision: 'no_stream' });
        const result = await store.appendToStream('member-1', events(2), { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('an exact revision is accepted; a stale or future one is rejected with the actual revision and appends nothing', async () => {
        const store = await emptyStore();
        await store.appendToStream('loan-7', events(2), { expectedRevision: 'no_stream' });
        expect((await store.appendToStream('loan-7', events(1), { expectedRevision: 1 })).nextExpectedRevision).toBe(2);
        await expectWrongRevision(store.appendToStream('loan-7', events(1), { expectedRevision: 1 }), 'loan-7', 1, 2);
        await expectWrongRevision(store.appendToStream('loan-7', events(1), { expectedRevision: 5 }), 'loan-7', 5, 2);
        await expectWrongRevision(store.appendToStream('loan-8', events(1), { expectedRevision: 0 }), 'loan-8', 0, 'no_stream');
        expect(await store.readStream('loan-7')).toHaveLength(3);
        expect(await store.readStream('loan-8')).toEqual([]);
      });

      it('any appends to a missing or an existing stream', async () => {
        const store = await emptyStore();
        expect((await store.appendToStream('branch-SNG', events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
        expect((await store.appendToStream('branch-SNG', events(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
      });

      it('concurrent creators of one stream: exactly one wins, the others get WrongExpectedRevisionError', async () => {
        const store = await emptyStore();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, () => store.appendToStream('member-race', events(2), { expectedRevision: 'no_stream' })),
        );
        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(5);
        for (const error of losers) {
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect((error as WrongExpectedRevisionError).actual).toBe(1);
        }
        expect(await store.readStream('member-race')).toHaveLength(2);
      });

      it('concurrent writers expecting the same revision: exactly one wins', async () => {
        const store = await emptyStore();
        await store.appendToStream('savingsAccount-1', events(1), { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => store.appendToStream('savingsAccount-1', events(1), { expectedRevision: 0 })));
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream('savingsAccount-1')).toHaveLength(2);
      });
    });

    describe('atomic appends and limits', () => {
      it('a batch with one oversized event appends none of its events (EventTooLargeError)', async () => {
        const store = await emptyStore();
        const batch = [event(), event({ blob: 'x'.repeat(1024 * 1024 + 1) }), event()];
        const rejection = store.appendToStream('member-big', batch, { expectedRevision: 'any' });
        await expect(rejection).rejects.toBeInstanceOf(EventTooLargeError);
        await expect(rejection).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE', eventId: batch[1].id, limitBytes: 1024 * 1024 });
        expect(await store.readStream('member-big')).toEqual([]);
        expect(await store.readAll()).toEqual([]);
      });

      it('an event just under the limit is accepted (data + metadata counted together)', async () => {
        const store = await emptyStore();
        const metadata = { correlationId: 'c-1' };
        const room = 1024 * 1024 - Buffer.byteLength(JSON.stringify(metadata)) - Buffer.byteLength(JSON.stringify({ blob: '' }));
        await store.appendToStream('member-fits', [event({ blob: 'ক'.repeat(Math.floor(room / 3)) }, metadata)], { expectedRevision: 'no_stream' });
        expect(await store.readStream('member-fits')).toHaveLength(1);
        const over = event({ blob: 'ক'.repeat(Math.floor(room / 3) + 1) }, metadata);
        await expect(store.appendToStream('member-fits', [over], { expectedRevision: 0 })).rejects.toBeInstanceOf(EventTooLargeError);
      });

      it('a batch with one malformed event appends none of its events', async () => {
        const store = await emptyStore();
        const batch = [event(), { ...event(), id: 'not-a-uuid' }, event()];
        await expectInvalid(store.appendToStream('member-2', batch, { expectedRevision: 'any' }), 'events[1].id');
        expect(await store.readAll()).toEqual([]);
      });

      it('malformed appends get InvalidAppendError naming the field, and append nothing', async () => {
        const store = await emptyStore();
        await expectInvalid(store.appendToStream('member-3', [], { expectedRevision: 'any' }), 'events');
        await expectInvalid(store.appendToStream('', events(1), { expectedRevision: 'any' }), 'streamId');
        await expectInvalid(store.appendToStream('member 3', events(1), { expectedRevision: 'any' }), 'streamId');
        await expectInvalid(store.appendToStream('$all', events(1), { expectedRevision: 'any' }), 'streamId');
        await expectInvalid(store.appendToStream('member-3', [{ ...event(), type: '' }], { expectedRevision: 'any' }), 'events[0].type');
        await expectInvalid(store.appendToStream('member-3', [{ ...event(), type: '  ' }], { expectedRevision: 'any' }), 'events[0].type');
        await expectInvalid(store.appendToStream('member-3', [{ ...event(), id: '' }], { expectedRevision: 'any' }), 'events[0].id');
        const twice = event();
        await expectInvalid(store.appendToStream('member-3', [twice, twice], { expectedRevision: 'any' }), 'events[1].id');
        await expectInvalid(store.appendToStream('member-3', events(1), { expectedRevision: -2 }), 'expectedRevision');
        await expectInvalid(store.appendToStream('member-3', events(1), { expectedRevision: 1.5 }), 'expectedRevision');
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('idempotent appends', () => {
      it('re-appending the same ids with the same expected revision succeeds without duplicating', async () => {
        const store = await emptyStore();
        await store.appendToStream('member-4', events(1), { expectedRevision: 'no_stream' });
        const batch = events(2);
        const first = await store.appendToStream('member-4', batch, { expectedRevision: 0 });
        const again = await store.appendToStream('member-4', batch, { expectedRevision: 0 });
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(comparePositions(again.position, first.position)).toBe(0);
        expect(await store.readStream('member-4')).toHaveLength(3);
        expect(await settledAll(store, 3)).toHaveLength(3);
      });

      it('re-appending a stream-creating batch with no_stream, or any batch with any, succeeds without duplicating', async () => {
        const store = await emptyStore();
        const created = events(2);
        await store.appendToStream('member-5', created, { expectedRevision: 'no_stream' });
        const later = events(1);
        await store.appendToStream('member-5', later, { expectedRevision: 'any' });
        expect((await store.appendToStream('member-5', created, { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(1);
        expect((await store.appendToStream('member-5', later, { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
        expect((await store.readStream('member-5')).map((recorded) => recorded.id)).toEqual([...created, ...later].map((sent) => sent.id));
      });

      it('the same ids at another place of the stream are rejected and append nothing', async () => {
        const store = await emptyStore();
        const batch = events(2);
        await store.appendToStream('member-6', batch, { expectedRevision: 'no_stream' });
        await store.appendToStream('member-6', events(1), { expectedRevision: 1 });
        await expectWrongRevision(store.appendToStream('member-6', batch, { expectedRevision: 1 }), 'member-6', 1, 2);
        await expect(store.appendToStream('member-6', [batch[1], event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(EventStoreError);
        expect(await store.readStream('member-6')).toHaveLength(3);
      });
    });

    describe('multi-stream appends (appendToStreams)', () => {
      it('appends to new and existing streams in one call; results in call order; $all in batch order', async () => {
        const store = await emptyStore();
        await store.appendToStream('savingsAccount-2', events(2), { expectedRevision: 'no_stream' });
        const parts = [
          { streamId: 'savingsAccount-1', events: events(2), expectedRevision: 'no_stream' as const },
          { streamId: 'savingsAccount-2', events: events(1), expectedRevision: 1 },
          { streamId: 'savingsAccount-3', events: events(1), expectedRevision: 'any' as const },
        ];
        const results = await store.appendToStreams(parts);
        expect(results.map((result) => [result.streamId, result.nextExpectedRevision])).toEqual([
          ['savingsAccount-1', 1],
          ['savingsAccount-2', 2],
          ['savingsAccount-3', 0],
        ]);
        expect(ids(await store.readStream('savingsAccount-1'))).toEqual(ids(parts[0].events as RecordedEvent[]));
        expect(revisions(await store.readStream('savingsAccount-2'))).toEqual([0, 1, 2]);
        const all = await settledAll(store, 6);
        expect(ids(all.slice(2))).toEqual(parts.flatMap((part) => part.events.map((sent) => sent.id)));
        expectStrictlyIncreasing(all);
        for (const result of results) {
          const last = (await store.readStream(result.streamId, { direction: 'backwards', maxCount: 1 }))[0];
          expect(comparePositions(last.position, result.position)).toBe(0);
        }
      });

      it('one stream at the wrong revision rejects the whole call, naming that stream; nothing is appended anywhere', async () => {
        const store = await emptyStore();
        await store.appendToStream('loan-2', events(1), { expectedRevision: 'no_stream' });
        const call = store.appendToStreams([
          { streamId: 'loan-1', events: events(1), expectedRevision: 'no_stream' },
          { streamId: 'loan-2', events: events(1), expectedRevision: 'no_stream' },
          { streamId: 'loan-3', events: events(1), expectedRevision: 'any' },
        ]);
        await expectWrongRevision(call, 'loan-2', 'no_stream', 0);
        expect(await store.readStream('loan-1')).toEqual([]);
        expect(await store.readStream('loan-2')).toHaveLength(1);
        expect(await store.readStream('loan-3')).toEqual([]);
        // The rolled-back streams were not left behind half-created.
        expect((await store.appendToStream('loan-1', events(1), { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(0);
        await expectWrongRevision(
          store.appendToStreams([
            { streamId: 'loan-4', events: events(1), expectedRevision: 'any' },
            { streamId: 'loan-5', events: events(1), expectedRevision: 3 },
          ]),
          'loan-5',
          3,
          'no_stream',
        );
        expect(await store.readStream('loan-4')).toEqual([]);
      });

      it('an event id already recorded in another stream rejects the whole call, naming the stream', async () => {
        const store = await emptyStore();
        const taken = events(1);
        await store.appendToStream('member-10', taken, { expectedRevision: 'no_stream' });
        const call = store.appendToStreams([
          { streamId: 'member-11', events: events(1), expectedRevision: 'no_stream' },
          { streamId: 'member-12', events: [event(), taken[0]], expectedRevision: 'no_stream' },
        ]);
        await expect(call).rejects.toBeInstanceOf(EventStoreError);
        await expect(call).rejects.toMatchObject({ streamId: 'member-12' });
        expect(await store.readStream('member-11')).toEqual([]);
        expect(await store.readStream('member-12')).toEqual([]);
      });

      it('re-sending a call is idempotent per stream: recorded parts answer as first time, new parts are appended', async () => {
        const store = await emptyStore();
        await store.appendToStream('savingsAccount-9', events(1), { expectedRevision: 'no_stream' });
        const parts = [
          { streamId: 'savingsAccount-8', events: events(2), expectedRevision: 'no_stream' as const },
          { streamId: 'savingsAccount-9', events: events(1), expectedRevision: 0 },
        ];
        const first = await store.appendToStreams(parts);
        const again = await store.appendToStreams(parts);
        expect(again.map((result) => result.nextExpectedRevision)).toEqual(first.map((result) => result.nextExpectedRevision));
        again.forEach((result, index) => expect(comparePositions(result.position, first[index].position)).toBe(0));
        expect(await store.readStream('savingsAccount-8')).toHaveLength(2);
        expect(await store.readStream('savingsAccount-9')).toHaveLength(2);

        const fresh = { streamId: 'savingsAccount-7', events: events(1), expectedRevision: 'no_stream' as const };
        const mixed = await store.appendToStreams([parts[1], fresh]);
        expect(comparePositions(mixed[0].position, first[1].position)).toBe(0);
        expect(mixed[1].nextExpectedRevision).toBe(0);
        expect(await store.readStream('savingsAccount-9')).toHaveLength(2);
        expect(await settledAll(store, 5)).toHaveLength(5);
      });

      it('malformed calls get InvalidAppendError naming the part and field, oversized events EventTooLargeError; nothing is appended', async () => {
        const store = await emptyStore();
        const ok = { streamId: 'member-20', events: events(1), expectedRevision: 'any' as const };
        await expectInvalid(store.appendToStreams([]), 'appends');
        await expectInvalid(store.appendToStreams([ok, { ...ok, events: events(1) }]), 'appends[1].streamId');
        await expectInvalid(store.appendToStreams([ok, { streamId: 'member-21', events: [{ ...event(), id: 'nope' }], expectedRevision: 'any' }]), 'appends[1].events[0].id');
        await expectInvalid(store.appendToStreams([ok, { streamId: 'member-21', events: [], expectedRevision: 'any' }]), 'appends[1].events');
        await expectInvalid(store.appendToStreams([ok, { streamId: 'member 21', events: events(1), expectedRevision: 'any' }]), 'appends[1].streamId');
        await expectInvalid(store.appendToStreams([ok, { streamId: 'member-21', events: ok.events, expectedRevision: 'any' }]), 'appends[1].events[0].id');
        await expectInvalid(store.appendToStreams([ok, { streamId: 'member-21', events: events(1), expectedRevision: -3 }]), 'appends[1].expectedRevision');
        const big = store.appendToStreams([ok, { streamId: 'member-21', events: [event({ blob: 'x'.repeat(1024 * 1024 + 1) })], expectedRevision: 'any' }]);
        await expect(big).rejects.toBeInstanceOf(EventTooLargeError);
        expect(await store.readStream('member-20')).toEqual([]);
        expect(await store.readStream('member-21')).toEqual([]);
      });

      it('concurrent calls expecting the same revision of a shared stream: exactly one wins, the losers append nothing', async () => {
        const store = await emptyStore();
        await store.appendToStream('savingsAccount-shared', events(1), { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 5 }, (_, index) =>
            store.appendToStreams([
              { streamId: `savingsAccount-own-${index}`, events: events(1), expectedRevision: 'no_stream' },
              { streamId: 'savingsAccount-shared', events: events(1), expectedRevision: 0 },
            ]),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId: 'savingsAccount-shared' });
        expect(await store.readStream('savingsAccount-shared')).toHaveLength(2);
        const own = await store.readStreams(Array.from({ length: 5 }, (_, index) => ({ streamId: `savingsAccount-own-${index}` })));
        expect([...own.values()].reduce((sum, recorded) => sum + recorded.length, 0)).toBe(1);
      });

      it('concurrent creators of one stream, by multi-stream and single appends: exactly one wins', async () => {
        const store = await emptyStore();
        const outcomes = await Promise.allSettled([
          store.appendToStreams([{ streamId: 'member-race-2', events: events(2), expectedRevision: 'no_stream' }]),
          store.appendToStream('member-race-2', events(2), { expectedRevision: 'no_stream' }),
          store.appendToStreams([
            { streamId: 'member-race-3', events: events(1), expectedRevision: 'no_stream' },
            { streamId: 'member-race-2', events: events(2), expectedRevision: 'no_stream' },
          ]),
          store.appendToStream('member-race-2', events(2), { expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId: 'member-race-2', actual: 1 });
        expect(await store.readStream('member-race-2')).toHaveLength(2);
      });

      it('appends thousands of streams in one call (a day-end batch)', async () => {
        const store = await emptyStore();
        const parts = Array.from({ length: 1500 }, (_, index) => ({ streamId: `savingsAccount-bulk-${index}`, events: events(2), expectedRevision: 'no_stream' as const }));
        const results = await store.appendToStreams(parts);
        expect(results).toHaveLength(1500);
        expect(results.every((result, index) => result.streamId === parts[index].streamId && result.nextExpectedRevision === 1)).toBe(true);
        const all = await settledAll(store, 3000);
        expect(all).toHaveLength(3000);
        expect(ids(all)).toEqual(parts.flatMap((part) => part.events.map((sent) => sent.id)));
        const subscription = collect(subscribe(store));
        await waitFor(() => subscription.events.length >= 3000, 'the subscription to deliver the batch');
        expect(ids(subscription.events)).toEqual(ids(all));
      });
    });

    describe('reading a stream', () => {
      it('returns events as appended: ids, types, data, metadata, stream, revision, position, time', async () => {
        const store = await emptyStore();
        const sent = event({ name: 'সোনাগাছি শাখা', paise: 150_000, nested: { list: [1, 'two', null] } }, { correlationId: 'c-9', businessDate: '2024-04-01' });
        const before = Date.now();
        const result = await store.appendToStream('branch-SNG', [sent], { expectedRevision: 'no_stream' });
        const [recorded] = await store.readStream('branch-SNG');
        expect(recorded).toMatchObject({ id: sent.id, type: sent.type, data: sent.data, metadata: sent.metadata, streamId: 'branch-SNG', revision: 0 });
        expect(comparePositions(recorded.position, result.position)).toBe(0);
        expect(recorded.recordedAt).toBeInstanceOf(Date);
        expect(Math.abs(recorded.recordedAt.getTime() - before)).toBeLessThan(60_000);
      });

      it('reads forwards, from a revision, with maxCount, and a missing stream as empty', async () => {
        const store = await emptyStore();
        const sent = events(12);
        await store.appendToStream('member-7', sent.slice(0, 4), { expectedRevision: 'no_stream' });
        await store.appendToStream('member-8', events(1), { expectedRevision: 'no_stream' });
        await store.appendToStream('member-7', sent.slice(4), { expectedRevision: 3 });
        expect(ids(await store.readStream('member-7'))).toEqual(sent.map((each) => each.id));
        expect(revisions(await store.readStream('member-7', { fromRevision: 8 }))).toEqual([8, 9, 10, 11]);
        expect(revisions(await store.readStream('member-7', { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(revisions(await store.readStream('member-7', { fromRevision: 'start', maxCount: 1 }))).toEqual([0]);
        expect(await store.readStream('member-7', { fromRevision: 12 })).toEqual([]);
        expect(await store.readStream('member-missing')).toEqual([]);
      });

      it('reads backwards from the end or from a revision, with maxCount', async () => {
        const store = await emptyStore();
        await store.appendToStream('member-9', events(11), { expectedRevision: 'no_stream' });
        expect(revisions(await store.readStream('member-9', { direction: 'backwards' }))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream('member-9', { direction: 'backwards', maxCount: 2 }))).toEqual([10, 9]);
        expect(revisions(await store.readStream('member-9', { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
        expect(revisions(await store.readStream('member-9', { direction: 'backwards', fromRevision: 'end', maxCount: 1 }))).toEqual([10]);
        expect(await store.readStream('member-missing', { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('reading several streams (readStreams)', () => {
      it('reads each stream forwards from its own revision to its end; a missing stream reads as []', async () => {
        const store = await emptyStore();
        const one = events(3);
        const two = events(2);
        await store.appendToStream('loan-31', one, { expectedRevision: 'no_stream' });
        await store.appendToStream('loan-32', two, { expectedRevision: 'no_stream' });
        const read = await store.readStreams([{ streamId: 'loan-31', fromRevision: 1 }, { streamId: 'loan-32' }, { streamId: 'loan-33' }, { streamId: 'loan-32-x', fromRevision: 5 }]);
        expect([...read.keys()].sort()).toEqual(['loan-31', 'loan-32', 'loan-32-x', 'loan-33']);
        expect(ids(read.get('loan-31')!)).toEqual(ids(one.slice(1) as RecordedEvent[]));
        expect(revisions(read.get('loan-31')!)).toEqual([1, 2]);
        expect(read.get('loan-32')).toEqual(await store.readStream('loan-32'));
        expect(read.get('loan-33')).toEqual([]);
        expect(await store.readStreams([])).toEqual(new Map());
      });
    });

    describe('reading $all', () => {
      it('returns every event in global order, pages from a position (exclusive), and reports the head', async () => {
        const store = await emptyStore();
        expect(await store.headPosition()).toBe('start');
        expect(await store.readAll()).toEqual([]);
        const appended: string[] = [];
        for (const [stream, count] of [['member-a', 2], ['member-b', 3], ['member-a', 1], ['loan-c', 4]] as const) {
          const batch = events(count);
          await store.appendToStream(stream, batch, { expectedRevision: 'any' });
          appended.push(...batch.map((each) => each.id));
        }
        const all = await settledAll(store, appended.length);
        expect(ids(all)).toEqual(appended);
        expectStrictlyIncreasing(all);
        expect(comparePositions(await store.headPosition(), all[all.length - 1].position)).toBe(0);

        const paged: RecordedEvent[] = [];
        let from: Position | 'start' = 'start';
        for (;;) {
          const page = await store.readAll({ fromPosition: from, maxCount: 3 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(3);
          paged.push(...page);
          from = page[page.length - 1].position;
        }
        expect(ids(paged)).toEqual(appended);
        expect(ids(await store.readAll({ fromPosition: all[4].position }))).toEqual(appended.slice(5));
        expect(await store.readAll({ fromPosition: all[all.length - 1].position })).toEqual([]);
      });
    });

    describe('catch-up subscription to $all', () => {
      it('hands over history, then live events, in order, with no gap or duplicate', async () => {
        const store = await emptyStore();
        const history = events(4);
        await store.appendToStream('member-s1', history.slice(0, 2), { expectedRevision: 'no_stream' });
        await store.appendToStream('member-s2', history.slice(2), { expectedRevision: 'no_stream' });
        const received = collect(subscribe(store));
        await waitFor(() => received.events.length >= 4, 'history');
        const live = events(3);
        await store.appendToStream('member-s1', live.slice(0, 1), { expectedRevision: 1 });
        await store.appendToStream('member-s3', live.slice(1), { expectedRevision: 'no_stream' });
        await waitFor(() => received.events.length >= 7, 'live events');
        expect(ids(received.events)).toEqual([...history, ...live].map((each) => each.id));
        expectStrictlyIncreasing(received.events);
        expect(received.failure).toBeUndefined();
      });

      it('catches up across many batches of history', async () => {
        const store = await emptyStore();
        const sent: string[] = [];
        for (let index = 0; index < 3; index += 1) {
          const batch = events(400);
          await store.appendToStream(`bulk-${index}`, batch, { expectedRevision: 'no_stream' });
          sent.push(...batch.map((each) => each.id));
        }
        const received = collect(subscribe(store));
        await waitFor(() => received.events.length >= sent.length, 'all 1,200 events');
        expect(ids(received.events)).toEqual(sent);
      });

      it('resumes strictly after a stored position', async () => {
        const store = await emptyStore();
        await store.appendToStream('member-r', events(5), { expectedRevision: 'no_stream' });
        const first = collect(subscribe(store));
        await waitFor(() => first.events.length >= 3, 'three events');
        const checkpoint = first.events[2].position;
        await first.subscription.close();
        await first.finished;

        const resumed = collect(subscribe(store, checkpoint));
        const more = events(2);
        await store.appendToStream('member-r', more, { expectedRevision: 4 });
        await waitFor(() => resumed.events.length >= 4, 'events after the checkpoint');
        const all = await store.readAll();
        expect(ids(resumed.events)).toEqual(ids(all.slice(3)));
      });

      it('close() ends the iteration while it waits for live events', async () => {
        const store = await emptyStore();
        await store.appendToStream('member-c', events(1), { expectedRevision: 'no_stream' });
        const received = collect(subscribe(store));
        await waitFor(() => received.events.length === 1, 'the first event');
        await received.subscription.close();
        await received.finished;
        expect(received.failure).toBeUndefined();
        expect(received.events).toHaveLength(1);
      });

      it('store.close() ends its open subscriptions', async () => {
        const handle = await factory();
        try {
          const received = collect(handle.store.subscribeToAll());
          await handle.store.close();
          await received.finished;
          expect(received.failure).toBeUndefined();
        } finally {
          await handle.cleanup();
        }
      });
    });

    describe('concurrency: late commits are never skipped', () => {
      it('a transaction committing late with a lower position is delivered to a reader that checkpointed meanwhile', async () => {
        const holdFirst = new Gate();
        const firstWaiting = new Gate();
        const handle = await open({
          beforeCommit: async ({ streamId }) => {
            if (streamId !== 'member-late') return;
            firstWaiting.open();
            await holdFirst.wait();
          },
        });
        const { store } = handle;
        const received = collect(subscribe(store));
        const late = events(1);
        const early = events(1);
        const lateAppend = store.appendToStream('member-late', late, { expectedRevision: 'no_stream' });
        await firstWaiting.wait();
        const earlyAppend = store.appendToStream('member-early', early, { expectedRevision: 'no_stream' });

        // With one connection (PGlite) the second append cannot run before the first commits, and
        // neither can a read; with a server it commits now, and a reader checkpoints after it.
        let checkpoint: Position | 'start' = 'start';
        const seenBefore: RecordedEvent[] = [];
        if (!handle.serialisesTransactions) {
          await earlyAppend;
          seenBefore.push(...(await store.readAll()));
          if (seenBefore.length > 0) checkpoint = seenBefore[seenBefore.length - 1].position;
          await delay(20); // give the live subscriber a chance to run its read in between too
        }
        holdFirst.open();
        await Promise.all([lateAppend, earlyAppend]);

        const seenAfter = await settledAllFrom(store, checkpoint, 2 - seenBefore.length);
        const reader = ids([...seenBefore, ...seenAfter]);
        expect([...reader].sort()).toEqual([late[0].id, early[0].id].sort());
        await waitFor(() => received.events.length >= 2, 'both events on the subscription');
        expect([...ids(received.events)].sort()).toEqual([late[0].id, early[0].id].sort());
        expectStrictlyIncreasing(received.events);
      });

      it(`every committed event reaches a live subscriber exactly once, in position order (${runs} runs)`, async () => {
        const handle = await open({ beforeCommit: () => delay(Math.random() < 0.25 ? 0 : Math.floor(Math.random() * 8)) });
        const { store } = handle;
        for (let run = 0; run < runs; run += 1) {
          const startedAt = await store.headPosition();
          const received = collect(subscribe(store, startedAt));
          const committed = await concurrentWriters(store, `run${run}`, 6, 4);
          const all = await settledAllFrom(store, startedAt, committed.length);
          expect([...ids(all)].sort()).toEqual([...committed].sort());
          await waitFor(() => received.events.length >= all.length, `run ${run}: ${all.length} events on the subscription`);
          await received.subscription.close();
          await received.finished;
          expect(received.failure).toBeUndefined();
          expect(ids(received.events)).toEqual(ids(all));
          expectStrictlyIncreasing(received.events);
        }
      });
    });
  });
}

/**
 * `writers` concurrent writers, each appending `appendsEach` batches of 1–3 events to its own stream
 * (exact expected revision) and one to a shared stream ('any'); returns the ids of committed events.
 */
async function concurrentWriters(store: EventStore, prefix: string, writers: number, appendsEach: number): Promise<string[]> {
  const committed: string[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let expected: ExpectedRevision = 'no_stream';
      for (let index = 0; index < appendsEach; index += 1) {
        const batch = events(1 + Math.floor(Math.random() * 3));
        const result: AppendResult = await store.appendToStream(`conc-${prefix}-w${writer}`, batch, { expectedRevision: expected });
        expected = result.nextExpectedRevision;
        committed.push(...batch.map((each) => each.id));
        if (index === 1) {
          const shared = events(1);
          await store.appendToStream(`conc-${prefix}-shared`, shared, { expectedRevision: 'any' });
          committed.push(shared[0].id);
        }
      }
    }),
  );
  return committed;
}

interface Collected {
  readonly subscription: AllSubscription;
  readonly events: RecordedEvent[];
  readonly finished: Promise<void>;
  failure?: unknown;
}

/** Iterates a subscription in the background, collecting its events until it ends. */
function collect(subscription: AllSubscription): Collected {
  const collected: Collected = { subscription, events: [], finished: Promise.resolve() };
  (collected as { finished: Promise<void> }).finished = (async () => {
    try {
      for await (const recorded of subscription) collected.events.push(recorded);
    } catch (error) {
      collected.failure = error;
    }
  })();
  return collected;
}

function event(data: unknown = { paise: 1000 }, metadata: Record<string, unknown> = { correlationId: randomUUID() }): EventData {
  return { id: randomUUID(), type: 'SharesPurchased', data, metadata };
}

function events(count: number): EventData[] {
  return Array.from({ length: count }, (_, index) => event({ index, paise: 1000 * (index + 1) }));
}

function ids(recorded: readonly RecordedEvent[]): string[] {
  return recorded.map((each) => each.id);
}

function revisions(recorded: readonly RecordedEvent[]): number[] {
  return recorded.map((each) => each.revision);
}

function expectStrictlyIncreasing(recorded: readonly RecordedEvent[]): void {
  for (let index = 1; index < recorded.length; index += 1) {
    if (comparePositions(recorded[index - 1].position, recorded[index].position) >= 0) {
      throw new Error(`positions not strictly increasing at ${index}: ${String(recorded[index - 1].position.prepare)} then ${String(recorded[index].position.prepare)}`);
    }
  }
}

/**
 * `$all` once it holds at least `count` events. On a shared PostgreSQL server another session's open
 * transaction holds back what `$all` may show (by design, see settledOnly), so tests wait for it.
 */
async function settledAll(store: EventStore, count: number): Promise<RecordedEvent[]> {
  let all: RecordedEvent[] = [];
  await waitFor(async () => (all = await store.readAll()).length >= count, `${count} events in $all`);
  return all;
}

/**
 * `$all` after `from` once it holds at least `count` events (see settledAll). A reader that skipped
 * an event for good still fails here: the wait times out.
 */
async function settledAllFrom(store: EventStore, from: Position | 'start', count: number): Promise<RecordedEvent[]> {
  let all: RecordedEvent[] = [];
  await waitFor(async () => (all = await store.readAll({ fromPosition: from })).length >= count, `${count} events in $all after a position`);
  return all;
}

async function expectWrongRevision(append: Promise<unknown>, streamId: string, expected: ExpectedRevision, actual: number | 'no_stream'): Promise<void> {
  await expect(append).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  await expect(append).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId, expected, actual });
}

async function expectInvalid(append: Promise<unknown>, field: string): Promise<void> {
  await expect(append).rejects.toBeInstanceOf(InvalidAppendError);
  await expect(append).rejects.toMatchObject({ code: 'INVALID_APPEND', field });
}
