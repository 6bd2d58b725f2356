import type { AppendOptions, EventData, EventStore, RecordedEvent } from './event-store';
import { CommandHandler, type CommandOutcome, type ExecuteCommandRequest } from './command-handler';
import type { CommandContext } from './command-context';
import { commandHash } from './command-hash';
import type { Decider, DomainEvent } from './decider';
import { deterministicEventId } from './deterministic-event-id';
import { ConcurrencyConflictError, DomainError, IdempotencyKeyReusedError, ValidationError } from './domain-error';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store';
import { InMemoryEventStore } from './testing/in-memory-event-store';
import { InMemoryIdempotencyStore } from './testing/in-memory-idempotency-store';
import { InMemorySnapshotStore } from './testing/in-memory-snapshot-store';

// A tiny example aggregate: a savings box that is opened, then receives deposits carrying the balance.
type PiggyBankEvent = DomainEvent<'PiggyBankOpened', { owner: string }> | DomainEvent<'CoinsDeposited', { paise: number; balance: number }>;

type PiggyBankCommand = { kind: 'open'; owner: string } | { kind: 'deposit'; paise: number } | { kind: 'noop' };

interface PiggyBankState {
  readonly opened: boolean;
  readonly balance: number;
  readonly deposits: number;
}

const piggyBank: Decider<PiggyBankCommand, PiggyBankEvent, PiggyBankState> = {
  initialState: { opened: false, balance: 0, deposits: 0 },
  evolve(state, event) {
    switch (event.type) {
      case 'PiggyBankOpened':
        return { ...state, opened: true };
      case 'CoinsDeposited':
        return { ...state, balance: event.data.balance, deposits: state.deposits + 1 };
    }
  },
  decide(command, state) {
    switch (command.kind) {
      case 'open':
        if (state.opened) throw new DomainError('ALREADY_OPEN', 'the piggy bank is already open');
        return [{ type: 'PiggyBankOpened', data: { owner: command.owner } }];
      case 'deposit':
        if (!state.opened) throw new DomainError('NOT_OPEN', 'open the piggy bank first');
        if (!Number.isSafeInteger(command.paise) || command.paise <= 0) throw new ValidationError('paise', 'a deposit is a positive whole number of paise');
        return [{ type: 'CoinsDeposited', data: { paise: command.paise, balance: state.balance + command.paise } }];
      case 'noop':
        return [];
    }
  },
};

const NOW = new Date('2025-03-31T20:00:00.000Z'); // 2025-04-01 01:30 in Kolkata
const STREAM = 'piggyBank-1';

function context(idempotencyKey: string, overrides: Partial<CommandContext> = {}): CommandContext {
  return { idempotencyKey, businessDate: '2025-04-01', actor: { userId: 'teller-7', role: 'teller', branchCode: 'SNG' }, ...overrides };
}

function request(idempotencyKey: string, command: PiggyBankCommand, overrides: Partial<ExecuteCommandRequest<PiggyBankCommand, PiggyBankEvent, PiggyBankState>> = {}) {
  return { decider: piggyBank, streamId: STREAM, commandType: command.kind, command, context: context(idempotencyKey), ...overrides };
}

function setup(options: { store?: EventStore; idempotency?: IdempotencyStore; maxAttempts?: number; cacheSize?: number } = {}) {
  const store = options.store ?? new InMemoryEventStore();
  const idempotency = options.idempotency ?? new InMemoryIdempotencyStore();
  const outcomes: CommandOutcome[] = [];
  const handler = new CommandHandler({ store, idempotency, clock: () => NOW, maxAttempts: options.maxAttempts, cacheSize: options.cacheSize, onOutcome: (outcome) => outcomes.push(outcome) });
  return { store, idempotency, handler, outcomes };
}

/** Lets a test run code just before an append reaches the real store (a concurrent writer). */
class InterceptingStore extends InMemoryEventStore {
  beforeAppend?: (streamId: string) => Promise<void>;
  appendCalls = 0;

  override async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions) {
    this.appendCalls++;
    const hook = this.beforeAppend;
    if (hook) await hook(streamId);
    return super.appendToStream(streamId, events, options);
  }
}

/** An idempotency store whose next `record` fails, like a process dying between append and record. */
class CrashingIdempotencyStore extends InMemoryIdempotencyStore {
  crashOnNextRecord = false;

  override async record(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    if (this.crashOnNextRecord) {
      this.crashOnNextRecord = false;
      throw new Error('simulated crash before the idempotency record was written');
    }
    return super.record(record);
  }
}

