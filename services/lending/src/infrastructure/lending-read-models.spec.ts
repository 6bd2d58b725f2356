import { fold } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { createLoanDecider } from '../domain/loan/loan-decider';
import type { LoanEvent } from '../domain/loan/loan-events';
import type { LoanSnapshot } from '../domain/loan/loan-state';
import { TEST_PRODUCTS } from '../testing/loan-fixtures';
import { lendingScenario, STAFF, type LendingScenario } from '../testing/lending-scenario';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

async function disbursedLoan(s: LendingScenario, memberNo: string, disbursedOn: string, amountPaise: number, numberOfInstalments = 4): Promise<string> {
  await s.admit(memberNo, '2022-01-01');
  await s.saveBalance(memberNo, amountPaise);
  const { loanId } = await s.lending.commands.applyForLoan({ memberNo, productCode: 'EDU', purpose: 'EDUCATION', amountPaise, numberOfInstalments }, s.context(disbursedOn));
  await s.lending.commands.appraiseLoan({ loanId }, s.context(disbursedOn));
  await s.lending.commands.approveLoan({ loanId }, s.context(disbursedOn, STAFF.manager));
  await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context(disbursedOn));
  await s.catchUp();
  return loanId;
}

/** The loan's state recomputed from its events with the decider (the reconciliation reference). */
async function recomputed(s: LendingScenario, loanId: string): Promise<LoanSnapshot> {
  const events = (await s.store.readStream(`loan-${loanId}`)).map((event) => ({ type: event.type, data: event.data }) as LoanEvent);
  return fold(createLoanDecider(TEST_PRODUCTS), events) as LoanSnapshot;
}

describe('loan account statement', () => {
  it('shows 12,000 at 2% a month over 4 months (EMI 3,151.49) against what was paid, with arrears on the date', async () => {
    const s = await lendingScenario(db);
    const loanId = await disbursedLoan(s, 'SNG-000101', '2024-01-31', 1_200_000);
    await s.lending.commands.recordRepayment({ loanId, amountPaise: 315_149 }, s.context('2024-02-29'));
    await s.lending.commands.recordRepayment({ loanId, amountPaise: 100_000 }, s.context('2024-04-05'));
    await s.catchUp();
    const statement = (await s.lending.reader.loanStatement(loanId, '2024-04-05'))!;
    expect(statement.instalments.map((line) => [line.number, line.dueDate, line.principalPaise, line.interestPaise, line.status])).toEqual([
      [1, '2024-02-29', 291_149, 24_000, 'PAID'],
      [2, '2024-03-31', 296_972, 18_177, 'OVERDUE'],
      [3, '2024-04-30', 302_911, 12_238, 'UPCOMING'],
      [4, '2024-05-31', 308_968, 6_179, 'UPCOMING'],
    ]);
    // RBI order: the 1,000 paid on 2024-04-05 goes to instalment 2's interest (181.77) first, then its principal.
    expect(statement.instalments[1]).toMatchObject({ paidInterestPaise: 18_177, paidPrincipalPaise: 100_000 - 18_177 });
    expect(statement.arrears).toMatchObject({ daysPastDue: 6, oldestOverdueDueDate: '2024-03-31', overduePrincipalPaise: 296_972 - 81_823, overdueInterestPaise: 0, smaClass: 'SMA_0' });
    expect(statement.totals).toMatchObject({ disbursedPaise: 1_200_000, repaidPaise: 415_149, principalPaidPaise: 291_149 + 81_823, interestPaidPaise: 24_000 + 18_177 });
    expect(statement.principalOutstandingPaise).toBe(1_200_000 - 291_149 - 81_823);
    expect(statement.transactions.map((line) => line.kind)).toEqual(['APPLIED', 'APPRAISED', 'APPROVED', 'DISBURSED', 'REPAYMENT', 'REPAYMENT']);
    expect(statement.transactions.at(-1)).toMatchObject({ amountPaise: 100_000, principalPaise: 81_823, interestPaise: 18_177, principalOutstandingPaise: statement.principalOutstandingPaise, actor: STAFF.teller.userId });

    const state = await recomputed(s, loanId);
    expect(statement.instalments.map((line) => [line.paidPrincipalPaise, line.paidInterestPaise])).toEqual(state.instalments.map((line) => [line.paidPrincipalPaise, line.paidInterestPaise]));
    expect(await s.lending.reader.loanStatement('SNG-L-000000', '2024-04-05')).toBeNull();
  });

  it('keeps the superseded schedule of a prepayment and quotes what closes the loan', async () => {
    const s = await lendingScenario(db);
    const loanId = await disbursedLoan(s, 'SNG-000101', '2024-01-31', 1_200_000);
    await s.lending.commands.recordRepayment({ loanId, amountPaise: 600_000 }, s.context('2024-02-29'));
    await s.catchUp();
    const statement = (await s.lending.reader.loanStatement(loanId, '2024-02-29'))!;
    expect(statement.scheduleRevisions).toHaveLength(1);
    expect(statement.scheduleRevisions[0]).toMatchObject({ revisedOn: '2024-02-29', reason: 'PREPAYMENT', fromInstalmentNumber: 2 });
    expect(statement.scheduleRevisions[0].supersededInstalments.map((line) => line.principalPaise)).toEqual([296_972, 302_911, 308_968]);
    const quote = await s.lending.reader.foreclosureQuote(loanId, '2024-03-15');
    await s.lending.commands.recordRepayment({ loanId, amountPaise: quote.totalPaise }, s.context('2024-03-15'));
    await s.catchUp();
    expect((await s.lending.reader.loanStatement(loanId, '2024-03-15'))!.principalOutstandingPaise).toBe(0);
    await expect(s.lending.reader.foreclosureQuote('SNG-L-000000', '2024-03-15')).rejects.toMatchObject({ code: 'LOAN_NOT_FOUND', field: 'loanId' });
  });
});

