import { CommandHandler, DomainError, type ExecuteCommandRequest } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { createLoanDecider } from '../domain/loan/loan-decider';
import { TEST_PRODUCTS } from '../testing/loan-fixtures';
import { lendingScenario, STAFF, type LendingScenario } from '../testing/lending-scenario';
import { LoanDayEndService } from './loan-day-end';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

/** A disbursed cash loan of 12,000 over 4 months at 2% a month for `memberNo` (admitted 2023, 10,000 saved). */
async function disbursedLoan(s: LendingScenario, memberNo: string, disbursedOn: string, amountPaise = 1_200_000): Promise<string> {
  const { loanId } = await s.lending.commands.applyForLoan({ memberNo, productCode: 'EDU', purpose: 'EDUCATION', amountPaise, numberOfInstalments: 4 }, s.context(disbursedOn));
  await s.lending.commands.appraiseLoan({ loanId }, s.context(disbursedOn));
  await s.lending.commands.approveLoan({ loanId }, s.context(disbursedOn, STAFF.manager));
  await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context(disbursedOn));
  return loanId;
}

async function member(s: LendingScenario, memberNo: string): Promise<void> {
  await s.admit(memberNo, '2023-01-01');
  await s.saveBalance(memberNo, 1_000_000);
}

const dayEnd = (s: LendingScenario, businessDate: string, key?: string) => s.lending.runDayEnd({ branchCode: 'SNG' }, s.context(businessDate, STAFF.manager, key));

async function loanEvents(s: LendingScenario, loanId: string) {
  return (await s.store.readStream(`loan-${loanId}`)).map((event) => ({ type: event.type, data: event.data as Record<string, unknown> }));
}

