/**
 * Lending benchmark (issue 5 item 7; prints numbers, asserts nothing):
 *   - schedule generation/s for the shipped products' shapes (EMI monthly, equal principal weekly, flat);
 *   - day-end ageing of a branch with `--loans` open loans (default 10,000; two loans per member, so the
 *     borrower-wise pass runs): the first day-end (every loan falls overdue: SMA classes and penalties),
 *     the next date, and an idempotent re-run;
 *   - repayments/s through the gateway (GraphQL over HTTP), 1 and 8 at a time, on distinct loans.
 * The loans are seeded by deciding their application, appraisal, approval and disbursement with the loan
 * decider and appending those events straight to the store (what the command path would write, without
 * the cost of 40,000 GraphQL calls), then waiting for the projections.
 *
 *   node tools/build.mjs && node dist/test/bench/lending.bench.js [--loans 10000] [--repayments 400] [--schedules 20000]
 */
import { randomUUID } from 'node:crypto';
import { addDaysToIsoDate, fold, type CommandContext } from '@samabay/domain-kit';
import type { EventData } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import {
  createLoanDecider,
  defaultLoanProducts,
  findProduct,
  generateSchedule,
  loanStreamId,
  productTermsOn,
  type LoanCommand,
  type LoanEvent,
  type LoanProducts,
  type LoanState,
} from '@samabay/lending';

const TELLER = { userId: 'bench-teller', role: 'teller', branchCode: 'SNG' } as const;
const MANAGER = { userId: 'bench-manager', role: 'branch_manager', branchCode: 'SNG' } as const;
const FIRST_DISBURSEMENT = '2024-01-01';
const DAY_END_DATE = '2024-03-01';
const NEXT_DATE = '2024-03-02';

/** Runs every lending measurement and prints one line each. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const loans = Number(option(argv, '--loans') ?? 10_000);
  const repayments = Number(option(argv, '--repayments') ?? 400);
  const schedules = Number(option(argv, '--schedules') ?? 20_000);
  console.log(`lending benchmark: ${loans.toLocaleString('en-US')} open loans, ${repayments} repayments, ${schedules.toLocaleString('en-US')} schedules, Node ${process.version}`);
  const products = defaultLoanProducts();
  measureSchedules(products, schedules);

  const started = performance.now();
  const platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 600_000 }));
  console.log(`\nPGlite (in-memory) — platform started in ${seconds(performance.now() - started)}`);
  try {
    const loanIds = await seedLoans(platform, products, loans);
    await measureDayEnds(platform, loans);
    await measureRepayments(platform, loanIds, repayments, 1);
    await measureRepayments(platform, loanIds.slice(repayments), repayments, 8);
  } finally {
    await platform.stop();
  }
}

function measureSchedules(products: LoanProducts, count: number): void {
  const shapes = [
    { code: 'EDU', principalPaise: 2_000_000, numberOfInstalments: 36, label: 'EMI monthly, 36, principal grace 3' },
    { code: 'HSG', principalPaise: 15_000_000, numberOfInstalments: 60, label: 'equal principal monthly, 60' },
    { code: 'BUS', principalPaise: 2_000_000, numberOfInstalments: 104, label: 'equal principal weekly, 104' },
    { code: 'OTH', principalPaise: 500_000, numberOfInstalments: 12, label: 'flat monthly, 12' },
  ];
  console.log('\nschedule generation (pure domain, exact to the paisa)');
  for (const shape of shapes) {
    const terms = productTermsOn(findProduct(products, shape.code), '2024-01-01');
    const rate = { ratePercent: terms.interest.ratePercent, per: terms.interest.per };
    const begin = performance.now();
    let checksum = 0;
    for (let index = 0; index < count; index += 1) {
      const schedule = generateSchedule({ principalPaise: shape.principalPaise + index, rate, numberOfInstalments: shape.numberOfInstalments, startDate: '2024-01-15', terms });
      checksum += schedule.totalInterestPaise;
    }
    const elapsed = performance.now() - begin;
    console.log(`  ${shape.code} ${shape.label.padEnd(36)} ${seconds(elapsed).padStart(8)}  ${rate_(count, elapsed, 'schedules/s').padStart(18)}   (interest checksum ${checksum})`);
  }
}

/** Decides and appends `count` disbursed MED loans of branch SNG (two per member), then waits for the projections. */
async function seedLoans(platform: RunningPlatform, products: LoanProducts, count: number): Promise<string[]> {
  const decider = createLoanDecider(products);
  const begin = performance.now();
  const loanIds: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const index = next++;
        const loanId = `SNG-L-${String(index + 1).padStart(6, '0')}`;
        loanIds[index] = loanId;
        const events = decideLoan(decider, loanId, index);
        const data: EventData[] = events.map((event) => ({
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { actor: TELLER.userId, branchCode: 'SNG', businessDate: FIRST_DISBURSEMENT, schemaVersion: 1, idempotencyKey: `bench-seed-${loanId}` },
        }));
        await platform.store.appendToStream(loanStreamId(loanId), data, { expectedRevision: 'no_stream' });
      }
    }),
  );
  const appended = performance.now() - begin;
  await platform.runner.waitForPosition(await platform.store.headPosition(), 3_600_000);
  const projected = performance.now() - begin;
  console.log(`  seeded ${count.toLocaleString('en-US')} loans (${(count * 4).toLocaleString('en-US')} events): appended in ${seconds(appended)}, projected by ${seconds(projected)}`);
  return loanIds;
}

