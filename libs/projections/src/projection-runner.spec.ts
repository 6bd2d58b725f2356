import { randomUUID } from 'node:crypto';
import { createSqlEventStore, formatPosition, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import { openPglite, quoteIdentifier, type SqlDatabase, type SqlExecutor } from '@samabay/sql';
import { Registry } from 'prom-client';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import type { RunnerLogger } from './runner-logger';

/** Sums `Deposited` amounts (paise) per stream and counts every event it applies: double counting shows at once. */
class DepositTotals implements Projection {
  readonly version: number;
  appliedCalls = 0;
  failWhen: ((event: RecordedEvent) => boolean) | undefined;

  constructor(
    readonly name: string,
    private readonly schema: string,
    version = 1,
  ) {
    this.version = version;
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (stream_id text PRIMARY KEY, events integer NOT NULL, paise bigint NOT NULL)`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(event: RecordedEvent, tx: SqlExecutor): Promise<void> {
    this.appliedCalls++;
    if (this.failWhen?.(event)) throw new Error('projection bug (test)');
    const paise = event.type === 'Deposited' ? (event.data as { paise: number }).paise : 0;
    await tx.query(
      `INSERT INTO ${this.table} (stream_id, events, paise) VALUES ($1, 1, $2)
       ON CONFLICT (stream_id) DO UPDATE SET events = ${this.table}.events + 1, paise = ${this.table}.paise + EXCLUDED.paise`,
      [event.streamId, paise],
    );
  }

  async rows(db: SqlDatabase): Promise<Array<{ stream_id: string; events: number; paise: string }>> {
    return (await db.query<{ stream_id: string; events: number; paise: string }>(`SELECT stream_id, events, paise::text AS paise FROM ${this.table} ORDER BY stream_id`)).rows;
  }

  private get table(): string {
    return `${quoteIdentifier(this.schema)}.${quoteIdentifier(this.name)}`;
  }
}

function recordingLogger(): RunnerLogger & { errors: Array<{ details: object; message: string }> } {
  const errors: Array<{ details: object; message: string }> = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (details, message) => errors.push({ details, message }) };
}

let db: SqlDatabase;
let counter = 0;

beforeAll(async () => {
  db = await openPglite({});
});

afterAll(async () => {
  await db.close();
});

interface Fixture {
  store: EventStore;
  schema: string;
  runners: ProjectionRunner[];
  runner(projections: Projection[], options?: { batchSize?: number; registry?: Registry; logger?: RunnerLogger; lingerMs?: number }): ProjectionRunner;
  deposit(streams: number, perStream: number): Promise<Position>;
}

async function fixture(): Promise<Fixture> {
  counter++;
  const store = await createSqlEventStore({ db, schema: `es_runner_${counter}`, pollIntervalMs: 20 });
  const schema = `rm_runner_${counter}`;
  const runners: ProjectionRunner[] = [];
  let last: Position | undefined;
  return {
    store,
    schema,
    runners,
    runner(projections, options = {}) {
      const runner = new ProjectionRunner({
        db,
        store,
        projections,
        schema: `proj_runner_${counter}`,
        batchSize: options.batchSize ?? 10,
        lingerMs: options.lingerMs,
        retryDelayMs: 1,
        registry: options.registry,
        logger: options.logger ?? recordingLogger(),
      });
      runners.push(runner);
      return runner;
    },
    async deposit(streams, perStream) {
      for (let round = 0; round < perStream; round++) {
        for (let stream = 0; stream < streams; stream++) {
          const result = await store.appendToStream(
            `account-${stream}`,
            [{ id: randomUUID(), type: 'Deposited', data: { paise: 100 * (stream + 1) }, metadata: {} }],
            { expectedRevision: 'any' },
          );
          last = result.position;
        }
      }
      if (!last) throw new Error('nothing appended');
      return last;
    },
  };
}

const fixtures: Fixture[] = [];
async function setUp(): Promise<Fixture> {
  const created = await fixture();
  fixtures.push(created);
  return created;
}

afterEach(async () => {
  for (const { runners, store } of fixtures.splice(0)) {
    for (const runner of runners) await runner.stop();
    await store.close();
  }
});

describe('ProjectionRunner', () => {
  it('applies history and live events, one checkpoint per projection, and lets a client wait for its write', async () => {
    const f = await setUp();
    const historyHead = await f.deposit(3, 5);
    const totals = new DepositTotals('totals', f.schema);
    const runner = f.runner([totals]);
    await runner.start();
    expect(await runner.waitForPosition(historyHead, 10_000)).toBe(true);

    const liveHead = await f.deposit(3, 1);
    expect(await runner.waitForPosition(liveHead, 10_000)).toBe(true);
    expect(formatPosition(runner.position())).toBe(formatPosition(liveHead));
    expect(await totals.rows(db)).toEqual([
      { stream_id: 'account-0', events: 6, paise: '600' },
      { stream_id: 'account-1', events: 6, paise: '1200' },
      { stream_id: 'account-2', events: 6, paise: '1800' },
    ]);
    const stored = await db.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position::text AS commit_position, prepare_position::text AS prepare_position FROM proj_runner_${counter}.checkpoints WHERE name = 'totals'`,
    );
    expect(stored.rows).toEqual([{ commit_position: liveHead.commit.toString(), prepare_position: liveHead.prepare.toString() }]);
  });

  it('answers false when the position is not reached in time', async () => {
    const f = await setUp();
    const head = await f.deposit(1, 1);
    const runner = f.runner([new DepositTotals('totals', f.schema)]);
    await runner.start();
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    const beyond: Position = { commit: head.commit + 1_000_000n, prepare: 0n };
    expect(await runner.waitForPosition(beyond, 50)).toBe(false);
  });

  it('stops loudly on a poison event and, restarted, resumes from its checkpoint without double counting', async () => {
    const f = await setUp();
    const head = await f.deposit(5, 7); // 35 events, batches of 10
    const totals = new DepositTotals('totals', f.schema);
    const registry = new Registry();
    const logger = recordingLogger();
    const crashing = f.runner([totals], { registry, logger });
    totals.failWhen = (event) => event.streamId === 'account-2' && event.revision === 4; // event #23 in $all order
    await crashing.start();
    expect(await crashing.waitForPosition(head, 5_000)).toBe(false);

    expect(crashing.status()).toBe('failed');
    expect(crashing.failure()).toMatchObject({ projection: 'totals', eventType: 'Deposited', streamId: 'account-2', errorMessage: 'projection bug (test)' });
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0].message).toMatch(/poison event/);
    expect(await registry.getSingleMetricAsString('samabay_projection_poison_events_total')).toContain('samabay_projection_poison_events_total{projection="totals",event_type="Deposited"} 1');
    expect(await registry.getSingleMetricAsString('samabay_projection_runner_failed')).toMatch(/samabay_projection_runner_failed 1/);
    const committed = (await totals.rows(db)).reduce((sum, row) => sum + row.events, 0);
    expect(committed).toBe(22); // two full batches + the good events of the third, one by one
    await crashing.stop();

    totals.failWhen = undefined;
    totals.appliedCalls = 0;
    const restarted = f.runner([totals]);
    await restarted.start();
    expect(await restarted.waitForPosition(head, 10_000)).toBe(true);
    expect(totals.appliedCalls).toBe(35 - 22);
    expect(await totals.rows(db)).toEqual([
      { stream_id: 'account-0', events: 7, paise: '700' },
      { stream_id: 'account-1', events: 7, paise: '1400' },
      { stream_id: 'account-2', events: 7, paise: '2100' },
      { stream_id: 'account-3', events: 7, paise: '2800' },
      { stream_id: 'account-4', events: 7, paise: '3500' },
    ]);
  });

  it('skips, per projection, the events at or below its own checkpoint', async () => {
    const f = await setUp();
    const firstHead = await f.deposit(2, 3);
    const existing = new DepositTotals('existing', f.schema);
    const first = f.runner([existing]);
    await first.start();
    expect(await first.waitForPosition(firstHead, 10_000)).toBe(true);
    await first.stop();

    const secondHead = await f.deposit(2, 1);
    existing.appliedCalls = 0;
    const added = new DepositTotals('added', f.schema);
    const second = f.runner([existing, added]);
    await second.start();
    expect(await second.waitForPosition(secondHead, 10_000)).toBe(true);
    expect(existing.appliedCalls).toBe(2);
    expect(added.appliedCalls).toBe(8);
    expect(await existing.rows(db)).toEqual(await added.rows(db));
  });

  it('rebuild resets and replays from position 0 to the same rows, reporting progress', async () => {
    const f = await setUp();
    const head = await f.deposit(4, 6);
    const totals = new DepositTotals('totals', f.schema);
    const runner = f.runner([totals], { batchSize: 7 });
    await runner.start();
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    const before = await totals.rows(db);

    const progress: number[] = [];
    const result = await runner.rebuild(({ eventsReplayed }) => progress.push(eventsReplayed));
    expect(progress).toEqual([7, 14, 21, 24]);
    expect(formatPosition(result.position)).toBe(formatPosition(head));
    expect(await totals.rows(db)).toEqual(before);
    expect(runner.status()).toBe('running');

    const liveHead = await f.deposit(1, 1);
    expect(await runner.waitForPosition(liveHead, 10_000)).toBe(true);
    expect((await totals.rows(db))[0]).toEqual({ stream_id: 'account-0', events: 7, paise: '700' });
  });

  it('resets and replays a projection whose version changed', async () => {
    const f = await setUp();
    const head = await f.deposit(2, 2);
    const v1 = new DepositTotals('totals', f.schema, 1);
    const first = f.runner([v1]);
    await first.start();
    expect(await first.waitForPosition(head, 10_000)).toBe(true);
    await first.stop();

    const v2 = new DepositTotals('totals', f.schema, 2);
    const second = f.runner([v2]);
    await second.start();
    expect(await second.waitForPosition(head, 10_000)).toBe(true);
    expect(v2.appliedCalls).toBe(4);
    expect(await v2.rows(db)).toEqual([
      { stream_id: 'account-0', events: 2, paise: '200' },
      { stream_id: 'account-1', events: 2, paise: '400' },
    ]);
  });

  it('lingering gathers live events into full batches, woken by a full batch rather than the timer', async () => {
    const f = await setUp();
    const registry = new Registry();
    const totals = new DepositTotals('totals', f.schema);
    const runner = f.runner([totals], { batchSize: 6, lingerMs: 600_000, registry });
    await runner.start();
    const head = await f.deposit(6, 1); // six appends, one event each
    expect(await runner.waitForPosition(head, 30_000)).toBe(true);
    expect(await registry.getSingleMetricAsString('samabay_projection_batches_total')).toMatch(/samabay_projection_batches_total 1$/m);
  });

  it('lingering still applies a lone event once the linger time is over', async () => {
    const f = await setUp();
    const runner = f.runner([new DepositTotals('totals', f.schema)], { batchSize: 50, lingerMs: 20 });
    await runner.start();
    expect(await runner.waitForPosition(await f.deposit(1, 1), 30_000)).toBe(true);
  });

  it('exposes events applied and lag in events and seconds', async () => {
    const f = await setUp();
    const head = await f.deposit(2, 3);
    const registry = new Registry();
    const totals = new DepositTotals('totals', f.schema);
    const runner = f.runner([totals], { registry });
    expect(await runner.lag()).toMatchObject({ events: 6 });
    await runner.start();
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    const text = await registry.metrics();
    expect(text).toContain('samabay_projection_events_applied_total{projection="totals"} 6');
    expect(text).toContain('samabay_projection_lag_events 0');
    expect(text).toContain('samabay_projection_lag_seconds 0');
  });
});
