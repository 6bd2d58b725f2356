/**
 * Snapshot benchmark (prints numbers; not a test), DESIGN §4: cold command latency on a 20-year-old
 * daily-collection savings account, replaying its whole stream versus loading the latest snapshot
 * plus the events after it. The account's history is decided by the real savings decider (in memory,
 * then copied into the SQL store): from 2006-04-01 a collection and a withdrawal on each of the first
 * 28 days of every month, five more withdrawals a month and the month-end day-end (accrual; posting on
 * half-year ends) — about 14,800 events. "Cold" = a new CommandHandler (empty hot cache), as after a
 * restart or for an account evicted from the cache; each command is a deposit with a new key.
 *
 *   node tools/build.mjs && node dist/test/bench/snapshot.bench.js [--years 20] [--runs 5] [--postgres <url>] [--stores pglite,postgres]
 */
import { createSqlIdempotencyStore, createSqlSnapshotStore } from '@samabay/command-stores';
import {
  CommandHandler,
  InMemoryEventStore,
  InMemoryIdempotencyStore,
  type CommandContext,
  type Decider,
  type IdempotencyStore,
  type SnapshotStore,
} from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { createSavingsAccountDecider, defaultSavingsProducts, savingsAccountStreamId, type SavingsAccountCommand, type SavingsAccountEvent, type SavingsAccountState } from '@samabay/savings';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';

const ACCOUNT = 'SNG-000001-SD-01';
const MEMBER = 'SNG-000001';
const STREAM = savingsAccountStreamId(ACCOUNT);
const actor = { userId: 'bench', role: 'head_office', branchCode: 'SNG' } as const;
type SavingsDecider = Decider<SavingsAccountCommand, SavingsAccountEvent, SavingsAccountState>;

/** Builds the history once, then measures on each store. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const years = Number(option(argv, '--years') ?? 20);
  const runs = Number(option(argv, '--runs') ?? 5);
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const stores = (option(argv, '--stores') ?? 'pglite,postgres').split(',');
  const decider = createSavingsAccountDecider(defaultSavingsProducts());
  const begin = performance.now();
  const { history, nextDate } = await buildHistory(decider, years);
  console.log(`snapshot benchmark: a ${years}-year daily-collection account, ${history.length.toLocaleString('en-US')} events (decided in ${seconds(performance.now() - begin)}), Node ${process.version}`);
  if (stores.includes('pglite')) await measure('PGlite (in-memory)', () => openPglite(), decider, history, nextDate, runs);
  if (stores.includes('postgres')) {
    if (postgresUrl) await measure(`PostgreSQL (${new URL(postgresUrl).host})`, () => openPostgres({ connectionString: postgresUrl, maxConnections: 4 }), decider, history, nextDate, runs);
    else console.log('\nPostgreSQL: skipped (set SAMABAY_TEST_POSTGRES_URL or pass --postgres <url>)');
  }
}

interface HistoryEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

/** Decides the account's history with the real decider on an in-memory store; returns its events and the first free business date. */
async function buildHistory(decider: SavingsDecider, years: number): Promise<{ history: HistoryEvent[]; nextDate: string }> {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => new Date(), cacheSize: 10 });
  let serial = 0;
  const run = (command: SavingsAccountCommand): Promise<unknown> =>
    handler.execute({ decider, streamId: STREAM, commandType: command.type, command, context: context(`history-${++serial}`, command.businessDate), branchCode: 'SNG' });
  const base = { accountId: ACCOUNT, memberNo: MEMBER };
  const first = '2006-04-01';
  await run({ type: 'OpenAccount', ...base, businessDate: first, today: first, product: 'SAVINGS_DEPOSIT', memberStatus: 'ACTIVE', origin: 'COUNTER' });
  let year = 2006;
  let month = 4;
  for (let index = 0; index < years * 12 - 1; index += 1) {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    for (let day = 1; day <= 28; day += 1) {
      const date = `${ym}-${String(day).padStart(2, '0')}`;
      await run({ type: 'Deposit', ...base, businessDate: date, today: date, amountPaise: 10_000 });
      await run({ type: 'Withdraw', ...base, businessDate: date, today: date, amountPaise: 5_000 });
      if (day % 5 === 0) await run({ type: 'Withdraw', ...base, businessDate: date, today: date, amountPaise: 1_000 });
    }
    const monthEnd = lastDay(year, month);
    await run({ type: 'CloseBusinessDay', accountId: ACCOUNT, businessDate: monthEnd, today: monthEnd });
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  const history = (await store.readStream(STREAM)).map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
  return { history, nextDate: `${year}-${String(month).padStart(2, '0')}-02` };
}