async function openedBank(handler: CommandHandler): Promise<void> {
  await handler.execute(request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }));
}

describe('CommandHandler', () => {
  describe('given an accepted command', () => {
    it('appends the decided events with deterministic ids and the envelope metadata, and answers with revision and position', async () => {
      const { handler, store } = setup();
      const answer = await handler.execute(request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }));

      const expectedId = deterministicEventId('open-key-0001', 'command', STREAM, 0);
      expect(answer).toEqual({
        streamId: STREAM,
        nextExpectedRevision: 0,
        position: { commit: 1n, prepare: 1n },
        eventIds: [expectedId],
        events: [{ type: 'PiggyBankOpened', data: { owner: 'synthetic-owner' } }],
        replayed: false,
      });
      const [stored] = await store.readStream(STREAM);
      expect(stored.id).toBe(expectedId);
      expect(stored.metadata).toEqual({
        eventId: expectedId,
        correlationId: 'open-key-0001',
        causationId: 'open-key-0001',
        actor: 'teller-7',
        actorRole: 'teller',
        branchCode: 'SNG',
        occurredAt: '2025-03-31T20:00:00.000Z',
        businessDate: '2025-04-01',
        schemaVersion: 1,
        idempotencyKey: 'open-key-0001',
        commandHash: commandHash('open', { kind: 'open', owner: 'synthetic-owner' }, '2025-04-01'),
      });
    });

    it('takes correlation and causation ids, the envelope branch and schema version from the request when given', async () => {
      const { handler, store } = setup();
      await handler.execute({
        ...request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }),
        context: context('open-key-0001', { correlationId: 'corr-1', causationId: 'cause-1' }),
        branchCode: 'KLG',
        schemaVersion: 2,
      });
      const [stored] = await store.readStream(STREAM);
      expect(stored.metadata).toMatchObject({ correlationId: 'corr-1', causationId: 'cause-1', branchCode: 'KLG', schemaVersion: 2 });
    });

    it('answers a command that decides no events without appending, and remembers that answer', async () => {
      const { handler, store } = setup();
      const appendSpy = jest.spyOn(store, 'appendToStream');
      const first = await handler.execute(request('noop-key-0001', { kind: 'noop' }));
      const again = await handler.execute(request('noop-key-0001', { kind: 'noop' }));
      expect(first).toEqual({ streamId: STREAM, nextExpectedRevision: -1, position: null, eventIds: [], events: [], replayed: false });
      expect(again).toEqual({ ...first, replayed: true });
      expect(appendSpy).not.toHaveBeenCalled();
    });

    it('stores event data as plain JSON and answers with exactly what was stored', async () => {
      const decider: Decider<{ note?: string }, DomainEvent<'Noted', { note?: string; extra?: undefined }>, null> = {
        initialState: null,
        evolve: (state) => state,
        decide: (command) => [{ type: 'Noted', data: { note: command.note, extra: undefined } }],
      };
      const { handler, store } = setup();
      const answer = await handler.execute({ decider, streamId: 'note-1', commandType: 'note', command: { note: 'hello' }, context: context('note-key-0001') });
      const [stored] = await store.readStream('note-1');
      expect(answer.events).toEqual([{ type: 'Noted', data: { note: 'hello' } }]);
      expect(Object.keys(answer.events[0].data)).toEqual(['note']);
      expect(stored.data).toEqual(answer.events[0].data);
    });
  });

  describe('given bad input', () => {
    it.each([
      ['idempotencyKey', 'BAD_IDEMPOTENCY_KEY', { idempotencyKey: 'short' }],
      ['idempotencyKey', 'BAD_IDEMPOTENCY_KEY', { idempotencyKey: 'line\nbreak-key' }],
      ['businessDate', 'BAD_DATE', { businessDate: '2011-02-31' }],
      ['businessDate', 'BAD_DATE', { businessDate: '01/04/2025' }],
      ['actor', 'BAD_ACTOR', { actor: undefined }],
      ['actor.userId', 'BAD_ACTOR', { actor: { userId: ' ', role: 'teller', branchCode: 'SNG' } }],
    ] as const)('rejects a context with a bad %s (%s) and appends nothing', async (field, code, overrides) => {
      const { handler, store } = setup();
      const bad = { ...context('valid-key-0001'), ...overrides } as CommandContext;
      const failure = handler.execute({ ...request('valid-key-0001', { kind: 'open', owner: 'x' }), context: bad });
      await expect(failure).rejects.toBeInstanceOf(ValidationError);
      await expect(failure).rejects.toMatchObject({ code, field });
      expect(await store.readAll()).toEqual([]);
    });

    it('passes a decider rejection through, appends nothing and does not remember it', async () => {
      const { handler, store, idempotency, outcomes } = setup();
      await expect(handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }))).rejects.toMatchObject({ code: 'NOT_OPEN' });
      expect(await store.readAll()).toEqual([]);
      expect(await idempotency.find('deposit-key-0001', 'command')).toBeNull();
      expect(outcomes.map((outcome) => [outcome.result, outcome.code])).toEqual([['rejected', 'NOT_OPEN']]);

      await openedBank(handler);
      const retried = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }));
      expect(retried.replayed).toBe(false);
    });
  });

  describe('given a repeated idempotency key', () => {
    it('returns the first answer with replayed: true and appends nothing, even from a handler with a cold cache', async () => {
      const { handler, store, idempotency } = setup();
      await openedBank(handler);
      const first = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }));
      const appendSpy = jest.spyOn(store, 'appendToStream');

      const again = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }));
      const fromAnotherProcess = await new CommandHandler({ store, idempotency, clock: () => NOW }).execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }));

      expect(again).toEqual({ ...first, replayed: true });
      expect(fromAnotherProcess).toEqual({ ...first, replayed: true });
      expect(appendSpy).not.toHaveBeenCalled();
      expect(await store.readStream(STREAM)).toHaveLength(2);
    });

    it('rejects the key reused with another payload (IdempotencyKeyReusedError) and appends nothing', async () => {
      const { handler, store } = setup();
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }));

      const reuse = handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 9900 }));
      await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(reuse).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
      expect(await store.readStream(STREAM)).toHaveLength(2);
    });

    it('never repeats the reused key in the error (caller-chosen free text, may hold personal data)', async () => {
      const { handler } = setup();
      await openedBank(handler);
      const key = 'Synthetic Person 9000000000';
      await handler.execute(request(key, { kind: 'deposit', paise: 1500 }));
      const error = (await handler.execute(request(key, { kind: 'deposit', paise: 9900 })).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error.message).not.toContain('Synthetic');
      expect(error.message).not.toContain('9000000000');
      expect(JSON.stringify(error)).not.toContain('Synthetic');
    });

    it('hashes payloadForHash instead of the command when given', async () => {
      const { handler } = setup();
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }, { payloadForHash: { amount: '15.00' } }));
      const same = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }, { payloadForHash: { amount: '15.00' } }));
      expect(same.replayed).toBe(true);
      await expect(handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }, { payloadForHash: { amount: '16.00' } }))).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
    });

    it('rejects the key reused on another business date (fees and prices depend on it) and appends nothing', async () => {
      const { handler, store, idempotency } = setup();
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }));
      const otherDay = { context: context('deposit-key-0001', { businessDate: '2025-04-02' }) };
      await expect(handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }, otherDay))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      const restarted = new CommandHandler({ store, idempotency, clock: () => NOW });
      await expect(restarted.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1500 }, otherDay))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await store.readStream(STREAM)).toHaveLength(2);
    });

    it('treats the same key in another scope as another command', async () => {
      const { handler, store } = setup();
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }));
      const otherScope = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }, { idempotencyScope: 'second-leg' }));
      expect(otherScope.replayed).toBe(false);
      expect(otherScope.eventIds).toEqual([deterministicEventId('deposit-key-0001', 'second-leg', STREAM, 0)]);
      expect(await store.readStream(STREAM)).toHaveLength(3);
    });

    it('answers concurrent submissions of one command with one set of events', async () => {
      const { handler, store } = setup();
      await openedBank(handler);
      const answers = await Promise.all([1, 2, 3].map(() => handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }))));
      expect(new Set(answers.map((answer) => answer.eventIds[0])).size).toBe(1);
      expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
      expect(await store.readStream(STREAM)).toHaveLength(2);
    });
  });

  describe('given a crash between the append and the idempotency record', () => {
    async function crashedDeposit() {
      const store = new InMemoryEventStore();
      const idempotency = new CrashingIdempotencyStore();
      const { handler } = setup({ store, idempotency });
      await openedBank(handler);
      idempotency.crashOnNextRecord = true;
      await expect(handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 700 }))).rejects.toThrow('simulated crash');
      expect(await idempotency.find('deposit-key-0001', 'command')).toBeNull();
      expect(await store.readStream(STREAM)).toHaveLength(2);
      return { store, idempotency, handler };
    }

    it('recognises the retry from the stream after a restart, answers it as a replay, appends nothing and writes the record', async () => {
      const { store, idempotency } = await crashedDeposit();
      const restarted = new CommandHandler({ store, idempotency, clock: () => NOW });
      const answer = await restarted.execute(request('deposit-key-0001', { kind: 'deposit', paise: 700 }));

      const [, deposited] = await store.readStream(STREAM);
      expect(answer).toEqual({
        streamId: STREAM,
        nextExpectedRevision: 1,
        position: deposited.position,
        eventIds: [deterministicEventId('deposit-key-0001', 'command', STREAM, 0)],
        events: [{ type: 'CoinsDeposited', data: { paise: 700, balance: 700 } }],
        replayed: true,
      });
      expect(await store.readStream(STREAM)).toHaveLength(2);
      expect(await idempotency.find('deposit-key-0001', 'command')).toMatchObject({ answer: { nextExpectedRevision: 1, eventIds: answer.eventIds } });
    });

    it('recognises the retry in the same process, whose cache already holds the appended events', async () => {
      const { store, handler } = await crashedDeposit();
      await handler.execute(request('deposit-key-0002', { kind: 'deposit', paise: 5 }));
      const answer = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 700 }));
      expect(answer).toMatchObject({ replayed: true, nextExpectedRevision: 1, events: [{ type: 'CoinsDeposited', data: { paise: 700, balance: 700 } }] });
      expect(await store.readStream(STREAM)).toHaveLength(3);
    });

    it('rejects the key reused with another payload after the crash', async () => {
      const { store, idempotency } = await crashedDeposit();
      const restarted = new CommandHandler({ store, idempotency, clock: () => NOW });
      await expect(restarted.execute(request('deposit-key-0001', { kind: 'deposit', paise: 800 }))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await store.readStream(STREAM)).toHaveLength(2);
    });
  });

  describe('given a concurrent writer', () => {
    it('retries on a wrong expected revision and decides on the state that includes the other write', async () => {
      const store = new InterceptingStore();
      const { handler, outcomes } = setup({ store });
      const other = setup({ store, idempotency: new InMemoryIdempotencyStore() }).handler;
      await openedBank(handler);
      store.beforeAppend = async () => {
        store.beforeAppend = undefined;
        await other.execute(request('other-writer-0001', { kind: 'deposit', paise: 300 }));
      };

      const answer = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 200 }));

      expect(answer.events).toEqual([{ type: 'CoinsDeposited', data: { paise: 200, balance: 500 } }]);
      expect(answer.nextExpectedRevision).toBe(2);
      expect((await store.readStream(STREAM)).map((event) => event.data)).toEqual([{ owner: 'synthetic-owner' }, { paise: 300, balance: 300 }, { paise: 200, balance: 500 }]);
      expect(outcomes[outcomes.length - 1]).toMatchObject({ result: 'accepted', attempts: 2 });
    });

    it('gives up with ConcurrencyConflictError after maxAttempts and appends nothing of its own', async () => {
      const store = new InterceptingStore();
      const { handler, outcomes } = setup({ store, maxAttempts: 3 });
      await openedBank(handler);
      let interruptions = 0;
      store.beforeAppend = async (streamId) => {
        const current = (await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0];
        interruptions++;
        store.beforeAppend = undefined;
        await store.appendToStream(streamId, [{ id: deterministicEventId('rival', 'rival', streamId, interruptions), type: 'CoinsDeposited', data: { paise: 1, balance: interruptions }, metadata: {} }], {
          expectedRevision: current.revision,
        });
        store.beforeAppend = rearm;
      };
      const rearm = store.beforeAppend;
      store.appendCalls = 0;

      const failure = handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 200 }));
      await expect(failure).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(failure).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
      expect(interruptions).toBe(3);
      const ids = (await store.readStream(STREAM)).map((event) => event.id);
      expect(ids).not.toContain(deterministicEventId('deposit-key-0001', 'command', STREAM, 0));
      expect(outcomes[outcomes.length - 1]).toMatchObject({ result: 'conflict', attempts: 3 });
    });

    it('does not retry other store errors', async () => {
      const store = new InterceptingStore();
      const { handler } = setup({ store });
      await openedBank(handler);
      store.beforeAppend = async () => {
        throw new Error('disk full');
      };
      store.appendCalls = 0;
      await expect(handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 200 }))).rejects.toThrow('disk full');
      expect(store.appendCalls).toBe(1);
    });

    it('queues commands on one stream within the process, so none of them conflicts', async () => {
      const { handler, store, outcomes } = setup();
      await openedBank(handler);
      const appendSpy = jest.spyOn(store, 'appendToStream');
      await Promise.all(Array.from({ length: 25 }, (_, index) => handler.execute(request(`deposit-key-${String(index).padStart(4, '0')}`, { kind: 'deposit', paise: 10 }))));
      const events = await store.readStream(STREAM);
      expect(events).toHaveLength(26);
      expect(events[25].data).toEqual({ paise: 10, balance: 250 });
      expect(appendSpy).toHaveBeenCalledTimes(25);
      expect(outcomes.every((outcome) => outcome.attempts === 1)).toBe(true);
    });

    it('treats an error with code WRONG_EXPECTED_REVISION from another adapter like the port error', async () => {
      const store = new InterceptingStore();
      const { handler } = setup({ store });
      await openedBank(handler);
      store.beforeAppend = async () => {
        store.beforeAppend = undefined;
        throw Object.assign(new Error('wrong expected version'), { code: 'WRONG_EXPECTED_REVISION' });
      };
      const answer = await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 200 }));
      expect(answer.nextExpectedRevision).toBe(1);
    });
  });

  describe('hot aggregate cache', () => {
    it('catches up by reading only the events after the cached revision', async () => {
      const store = new InMemoryEventStore();
      const { handler } = setup({ store });
      const other = setup({ store }).handler;
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }));
      await other.execute(request('other-writer-0001', { kind: 'deposit', paise: 40 }));
      const readSpy = jest.spyOn(store, 'readStream');

      const answer = await handler.execute(request('deposit-key-0002', { kind: 'deposit', paise: 1 }));

      expect(answer.events).toEqual([{ type: 'CoinsDeposited', data: { paise: 1, balance: 141 } }]);
      expect(readSpy.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([2]);
      const returned = (await readSpy.mock.results[0].value) as RecordedEvent[];
      expect(returned.map((event) => event.revision)).toEqual([2]);
    });

    it('reads the whole stream when caching is off', async () => {
      const store = new InMemoryEventStore();
      const { handler } = setup({ store, cacheSize: 0 });
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }));
      const readSpy = jest.spyOn(store, 'readStream');
      const answer = await handler.execute(request('deposit-key-0002', { kind: 'deposit', paise: 1 }));
      expect(readSpy.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0]);
      expect(answer.events[0].data).toEqual({ paise: 1, balance: 101 });
    });

    it('keeps a stale cache safe: an append the cache did not see turns into a retry, not a lost update', async () => {
      const store = new InterceptingStore();
      const { handler } = setup({ store });
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 100 }));
      store.beforeAppend = async (streamId) => {
        store.beforeAppend = undefined;
        await store.appendToStream(streamId, [{ id: deterministicEventId('rival', 'rival', streamId, 0), type: 'CoinsDeposited', data: { paise: 5, balance: 105 }, metadata: {} }], {
          expectedRevision: 1,
        });
      };
      const answer = await handler.execute(request('deposit-key-0002', { kind: 'deposit', paise: 1 }));
      expect(answer.events[0].data).toEqual({ paise: 1, balance: 106 });
    });

    it('does not hand one decider the state another decider built for the same stream', async () => {
      const counter: Decider<null, DomainEvent<'Counted', null>, number> = {
        initialState: 0,
        evolve: (count) => count + 1,
        decide: (_, count) => (count >= 3 ? [] : [{ type: 'Counted', data: null }]),
      };
      const { handler } = setup();
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1 }));
      const count = (key: string) => handler.execute({ decider: counter, streamId: STREAM, commandType: 'count', command: null, context: context(key) });
      expect((await count('count-key-0001')).nextExpectedRevision).toBe(2);
      expect(await count('count-key-0002')).toMatchObject({ nextExpectedRevision: 2, events: [] });
    });

    it('forgets a stream on evict and reloads it from the start', async () => {
      const store = new InMemoryEventStore();
      const { handler } = setup({ store });
      await openedBank(handler);
      handler.evict(STREAM);
      const readSpy = jest.spyOn(store, 'readStream');
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 1 }));
      expect(readSpy.mock.calls[0][1]?.fromRevision).toBe(0);
    });
  });

  describe('executeBatch', () => {
    const bank = (n: number) => `piggyBank-${n}`;
    const open = (n: number, key = `batch-open-${n}`) => request(key, { kind: 'open', owner: `synthetic-owner-${n}` }, { streamId: bank(n) });
    const deposit = (n: number, paise: number, key = `batch-deposit-${n}-${paise}`) => request(key, { kind: 'deposit', paise }, { streamId: bank(n) });

    /** A store whose next `appendToStreams` first lets `beforeBatch` run (a concurrent writer) or fails. */
    class BatchInterceptingStore extends InMemoryEventStore {
      beforeBatch?: () => Promise<void>;
      batchCalls = 0;
      singleCalls = 0;

      override async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions) {
        this.singleCalls++;
        return super.appendToStream(streamId, events, options);
      }

      override async appendToStreams(parts: Parameters<InMemoryEventStore['appendToStreams']>[0]) {
        this.batchCalls++;
        await this.beforeBatch?.();
        return super.appendToStreams(parts);
      }
    }

    it('appends every accepted command in one multi-stream append, with the events and ids execute would give', async () => {
      const store = new BatchInterceptingStore();
      const { handler, outcomes } = setup({ store });
      const results = await handler.executeBatch([open(1), open(2), open(3)]);
      expect(store.batchCalls).toBe(1);
      expect(store.singleCalls).toBe(0);
      expect(results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const single = await setup().handler.execute(open(2));
      expect(results[1]).toEqual({ status: 'accepted', accepted: { ...single, position: expect.anything() } });
      expect(outcomes.map((outcome) => outcome.result)).toEqual(['accepted', 'accepted', 'accepted']);

      const deposits = await handler.executeBatch([deposit(1, 100), deposit(2, 200)]);
      expect(deposits.map((result) => result.status === 'accepted' && result.accepted.events[0].data)).toEqual([
        { paise: 100, balance: 100 },
        { paise: 200, balance: 200 },
      ]);
      expect((await store.readStream(bank(2))).map((event) => event.type)).toEqual(['PiggyBankOpened', 'CoinsDeposited']);
    });

    it('reports rejections per command and still appends the others; a rejected command appends and records nothing', async () => {
      const { handler, store, idempotency } = setup();
      await handler.executeBatch([open(1), open(2)]);
      const results = await handler.executeBatch([deposit(1, 50), deposit(2, -5), deposit(3, 10), { ...deposit(4, 10), commandType: '' }]);
      expect(results[0].status).toBe('accepted');
      expect(results.slice(1).map((result) => result.status === 'rejected' && [result.error.code, result.error.field])).toEqual([
        ['VALIDATION_FAILED', 'paise'],
        ['NOT_OPEN', undefined],
        ['VALIDATION_FAILED', 'commandType'],
      ]);
      expect(await store.readStream(bank(2))).toHaveLength(1);
      expect(await store.readStream(bank(3))).toEqual([]);
      expect(await idempotency.find('batch-deposit-2--5', 'command')).toBeNull();
      expect(await idempotency.find('batch-deposit-1-50', 'command')).not.toBeNull();
    });

    it('answers a repeated batch from the idempotency records without appending; a reused key with another payload is rejected', async () => {
      const store = new BatchInterceptingStore();
      const { handler } = setup({ store });
      const first = await handler.executeBatch([open(1), open(2)]);
      const again = await handler.executeBatch([open(1), open(2)]);
      expect(store.batchCalls).toBe(1);
      again.forEach((result, index) => expect(result).toEqual({ status: 'accepted', accepted: { ...(first[index] as { accepted: object }).accepted, replayed: true } }));
      const reused = await handler.executeBatch([request('batch-open-1', { kind: 'open', owner: 'someone-else' }, { streamId: bank(1) })]);
      expect(reused[0]).toMatchObject({ status: 'rejected', error: expect.any(IdempotencyKeyReusedError) });
      expect(await store.readAll()).toHaveLength(2);
    });

    it('after a crash between the append and the records, a re-run recognises the commands from their streams', async () => {
      const store = new InMemoryEventStore();
      const idempotency = new InMemoryIdempotencyStore();
      jest.spyOn(idempotency, 'recordMany').mockRejectedValueOnce(new Error('simulated crash before the records were written'));
      await expect(setup({ store, idempotency }).handler.executeBatch([open(1), open(2)])).rejects.toThrow('simulated crash');
      expect(await store.readAll()).toHaveLength(2);
      const rerun = await setup({ store, idempotency }).handler.executeBatch([open(1), open(2), open(3)]);
      expect(rerun.map((result) => result.status === 'accepted' && result.accepted.replayed)).toEqual([true, true, false]);
      expect(await store.readAll()).toHaveLength(3);
      expect(await idempotency.find('batch-open-1', 'command')).not.toBeNull();
    });

    it('decides again on fresh state when another writer moved a stream; only a stream that keeps conflicting is rejected', async () => {
      const store = new BatchInterceptingStore();
      const { handler } = setup({ store, maxAttempts: 2 });
      await handler.executeBatch([open(1), open(2)]);
      const other = setup({ store }).handler;
      store.beforeBatch = async () => {
        store.beforeBatch = undefined;
        await other.execute(deposit(1, 1000, 'other-writer-1'));
      };
      const results = await handler.executeBatch([deposit(1, 5), deposit(2, 7)]);
      expect(results.map((result) => result.status === 'accepted' && result.accepted.events[0].data)).toEqual([
        { paise: 5, balance: 1005 },
        { paise: 7, balance: 7 },
      ]);

      let intrusions = 0;
      store.beforeBatch = async () => {
        await other.execute(deposit(2, 1, `other-writer-2-${++intrusions}`));
      };
      const contested = await handler.executeBatch([deposit(1, 3), deposit(2, 4)]);
      store.beforeBatch = undefined;
      expect(contested[1]).toMatchObject({ status: 'rejected', error: expect.any(ConcurrencyConflictError) });
      expect(contested[0]).toMatchObject({ status: 'accepted', accepted: { events: [{ data: { paise: 3, balance: 1008 } }] } });
      expect((await store.readStream(bank(2))).map((event) => (event.data as { paise?: number }).paise)).not.toContain(4);
    });

    it('answers a command that decides no event without appending, and refuses a stream named twice', async () => {
      const store = new BatchInterceptingStore();
      const { handler } = setup({ store });
      const [noop] = await handler.executeBatch([request('batch-noop-1', { kind: 'noop' }, { streamId: bank(9) })]);
      expect(noop).toMatchObject({ status: 'accepted', accepted: { position: null, nextExpectedRevision: -1, events: [] } });
      expect(store.batchCalls).toBe(0);
      await expect(handler.executeBatch([open(1), deposit(1, 5)])).rejects.toMatchObject({ code: 'DUPLICATE_STREAM_IN_BATCH' });
      expect(await store.readAll()).toEqual([]);
    });
  });

  describe('snapshots', () => {
    const snapshotting = { ...piggyBank, snapshotVersion: 'piggy-v1' };
    const depositOn = (decider: Decider<PiggyBankCommand, PiggyBankEvent, PiggyBankState>, key: string, paise: number) => ({ ...request(key, { kind: 'deposit', paise }), decider });

    function snapshotSetup(store: InMemoryEventStore, snapshots: InMemorySnapshotStore, onSaveError?: (error: unknown, streamId: string) => void) {
      return new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => NOW, snapshots: { store: snapshots, every: 5, onSaveError } });
    }

    async function history(handler: CommandHandler, deposits: number): Promise<void> {
      await handler.execute({ ...request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }), decider: snapshotting });
      for (let index = 1; index <= deposits; index += 1) await handler.execute(depositOn(snapshotting, `deposit-key-${index}`, index));
      await handler.flushSnapshots();
    }

    it('saves a snapshot every N events and loads an uncached stream from it plus the events after it', async () => {
      const store = new InMemoryEventStore();
      const snapshots = new InMemorySnapshotStore();
      await history(snapshotSetup(store, snapshots), 12);
      expect(snapshots.saves).toBe(2);
      expect((await snapshots.latest([STREAM], 'piggy-v1')).get(STREAM)).toMatchObject({ revision: 9, state: { opened: true, balance: 45, deposits: 9 } });

      const reads = jest.spyOn(store, 'readStream');
      const cold = snapshotSetup(store, snapshots);
      const answer = await cold.execute(depositOn(snapshotting, 'deposit-key-13', 13));
      expect(reads.mock.calls[0][1]?.fromRevision).toBe(10);
      expect(answer.events[0].data).toEqual({ paise: 13, balance: 91 });
    });

    it('ignores snapshots of another version, and never snapshots a decider without one', async () => {
      const store = new InMemoryEventStore();
      const snapshots = new InMemorySnapshotStore();
      await history(snapshotSetup(store, snapshots), 6);
      const reads = jest.spyOn(store, 'readStream');
      const changed = { ...piggyBank, snapshotVersion: 'piggy-v2' };
      await snapshotSetup(store, snapshots).execute(depositOn(changed, 'deposit-key-7', 7));
      expect(reads.mock.calls[0][1]?.fromRevision).toBe(0);

      const plain = new InMemorySnapshotStore();
      const handler = snapshotSetup(new InMemoryEventStore(), plain);
      await handler.execute(request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }));
      for (let index = 1; index <= 12; index += 1) await handler.execute(request(`deposit-key-${index}`, { kind: 'deposit', paise: index }));
      await handler.flushSnapshots();
      expect(plain.saves).toBe(0);
    });

    it('recognises a command appended before a crash even when the snapshot already covers it', async () => {
      const store = new InMemoryEventStore();
      const snapshots = new InMemorySnapshotStore();
      const idempotency = new CrashingIdempotencyStore();
      const handler = new CommandHandler({ store, idempotency, clock: () => NOW, snapshots: { store: snapshots, every: 5 } });
      await handler.execute({ ...request('open-key-0001', { kind: 'open', owner: 'synthetic-owner' }), decider: snapshotting });
      for (let index = 1; index <= 3; index += 1) await handler.execute(depositOn(snapshotting, `deposit-key-${index}`, index));
      idempotency.crashOnNextRecord = true;
      await expect(handler.execute(depositOn(snapshotting, 'deposit-key-4', 4))).rejects.toThrow('simulated crash');
      await handler.flushSnapshots();
      expect((await snapshots.latest([STREAM], 'piggy-v1')).get(STREAM)?.revision).toBe(4);
      const retried = await new CommandHandler({ store, idempotency, clock: () => NOW, snapshots: { store: snapshots, every: 5 } }).execute(depositOn(snapshotting, 'deposit-key-4', 4));
      expect(retried).toMatchObject({ replayed: true, nextExpectedRevision: 4 });
      expect(await store.readStream(STREAM)).toHaveLength(5);
    });

    it('a failed snapshot save is reported and never fails the command', async () => {
      const snapshots = new InMemorySnapshotStore();
      jest.spyOn(snapshots, 'save').mockRejectedValue(new Error('disk full'));
      const failures: string[] = [];
      await history(
        snapshotSetup(new InMemoryEventStore(), snapshots, (error, streamId) => failures.push(`${streamId}: ${(error as Error).message}`)),
        6,
      );
      expect(failures).toEqual([`${STREAM}: disk full`]);
    });

    it('executeBatch loads uncached streams from their snapshots', async () => {
      const store = new InMemoryEventStore();
      const snapshots = new InMemorySnapshotStore();
      await history(snapshotSetup(store, snapshots), 12);
      const reads = jest.spyOn(store, 'readStreams');
      const [result] = await snapshotSetup(store, snapshots).executeBatch([depositOn(snapshotting, 'deposit-key-13', 13)]);
      expect(reads.mock.calls[0][0]).toEqual([{ streamId: STREAM, fromRevision: 10 }]);
      expect(result).toMatchObject({ status: 'accepted', accepted: { events: [{ data: { paise: 13, balance: 91 } }] } });
    });
  });

  describe('readState', () => {
    it('loads the current state and revision without appending, and an empty stream as the initial state', async () => {
      const { handler, store } = setup();
      expect(await handler.readState(piggyBank, STREAM)).toEqual({ state: piggyBank.initialState, revision: -1 });
      await openedBank(handler);
      await handler.execute(request('deposit-key-0001', { kind: 'deposit', paise: 300 }));
      const appendSpy = jest.spyOn(store, 'appendToStream');
      expect(await new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => NOW }).readState(piggyBank, STREAM)).toEqual({
        state: { opened: true, balance: 300, deposits: 1 },
        revision: 1,
      });
      expect(await handler.readState(piggyBank, STREAM)).toMatchObject({ revision: 1 });
      expect(appendSpy).not.toHaveBeenCalled();
    });
  });

  it('rejects invalid construction options', () => {
    expect(() => new CommandHandler({ store: new InMemoryEventStore(), idempotency: new InMemoryIdempotencyStore(), clock: () => NOW, maxAttempts: 0 })).toThrow(RangeError);
  });
});