/** Application → appraisal → approval → disbursement of one loan, decided in memory. */
function decideLoan(decider: ReturnType<typeof createLoanDecider>, loanId: string, index: number): LoanEvent[] {
  const memberNo = `SNG-${String(Math.floor(index / 2) + 1).padStart(6, '0')}`;
  const disbursedOn = addDaysToIsoDate(FIRST_DISBURSEMENT, index % 30);
  const eligibility = { memberStatus: 'ACTIVE', memberSince: '2020-01-01', savingsBalancePaise: 5_000_000, openLoans: index % 2, exposurePaise: 0, borrowerNpa: false } as const;
  const commands: LoanCommand[] = [
    {
      type: 'ApplyForLoan',
      loanId,
      businessDate: disbursedOn,
      actor: TELLER,
      memberNo,
      branchCode: 'SNG',
      productCode: 'MED',
      purpose: 'MEDICAL',
      amountPaise: 1_000_000 + (index % 100) * 10_000,
      numberOfInstalments: 12,
      guarantors: [],
      guarantorFacts: [],
      eligibility,
    },
    { type: 'AppraiseLoan', loanId, businessDate: disbursedOn, actor: TELLER },
    { type: 'ApproveLoan', loanId, businessDate: disbursedOn, actor: MANAGER, eligibility },
    { type: 'DisburseLoan', loanId, businessDate: disbursedOn, actor: TELLER, channel: { kind: 'CASH' }, eligibility },
  ];
  const events: LoanEvent[] = [];
  for (const command of commands) events.push(...decider.decide(command, fold(decider, events) as LoanState));
  return events;
}

async function measureDayEnds(platform: RunningPlatform, loans: number): Promise<void> {
  console.log(`\nday-end ageing of branch SNG (${loans.toLocaleString('en-US')} open loans)`);
  for (const [label, businessDate] of [
    [`first day-end ${DAY_END_DATE} (all fall overdue)`, DAY_END_DATE],
    [`next day-end ${NEXT_DATE}`, NEXT_DATE],
    [`re-run of ${NEXT_DATE} (idempotent)`, NEXT_DATE],
  ] as const) {
    const context: CommandContext = { idempotencyKey: `bench-day-end-${randomUUID()}`, businessDate, actor: MANAGER };
    // The day-end starts once the read models hold every event; that wait (the previous run's events) is shown apart.
    const waitBegin = performance.now();
    await platform.runner.waitForPosition(await platform.store.headPosition(), 3_600_000);
    const waited = performance.now() - waitBegin;
    const begin = performance.now();
    const outcome = await platform.lending.runDayEnd({ branchCode: 'SNG' }, context);
    const elapsed = performance.now() - begin;
    const aged = outcome.days.reduce((sum, day) => sum + day.loansAged, 0);
    const events = outcome.days.reduce((sum, day) => sum + day.eventsAppended, 0);
    const throughput = aged > 0 ? rate_(aged, elapsed, 'loans/s') : 'already completed';
    console.log(`  ${label.padEnd(44)} ${seconds(elapsed).padStart(8)}  ${throughput.padStart(16)}   [${aged} aged, ${events} events; projections caught up first in ${seconds(waited)}]`);
  }
}

async function measureRepayments(platform: RunningPlatform, loanIds: readonly string[], count: number, concurrency: number): Promise<void> {
  const token = issueDevToken({ secret: platform.config.jwtSecret, userId: TELLER.userId, role: 'teller', branch: 'SNG' });
  const query = `mutation ($input: RecordRepaymentInput!) { recordRepayment(input: $input) { principalOutstanding result { position } } }`;
  const run = randomUUID();
  let next = 0;
  let failures = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const input = { idempotencyKey: `bench-repay-${run}-${index}`, businessDate: NEXT_DATE, loanId: loanIds[index], amount: '500.00' };
        const response = await fetch(platform.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { input } }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) failures += 1;
      }
    }),
  );
  const elapsed = performance.now() - begin;
  console.log(`\n  recordRepayment via GraphQL, ${concurrency} at a time ${seconds(elapsed).padStart(8)}  ${rate_(count, elapsed, 'repayments/s').padStart(18)}   [${failures} failed]`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate_ = (count: number, ms: number, unit: string) => `${Math.round((count * 1000) / ms).toLocaleString('en-US')} ${unit}`;

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