async function measure(name: string, open: () => Promise<SqlDatabase>, decider: SavingsDecider, history: readonly HistoryEvent[], date: string, runs: number): Promise<void> {
  const db = await open();
  const suffix = Date.now().toString(36);
  const schemas = [`bench_snap_es_${suffix}`, `bench_snap_cmd_${suffix}`];
  try {
    const store = await createSqlEventStore({ db, schema: schemas[0] });
    const idempotency = await createSqlIdempotencyStore({ db, schema: schemas[1] });
    const snapshots = await createSqlSnapshotStore({ db, schema: schemas[1] });
    for (let from = 0; from < history.length; from += 1000) {
      await store.appendToStream(STREAM, history.slice(from, from + 1000), { expectedRevision: from === 0 ? 'no_stream' : from - 1 });
    }
    console.log(`\n${name}`);
    let serial = 0;
    const deposit = async (handler: CommandHandler, withDecider: SavingsDecider): Promise<number> => {
      const started = performance.now();
      const command: SavingsAccountCommand = { type: 'Deposit', accountId: ACCOUNT, memberNo: MEMBER, businessDate: date, today: date, amountPaise: 100 };
      await handler.execute({ decider: withDecider, streamId: STREAM, commandType: 'Deposit', command, context: context(`bench-${suffix}-${++serial}`, date), branchCode: 'SNG' });
      return performance.now() - started;
    };
    const handler = (withSnapshots?: SnapshotStore, idempotencyStore: IdempotencyStore = idempotency): CommandHandler =>
      new CommandHandler({ store, idempotency: idempotencyStore, clock: () => new Date(), snapshots: withSnapshots ? { store: withSnapshots, every: 500 } : undefined });

    await deposit(handler(), decider); // warm up the database and the JIT
    const replayed: number[] = [];
    for (let run = 0; run < runs; run += 1) replayed.push(await deposit(handler(), decider));
    report('cold command, whole stream replayed (before)', replayed);

    const snapshotting: SavingsDecider = { ...decider, snapshotVersion: 'bench-savings-account-1' };
    const first = handler(snapshots);
    const firstMs = await deposit(first, snapshotting);
    await first.flushSnapshots();
    console.log(`  ${'cold command, no snapshot yet (replays, then saves one)'.padEnd(58)} ${ms(firstMs).padStart(10)}`);
    const fromSnapshot: number[] = [];
    for (let run = 0; run < runs; run += 1) fromSnapshot.push(await deposit(handler(snapshots), snapshotting));
    report('cold command, snapshot + events after it (after)', fromSnapshot);
    const warm = handler(snapshots);
    await deposit(warm, snapshotting);
    const cached: number[] = [];
    for (let run = 0; run < runs; run += 1) cached.push(await deposit(warm, snapshotting));
    report('warm command (hot cache), for reference', cached);
    const { rows } = await db.query<{ bytes: string; revision: string }>(
      `SELECT octet_length(state::text)::text AS bytes, revision::text AS revision FROM ${quoteIdentifier(schemas[1])}.aggregate_snapshots ORDER BY revision DESC LIMIT 1`,
    );
    console.log(`  snapshot at revision ${rows[0]?.revision}: ${rows[0]?.bytes} bytes of state JSON`);
  } finally {
    for (const schema of schemas) await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

function report(label: string, samples: readonly number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(58)} ${ms(sorted[Math.floor(sorted.length / 2)]).padStart(10)} median  (min ${ms(sorted[0])}, max ${ms(sorted[sorted.length - 1])}, ${samples.length} runs)`);
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const context = (idempotencyKey: string, businessDate: string): CommandContext => ({ idempotencyKey, businessDate, actor });
const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