describe('branch portfolio', () => {
  it('issue 5: outstanding 10,000 (0 dpd), 5,000 (45 dpd), 2,000 (120 dpd) → PAR30 41.18%, PAR90 11.76%', async () => {
    const s = await lendingScenario(db);
    await disbursedLoan(s, 'SNG-000101', '2024-06-15', 1_000_000); // first instalment due 2024-07-15
    await disbursedLoan(s, 'SNG-000102', '2024-04-17', 500_000); // first instalment due 2024-05-17: day 45 on 2024-06-30
    await disbursedLoan(s, 'SNG-000103', '2024-02-03', 200_000); // first instalment due 2024-03-03: day 120 on 2024-06-30
    await disbursedLoan(s, 'KLG-000104', '2024-02-03', 300_000); // another branch
    const portfolio = await s.lending.reader.branchPortfolio('SNG', '2024-06-30');
    expect(portfolio).toMatchObject({
      branchCode: 'SNG',
      asOf: '2024-06-30',
      activeLoans: 3,
      grossPortfolioPaise: 1_700_000,
      overdueLoans: 2,
      par30: { atRiskPaise: 700_000, grossPaise: 1_700_000, percent: '41.18' },
      par90: { atRiskPaise: 200_000, grossPaise: 1_700_000, percent: '11.76' },
      npaLoans: 0,
    });
    expect(portfolio.byAssetClass.find((line) => line.assetClass === 'STANDARD')).toEqual({ assetClass: 'STANDARD', loans: 3, principalOutstandingPaise: 1_700_000 });
    expect(await s.lending.reader.branchPortfolio('DHT', '2024-06-30')).toMatchObject({ activeLoans: 0, grossPortfolioPaise: 0, par30: { percent: '0.00' } });
    await expect(s.lending.reader.branchPortfolio('sng', '2024-06-30')).rejects.toMatchObject({ code: 'INVALID_BRANCH_CODE' });
  });
});

describe('collection sheet', () => {
  it('lists what falls due on the day and what is already overdue, by member', async () => {
    const s = await lendingScenario(db);
    const dueToday = await disbursedLoan(s, 'SNG-000101', '2024-05-31', 1_200_000); // due 2024-06-30
    const overdue = await disbursedLoan(s, 'SNG-000102', '2024-04-30', 1_200_000); // due 2024-05-30 (unpaid), 2024-06-30
    const paidUp = await disbursedLoan(s, 'SNG-000103', '2024-05-15', 1_200_000); // due 2024-06-15 (paid), 2024-07-15
    await s.lending.commands.recordRepayment({ loanId: paidUp, amountPaise: 315_149 }, s.context('2024-06-15'));
    await s.catchUp();
    const sheet = await s.lending.reader.collectionSheet('SNG', '2024-06-30');
    expect(sheet.entries.map((entry) => [entry.loanId, entry.memberNo, entry.dueTodayPaise, entry.overduePaise, entry.daysPastDue])).toEqual([
      [dueToday, 'SNG-000101', 315_149, 0, 0],
      [overdue, 'SNG-000102', 315_149, 315_149, 32],
    ]);
    expect(sheet).toMatchObject({ dueTodayPaise: 630_298, overduePaise: 315_149, penaltyDuePaise: 0, totalPaise: 945_447 });
  });
});

describe('rebuild', () => {
  it('recomputes every lending read model from the events alone', async () => {
    const s = await lendingScenario(db);
    const loanId = await disbursedLoan(s, 'SNG-000101', '2024-01-31', 1_200_000);
    await s.lending.commands.recordRepayment({ loanId, amountPaise: 400_000 }, s.context('2024-03-05'));
    await s.lending.runDayEnd({ branchCode: 'SNG' }, s.context('2024-03-31', STAFF.manager));
    await s.lending.commands.rescheduleLoan({ loanId, numberOfInstalments: 6 }, s.context('2024-04-10', STAFF.manager));
    await s.catchUp();
    const read = async () => ({
      statement: await s.lending.reader.loanStatement(loanId, '2024-06-30'),
      member: await s.lending.reader.memberLoans('SNG-000101', '2024-06-30'),
      portfolio: await s.lending.reader.branchPortfolio('SNG', '2024-06-30'),
      sheet: await s.lending.reader.collectionSheet('SNG', '2024-06-30'),
      dayEnd: await s.lending.reader.dayEndState('SNG'),
    });
    const live = await read();
    expect(live.statement!.scheduleRevisions.map((revision) => revision.reason)).toEqual(['PREPAYMENT', 'RESCHEDULE']);
    expect(live.dayEnd).toEqual({ firstCompleted: '2024-03-31', lastCompleted: '2024-03-31' });
    await db.transaction(async (tx) => {
      for (const projection of s.lending.projections) await projection.reset(tx);
    });
    const events = await s.allEvents();
    await db.transaction(async (tx) => {
      for (const event of events) for (const projection of s.lending.projections) await projection.apply(event, tx);
      // Applying everything once more changes nothing (idempotent per stream revision).
      for (const event of events) for (const projection of s.lending.projections) await projection.apply(event, tx);
    });
    expect(await read()).toEqual(live);
    expect(live.statement!.instalments.map((line) => line.principalPaise)).toEqual((await recomputed(s, loanId)).instalments.map((line) => line.principalPaise));
  });
});
