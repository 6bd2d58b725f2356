/**
 * Term-deposit benchmark (prints numbers; not a test), issue 4 item 3: the Monthly Income Scheme payouts
 * step — for N deposits (default 2,000), six months of income each paid on the deposit and credited to the
 * member's Savings Deposit (two streams, two commands per month) — then the same step again (idempotent:
 * nothing appended). The savings service on its own on in-memory PGlite (command handler, event store,
 * savings projections in a runner).
 *
 *   node tools/build.mjs && node dist/test/bench/term-deposits.bench.js [--deposits 2000]
 */
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventData, type EventStore } from '@samabay/event-store';
import { ProjectionRunner } from '@samabay/projections';
import { createSavings, defaultSavingsProducts, type Savings } from '@samabay/savings';
import { openPglite } from '@samabay/sql';
import { randomUUID } from 'node:crypto';

const OPENED_ON = '2026-01-31';
const PAID_THROUGH = '2026-07-31';
const BRANCH = 'DHT';
const actor = { userId: 'bench', role: 'head_office', branchCode: BRANCH } as const;
const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs the measurement and prints one line per number. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const deposits = Number(option(argv, '--deposits') ?? 2_000);
  console.log(`term-deposit benchmark: Monthly Income Scheme payouts for ${deposits.toLocaleString('en-US')} deposits, ${OPENED_ON} → ${PAID_THROUGH}, Node ${process.version}`);
  const db = await openPglite();
  let runner: ProjectionRunner | undefined;
  try {
    const store = await createSqlEventStore({ db });
    const clock = (): Date => new Date();
    const handler = new CommandHandler({ store, idempotency: await createSqlIdempotencyStore({ db }), clock });
    const caughtUp = async (): Promise<void> => {
      await runner?.waitForPosition(await store.headPosition(), 600_000);
    };
    const savings = createSavings({ handler, db, products: defaultSavingsProducts(), clock, readModelsCaughtUp: caughtUp });
    runner = new ProjectionRunner({ db, store, projections: savings.projections, lingerMs: 5, logger: silentLogger });
    await runner.start();
    console.log('\nPGlite (in-memory)');

    let begin = performance.now();
    await registerMembers(store, deposits);
    await openDeposits(savings, deposits);
    await caughtUp();
    report('open SD + MIS deposit per member', begin, deposits, 'deposits/s');

    for (const label of ['pay 6 months of income (pay + credit each)', 'the same step again (nothing to do)']) {
      begin = performance.now();
      const outcome = await savings.commands.payMonthlyIncomeDue({ branchCode: BRANCH, businessDate: PAID_THROUGH }, context(`bench-income-${randomUUID()}`, PAID_THROUGH));
      const elapsed = performance.now() - begin;
      console.log(
        `  ${label.padEnd(48)} ${seconds(elapsed).padStart(9)}  ${rate(outcome.monthsPaid, elapsed, 'months/s').padStart(16)}   [${outcome.eventsAppended.toLocaleString('en-US')} events, ${outcome.failures.length} failures]`,
      );
      await caughtUp();
    }
  } finally {
    await runner?.stop();
    await db.close();
  }
}

async function registerMembers(store: EventStore, members: number): Promise<void> {
  for (let first = 1; first <= members; first += 500) {
    const events: EventData[] = [];
    for (let number = first; number < Math.min(first + 500, members + 1); number += 1) {
      events.push({ id: randomUUID(), type: 'MemberRegisteredFromLegacyRegister', data: { memberNo: memberNo(number), branchCode: BRANCH }, metadata: {} });
    }
    await store.appendToStream(`member-bench${first}`, events, { expectedRevision: 'no_stream' });
  }
}

async function openDeposits(savings: Savings, members: number): Promise<void> {
  for (let number = 1; number <= members; number += 1) {
    const member = memberNo(number);
    await savings.commands.importRegisterBalances({ memberNo: member, savingsDepositPaise: 100_000, thriftFundPaise: 0 }, context(`bench-sd-${member}`, OPENED_ON));
    await savings.commands.openMonthlyIncomeDeposit({ memberNo: member, principalPaise: 10_000_000, tenureMonths: 36, payoutAccountId: `${member}-SD-01` }, context(`bench-mis-${member}`, OPENED_ON));
  }
}

function memberNo(number: number): string {
  return `${BRANCH}-${String(number).padStart(6, '0')}`;
}

function context(idempotencyKey: string, businessDate: string): CommandContext {
  return { idempotencyKey, businessDate, actor };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function rate(count: number, ms: number, unit: string): string {
  return `${Math.round(count / (ms / 1000)).toLocaleString('en-US')} ${unit}`;
}

function report(label: string, begin: number, count: number, unit: string): void {
  const elapsed = performance.now() - begin;
  console.log(`  ${label.padEnd(48)} ${seconds(elapsed).padStart(9)}  ${rate(count, elapsed, unit).padStart(16)}`);
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
