/**
 * Savings benchmark (prints numbers; not a test), issue 4 item 9:
 *   - day-end for N deposit accounts (default 36,000: 18,000 members × Savings Deposit + Thrift Fund),
 *     the savings service on its own (command handler, event store, savings projections in a runner)
 *     on in-memory PGlite and — with SAMABAY_TEST_POSTGRES_URL or `--postgres <url>` — on PostgreSQL:
 *     a month end that is also a posting date (accrue + post for every account), the same day again
 *     (idempotent: nothing appended), and a catch-up of the following month (29 plain days, then a month end);
 *   - deposits/s through the gateway (GraphQL `deposit` over HTTP, 1 and 8 at a time) on the whole
 *     single-node platform, after importing the first rows of the member register with their balances.
 *
 *   node tools/build.mjs && node dist/test/bench/savings.bench.js [--accounts 36000] [--deposits 1000] [--rows 300] [--postgres <url>]
 *     [--stores pglite,postgres] [--no-gateway] [--batch-size 500]
 * Day-end goes through the command batch path (CommandHandler.executeBatch, one multi-stream append per
 * batch of accounts); `--batch-size` sets the accounts per batch.
 */
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, type CommandContext } from '@samabay/domain-kit';
import { comparePositions, createSqlEventStore, type EventData, type EventStore, type Position } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform } from '@samabay/gateway';
import { ProjectionRunner } from '@samabay/projections';
import { createGraphqlClient, importRegister } from '@samabay/register-import';
import { createSavings, defaultSavingsProducts, type Savings } from '@samabay/savings';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const OPENED_ON = '2026-03-01';
const MONTH_END = '2026-03-31';
const NEXT_MONTH_END = '2026-04-30';
const BRANCH = 'SNG';
const actor = { userId: 'bench', role: 'head_office', branchCode: BRANCH } as const;
const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs both measurements and prints one line per number. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const accounts = Number(option(argv, '--accounts') ?? 36_000);
  const deposits = Number(option(argv, '--deposits') ?? 1_000);
  const rows = Number(option(argv, '--rows') ?? 300);
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const stores = (option(argv, '--stores') ?? 'pglite,postgres').split(',');
  const batchSize = option(argv, '--batch-size') === undefined ? undefined : Number(option(argv, '--batch-size'));
  console.log(`savings benchmark: day-end for ${accounts.toLocaleString('en-US')} accounts, ${deposits} deposits through the gateway, Node ${process.version}`);
  if (stores.includes('pglite')) await dayEnd('PGlite (in-memory)', () => openPglite(), accounts, 1, batchSize);
  if (!stores.includes('postgres')) {
    // not asked for
  } else if (postgresUrl) {
    await dayEnd(`PostgreSQL (${new URL(postgresUrl).host})`, () => openPostgres({ connectionString: postgresUrl, maxConnections: 10 }), accounts, 8, batchSize);
  } else {
    console.log('\nPostgreSQL: skipped (set SAMABAY_TEST_POSTGRES_URL or pass --postgres <url>)');
  }
  if (!argv.includes('--no-gateway')) await depositsThroughGateway(rows, deposits);
}