describe('lending day-end (issue 5 item 4; DESIGN §9)', () => {
  it('catches missed dates up in order, ages into SMA classes, and is idempotent for the same date', async () => {
    const s = await lendingScenario(db);
    await member(s, 'SNG-000101');
    const loanId = await disbursedLoan(s, 'SNG-000101', '2024-01-31');
    const first = await dayEnd(s, '2024-02-01');
    expect(first.days.map((day) => day.businessDate)).toEqual(['2024-02-01']);

    const caughtUp = await dayEnd(s, '2024-04-30');
    expect(caughtUp.days).toHaveLength(89);
    expect(caughtUp.days[0].businessDate).toBe('2024-02-02');
    expect(caughtUp.days.at(-1)).toMatchObject({ businessDate: '2024-04-30', loansAged: 1, loansSkipped: 0, replayed: false });
    const classified = (await loanEvents(s, loanId)).filter((event) => event.type === 'LoanArrearsClassified');
    // Instalment 1 due 2024-02-29 unpaid: SMA-0 on its own day-end, SMA-1 on day 31 (03-30), SMA-2 on day 61 (04-29).
    expect(classified.map((event) => [event.data.classifiedOn, event.data.smaClass, event.data.daysPastDue])).toEqual([
      ['2024-02-29', 'SMA_0', 1],
      ['2024-03-30', 'SMA_1', 31],
      ['2024-04-29', 'SMA_2', 61],
    ]);
    const penalties = (await loanEvents(s, loanId)).filter((event) => event.type === 'LoanPenaltyCharged');
    expect(penalties.map((event) => [event.data.chargedOn, event.data.instalmentNumber])).toEqual([
      ['2024-03-07', 1],
      ['2024-04-07', 2],
    ]);
    expect(caughtUp.position).not.toBeNull();

    const before = await s.eventCount();
    const again = await dayEnd(s, '2024-04-30');
    expect(again).toMatchObject({ alreadyCompleted: true, days: [], position: null });
    expect(await s.eventCount()).toBe(before);
    await expect(dayEnd(s, '2024-04-01')).rejects.toMatchObject({ code: 'DAY_END_ALREADY_PAST', field: 'businessDate' });
    await expect(s.lending.runDayEnd({ branchCode: 'SNG' }, s.context('2024-05-01', STAFF.teller))).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    await expect(dayEnd(s, '2025-01-01')).rejects.toMatchObject({ code: 'BUSINESS_DATE_IN_FUTURE' });
    expect(await s.eventCount()).toBe(before);
  });

  it('resumes after a crash without ageing anything twice', async () => {
    const reference = await lendingScenario(db);
    const crashed = await lendingScenario(db);
    const loans: Record<string, string[]> = {};
    for (const s of [reference, crashed]) {
      const ids: string[] = [];
      for (const memberNo of ['SNG-000101', 'SNG-000102', 'SNG-000103']) {
        await member(s, memberNo);
        ids.push(await disbursedLoan(s, memberNo, '2024-01-31'));
      }
      loans[s.schema] = ids;
      await dayEnd(s, '2024-02-28');
    }
    await dayEnd(reference, '2024-03-08');

    let calls = 0;
    const failing = {
      execute: <C, E extends { type: string; data: unknown }, S>(request: ExecuteCommandRequest<C, E, S>) => {
        // 02-29: 3 loans fall due + the completion; 03-01…03-06: nothing changes, only the completions;
        // 03-07: the penalties (day 8), the three members aged side by side — the crash hits the second loan's.
        if (++calls === 12) return Promise.reject(new Error('simulated crash'));
        return crashed.handler.execute(request);
      },
    } as unknown as CommandHandler;
    const interrupted = new LoanDayEndService({ handler: failing, loanDecider: createLoanDecider(TEST_PRODUCTS), source: crashed.lending.reader as never, readModelsCaughtUp: crashed.catchUp, clock: () => new Date('2024-12-31T06:00:00Z') });
    await expect(interrupted.runDayEnd({ branchCode: 'SNG' }, crashed.context('2024-03-08', STAFF.manager))).rejects.toThrow('simulated crash');
    const resumed = await dayEnd(crashed, '2024-03-08');
    expect(resumed.days.map((day) => day.businessDate)).toEqual(['2024-03-07', '2024-03-08']);
    // Only the second loan's penalty was missing: the others were planned from states that already hold theirs.
    expect(resumed.days[0]).toMatchObject({ loansAged: 3, eventsAppended: 1, replayed: false });

    const shape = async (s: LendingScenario) => {
      const perLoan = [];
      for (const loanId of loans[s.schema]) perLoan.push((await loanEvents(s, loanId)).map((event) => ({ ...event, data: { ...event.data, loanId: undefined } })));
      const completed = (await s.store.readStream('lendingDayEnd-SNG')).map((event) => (event.data as { businessDate: string }).businessDate);
      return { perLoan, completed };
    };
    expect(await shape(crashed)).toEqual(await shape(reference));
  });

  it('makes every loan of a member NPA when one is, dated from it, and upgrades them together when the arrears are paid', async () => {
    const s = await lendingScenario(db);
    await member(s, 'SNG-000101');
    const late = await disbursedLoan(s, 'SNG-000101', '2024-01-10');
    const onTime = await disbursedLoan(s, 'SNG-000101', '2024-03-01', 300_000);
    await dayEnd(s, '2024-03-31');
    for (const due of ['2024-04-01', '2024-05-01']) {
      await s.catchUp();
      const quote = await s.lending.reader.loanStatement(onTime, due);
      const instalment = quote!.instalments.find((line) => line.dueDate === due)!;
      await s.lending.commands.recordRepayment({ loanId: onTime, amountPaise: instalment.totalPaise }, s.context(due));
      await dayEnd(s, due);
    }
    // Instalment 1 of the late loan fell due 2024-02-10: NPA at the day-end of day 91, 2024-05-10.
    await dayEnd(s, '2024-05-09');
    await s.catchUp();
    expect((await s.lending.reader.memberLoans('SNG-000101', '2024-05-09')).npaSince).toBeNull();
    await dayEnd(s, '2024-05-10');
    await s.catchUp();
    const npa = await s.lending.reader.memberLoans('SNG-000101', '2024-05-10');
    expect(npa).toMatchObject({ npaSince: '2024-05-10', assetClass: 'SUB_STANDARD', openLoans: 2 });
    expect(npa.loans.map((loan) => [loan.loanId, loan.assetClass, loan.npaSince]).sort()).toEqual(
      [
        [late, 'SUB_STANDARD', '2024-05-10'],
        [onTime, 'SUB_STANDARD', '2024-05-10'],
      ].sort(),
    );
    expect((await loanEvents(s, onTime)).filter((event) => event.type === 'LoanArrearsClassified').at(-1)?.data).toMatchObject({ ownNpaSince: null, npaSince: '2024-05-10', daysPastDue: 0 });

    // Recovery: the late loan's arrears paid in full on 2024-05-15.
    const statement = await s.lending.reader.loanStatement(late, '2024-05-15');
    const arrears = statement!.arrears.overduePrincipalPaise + statement!.arrears.overdueInterestPaise + statement!.arrears.penaltyDuePaise;
    await s.lending.commands.recordRepayment({ loanId: late, amountPaise: arrears }, s.context('2024-05-15'));
    await dayEnd(s, '2024-05-15');
    await s.catchUp();
    const recovered = await s.lending.reader.memberLoans('SNG-000101', '2024-05-15');
    expect(recovered).toMatchObject({ npaSince: null, assetClass: 'STANDARD', overduePaise: 0 });
  });

  it('skips a loan whose own later transaction already carried it past the date', async () => {
    const s = await lendingScenario(db);
    await member(s, 'SNG-000101');
    const loanId = await disbursedLoan(s, 'SNG-000101', '2024-01-31');
    await dayEnd(s, '2024-02-01');
    await s.lending.commands.recordRepayment({ loanId, amountPaise: 10_000 }, s.context('2024-02-05'));
    const run = await dayEnd(s, '2024-02-06');
    expect(run.days.map((day) => [day.businessDate, day.loansAged, day.loansSkipped])).toEqual([
      ['2024-02-02', 0, 1],
      ['2024-02-03', 0, 1],
      ['2024-02-04', 0, 1],
      ['2024-02-05', 1, 0],
      ['2024-02-06', 1, 0],
    ]);
  });

  it('rethrows anything but a later transaction', async () => {
    const s = await lendingScenario(db);
    await member(s, 'SNG-000101');
    await disbursedLoan(s, 'SNG-000101', '2024-01-31');
    const refusing = { execute: () => Promise.reject(new DomainError('LOAN_NOT_FOUND', 'gone', 'loanId')) } as unknown as CommandHandler;
    const service = new LoanDayEndService({ handler: refusing, loanDecider: createLoanDecider(TEST_PRODUCTS), source: s.lending.reader as never, readModelsCaughtUp: s.catchUp, clock: () => new Date('2024-12-31T06:00:00Z') });
    // On 2024-02-29 the first instalment falls due, so the loan is sent an AgeLoan (and nothing is recorded as completed).
    await expect(service.runDayEnd({ branchCode: 'SNG' }, s.context('2024-02-29', STAFF.manager))).rejects.toMatchObject({ code: 'LOAN_NOT_FOUND' });
    expect(await s.store.readStream('lendingDayEnd-SNG')).toEqual([]);
  });
});