async function dayEnd(name: string, open: () => Promise<SqlDatabase>, accounts: number, concurrency: number, batchSize: number | undefined): Promise<void> {
  const db = await open();
  const suffix = Date.now().toString(36);
  const schemas = [`bench_es_${suffix}`, `bench_cmd_${suffix}`, `bench_rm_${suffix}`, `bench_proj_${suffix}`];
  let runner: ProjectionRunner | undefined;
  try {
    const store = await createSqlEventStore({ db, schema: schemas[0] });
    const clock = (): Date => new Date();
    const handler = new CommandHandler({ store, idempotency: await createSqlIdempotencyStore({ db, schema: schemas[1] }), clock });
    const caughtUp = async (): Promise<void> => {
      await runner?.waitForPosition(await store.headPosition(), 600_000);
    };
    const savings = createSavings({ handler, db, products: defaultSavingsProducts(), clock, readModelSchema: schemas[2], readModelsCaughtUp: caughtUp, dayEndConcurrency: concurrency, dayEndBatchSize: batchSize });
    runner = new ProjectionRunner({ db, store, projections: savings.projections, schema: schemas[3], lingerMs: 5, logger: silentLogger });
    await runner.start();
    console.log(`\n${name}, day-end: ${concurrency} batch(es) of ${batchSize ?? 500} accounts in flight (account opening: ${Math.max(concurrency, 4)} commands in flight)`);

    const members = Math.ceil(accounts / 2);
    let begin = performance.now();
    const registered = await registerMembers(store, members);
    // Other sessions' transactions on a shared server can hold back the settled head: wait until it covers ours.
    while (comparePositions(await store.headPosition(), registered) < 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await caughtUp();
    await openAccounts(savings, members, concurrency);
    await caughtUp();
    report('open accounts with opening balances', begin, members * 2, 'accounts/s');

    for (const [label, date] of [
      [`day-end ${MONTH_END} (accrue + post, every account)`, MONTH_END],
      [`day-end ${MONTH_END} again (nothing to do)`, MONTH_END],
      [`day-end to ${NEXT_MONTH_END} (29 days caught up, then accrue)`, NEXT_MONTH_END],
    ] as const) {
      begin = performance.now();
      const outcome = await savings.commands.runDayEnd({ branchCode: BRANCH, businessDate: date }, context(`bench-day-end-${suffix}-${date}`, date));
      const commandsDone = performance.now();
      await caughtUp();
      const projected = performance.now();
      console.log(
        `  ${label.padEnd(58)} ${seconds(commandsDone - begin).padStart(9)}  ${rate(outcome.accountsClosed, commandsDone - begin, 'accounts/s').padStart(16)}` +
          `   [${outcome.datesClosed.length} day(s), ${outcome.eventsAppended.toLocaleString('en-US')} events; read models caught up ${seconds(projected - commandsDone)} later]`,
      );
    }
  } finally {
    await runner?.stop();
    for (const schema of schemas) await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

/** Synthetic membership events the savings service learns member statuses from (500 members per append): register members, so that the import may carry their balances over. */
async function registerMembers(store: EventStore, members: number): Promise<Position> {
  let last: Position = { commit: 0n, prepare: 0n };
  for (let first = 1; first <= members; first += 500) {
    const events: EventData[] = [];
    for (let number = first; number < Math.min(first + 500, members + 1); number += 1) {
      events.push({ id: randomUUID(), type: 'MemberRegisteredFromLegacyRegister', data: { memberNo: memberNo(number), branchCode: BRANCH }, metadata: {} });
    }
    last = (await store.appendToStream(`member-bench${first}`, events, { expectedRevision: 'no_stream' })).position;
  }
  return last;
}

async function openAccounts(savings: Savings, members: number, concurrency: number): Promise<void> {
  let next = 1;
  await Promise.all(
    Array.from({ length: Math.max(concurrency, 4) }, async () => {
      while (next <= members) {
        const number = next++;
        await savings.commands.importRegisterBalances(
          { memberNo: memberNo(number), savingsDepositPaise: 1_000_000 + number, thriftFundPaise: 250_000 + number },
          context(`bench-open-${memberNo(number)}`, OPENED_ON),
        );
      }
    }),
  );
}

async function depositsThroughGateway(rows: number, deposits: number): Promise<void> {
  const platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 60_000 }));
  try {
    const token = issueDevToken({ secret: platform.config.jwtSecret });
    const request = createGraphqlClient({ url: platform.url, token });
    const register = readFileSync(path.resolve('test/fixtures/member-register.csv'), 'utf8').split('\n');
    let begin = performance.now();
    // A trailing line break, as the register export writes one.
    const { summary } = await importRegister({ source: { text: `${register.slice(0, rows + 1).join('\n')}\n` }, request, batchSize: 100 });
    console.log(`\nwhole platform (PGlite in-memory), GraphQL over HTTP`);
    report(`import ${rows} register rows with their balances`, begin, rows, 'rows/s', `${summary.openingBalances.accounts} accounts`);
    const holders = register
      .slice(1, rows + 1)
      .map((line) => line.split(','))
      .filter((cells) => cells[13]?.trim() !== 'exited')
      .map((cells) => cells[0]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    for (const concurrency of [1, 8]) {
      let next = 0;
      begin = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < deposits) {
            const index = next++;
            const memberNo = holders[index % holders.length];
            await request(`mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`, {
              input: { idempotencyKey: `bench-deposit-${concurrency}-${index}-${Date.now()}`, businessDate: today, accountId: `${memberNo}-SD-01`, memberNo, amount: '10.00' },
            });
          }
        }),
      );
      report(`deposit, ${concurrency} at a time`, begin, deposits, 'deposits/s');
    }
  } finally {
    await platform.stop();
  }
}

const memberNo = (number: number): string => `${BRANCH}-${String(number).padStart(6, '0')}`;
const context = (idempotencyKey: string, businessDate: string): CommandContext => ({ idempotencyKey, businessDate, actor });
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rate = (count: number, ms: number, unit: string): string => `${Math.round((count * 1000) / ms).toLocaleString('en-US')} ${unit}`;

function report(label: string, begin: number, count: number, unit: string, note?: string): void {
  const elapsed = performance.now() - begin;
  console.log(`  ${label.padEnd(58)} ${seconds(elapsed).padStart(9)}  ${rate(count, elapsed, unit).padStart(16)}${note ? `   [${note}]` : ''}`);
}

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
