// Lending end to end through GraphQL (issue 5 "Done when"): the single-node platform in-process on an
// in-memory PGlite. A loan goes application → approval by a second person → disbursement → irregular
// repayments → day-ends into arrears → NPA (borrower-wise) → recovery → closure, and every figure the
// read models show is reconciled with a recomputation from the loan's events (the domain's evolve,
// arrearsOn and portfolioAtRisk over what the store holds). Every bad input of the issue gets a typed
// error and appends nothing. Savings balances are deposited through the savings service's GraphQL;
// lending learns them only from the savings events.
import { fold, formatPaiseAsRupees } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import { arrearsOn, createLoanDecider, defaultLoanProducts, portfolioAtRisk, unpaidPrincipal, type LoanEvent, type LoanSnapshot } from '@samabay/lending';

jest.setTimeout(180_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

let platform: RunningPlatform;
const tokens: Record<string, string> = {};
let keyCounter = 0;
const key = (label: string): string => `lending-e2e-${label}-${++keyCounter}`;
const rupees = formatPaiseAsRupees;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 10_000 }));
  const secret = platform.config.jwtSecret;
  tokens.headOffice = issueDevToken({ secret });
  tokens.teller = issueDevToken({ secret, userId: 'e2e-teller-sng', role: 'teller', branch: 'SNG' });
  tokens.manager1 = issueDevToken({ secret, userId: 'e2e-manager-sng-1', role: 'branch_manager', branch: 'SNG' });
  tokens.manager2 = issueDevToken({ secret, userId: 'e2e-manager-sng-2', role: 'branch_manager', branch: 'SNG' });
  tokens.klgTeller = issueDevToken({ secret, userId: 'e2e-teller-klg', role: 'teller', branch: 'KLG' });
  tokens.klgManager1 = issueDevToken({ secret, userId: 'e2e-manager-klg-1', role: 'branch_manager', branch: 'KLG' });
  tokens.klgManager2 = issueDevToken({ secret, userId: 'e2e-manager-klg-2', role: 'branch_manager', branch: 'KLG' });
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of an accepted call (fails the test with the errors otherwise). */
async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await gql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

const head = async (): Promise<string> => formatPosition(await platform.store.headPosition());

/** Expects the call to be refused with `code` (and `field`) and the store to be unchanged. */
async function refused(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<void> {
  const before = await head();
  const response = await gql(query, variables, token);
  expect(response.errors?.[0]?.extensions).toEqual({ code, ...(field ? { field } : {}) });
  expect(await head()).toBe(before);
}

const RESULT = 'result { replayed streamId revision eventIds position }';
const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`;
const APPLY = `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) { loanId ${RESULT} } }`;
const APPRAISE = `mutation ($input: AppraiseLoanInput!) { appraiseLoan(input: $input) { loanId ${RESULT} } }`;
const APPROVE = `mutation ($input: LoanCommandInput!) { approveLoan(input: $input) { loanId ${RESULT} } }`;
const DISBURSE = `mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) { loanId ${RESULT} } }`;
const REPAY = `mutation ($input: RecordRepaymentInput!) {
  recordRepayment(input: $input) { loanId ${RESULT} amount principalPaid interestPaid penaltyPaid excessRefunded principalOutstanding principalDue interestDue penaltyDue }
}`;
const CLOSE = `mutation ($input: LoanCommandInput!) { closeLoan(input: $input) { loanId ${RESULT} } }`;
const REQUEST_WRITE_OFF = `mutation ($input: LoanCommandInput!) { requestLoanWriteOff(input: $input) { loanId ${RESULT} } }`;
const WRITE_OFF = `mutation ($input: LoanCommandInput!) { writeOffLoan(input: $input) { loanId ${RESULT} } }`;
const DAY_END = `mutation ($input: RunLoanDayEndInput!) {
  runLoanDayEnd(input: $input) { branchCode businessDate alreadyCompleted position days { businessDate loansAged loansSkipped eventsAppended replayed } }
}`;
const MARK_LOSS = `mutation ($input: LoanCommandInput!) { markLoanAsLoss(input: $input) { loanId ${RESULT} } }`;
const DAY_END_STATUS = `query ($branchCode: String, $consistentWith: String) { loanDayEndStatus(branchCode: $branchCode, consistentWith: $consistentWith) { branchCode firstCompleted lastCompleted } }`;
const EXIT = `mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`;
const STATEMENT = `query ($loanId: String!, $asOf: Date, $consistentWith: String) {
  loan(loanId: $loanId, asOf: $asOf, consistentWith: $consistentWith) {
    loanId memberNo branchCode productCode purpose status amount numberOfInstalments ratePercent rateBasis annualRatePercent
    approvedBy disbursedOn endedOn asOf principalOutstanding
    totals { disbursed repaid principalPaid interestPaid penaltyPaid penaltyCharged excessRefunded writtenOff scheduledInterest }
    arrears { daysPastDue oldestOverdueDueDate overduePrincipal overdueInterest penaltyDue smaClass assetClass npaSince ownNpaSince lossMarked }
    instalments { number dueDate principal interest total paidPrincipal paidInterest penalty paidPenalty balanceAfter status }
    transactions { revision businessDate kind amount principal interest penalty principalOutstanding actor }
  }
}`;
const MEMBER_LOANS = `query ($memberNo: String!, $asOf: Date, $consistentWith: String) {
  memberLoans(memberNo: $memberNo, asOf: $asOf, consistentWith: $consistentWith) {
    memberNo openLoans principalOutstanding overdue assetClass npaSince loans { loanId status principalOutstanding daysPastDue assetClass npaSince }
  }
}`;
const PORTFOLIO = `query ($branchCode: String, $asOf: Date, $consistentWith: String) {
  branchPortfolio(branchCode: $branchCode, asOf: $asOf, consistentWith: $consistentWith) {
    branchCode asOf activeLoans grossPortfolio overdueLoans npaLoans npaOutstanding
    par30 { thresholdDays atRisk gross percent } par90 { thresholdDays atRisk gross percent }
  }
}`;
const SHEET = `query ($branchCode: String, $businessDate: Date!, $consistentWith: String) {
  collectionSheet(branchCode: $branchCode, businessDate: $businessDate, consistentWith: $consistentWith) {
    dueToday overdue penaltyDue total entries { loanId memberNo dueToday overdue penaltyDue total daysPastDue }
  }
}`;
const QUOTE = `query ($loanId: String!, $businessDate: Date!, $consistentWith: String) {
  loanForeclosureQuote(loanId: $loanId, businessDate: $businessDate, consistentWith: $consistentWith) { principal interest accruedInterest penalty total }
}`;

type Statement = {
  status: string;
  principalOutstanding: string;
  totals: Record<string, string>;
  arrears: { daysPastDue: number; overduePrincipal: string; overdueInterest: string; penaltyDue: string; smaClass: string | null; assetClass: string; npaSince: string | null };
  instalments: Array<{ number: number; dueDate: string; principal: string; interest: string; total: string; paidPrincipal: string; paidInterest: string; penalty: string; paidPenalty: string; status: string }>;
  transactions: Array<{ kind: string; amount: string | null }>;
  approvedBy: string | null;
};
type CommandPayload = { loanId: string; result: { replayed: boolean; position: string } };

const OPEN_SAVINGS = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance result { position } } }`;

const CLOSE_SAVINGS = `mutation ($input: SavingsAccountOfMemberInput!) { closeSavingsAccount(input: $input) { accountId } }`;

/** Pays out and closes the Savings Deposit account of {@link memberWithSavings} (exit is refused while it is open). */
async function settleSavings(memberNo: string, businessDate: string, token: string): Promise<void> {
  await ok(CLOSE_SAVINGS, { input: { idempotencyKey: key('close-savings'), businessDate, accountId: `${memberNo}-SD-01`, memberNo } }, token);
}

/** Admits a member through GraphQL and, when `savingsPaise` > 0, opens a Savings Deposit account and deposits into it. */
async function memberWithSavings(branchCode: string, admissionDate: string, savingsPaise: number): Promise<string> {
  const admitted = await ok<{ admitMember: { memberNo: string } }>(
    ADMIT,
    {
      input: {
        idempotencyKey: key('admit'),
        businessDate: admissionDate,
        branchCode,
        personal: { fullName: 'Synthetic Borrower', dateOfBirth: '1988-03-14' },
        shares: 1,
      },
    },
    tokens.headOffice,
  );
  const memberNo = admitted.admitMember.memberNo;
  if (savingsPaise > 0) {
    const opened = await ok<{ openSavingsAccount: { accountId: string } }>(
      OPEN_SAVINGS,
      { input: { idempotencyKey: key('open-savings'), businessDate: admissionDate, memberNo, product: 'SAVINGS_DEPOSIT' } },
      tokens.headOffice,
    );
    const deposited = await ok<{ deposit: { balance: string } }>(
      DEPOSIT,
      { input: { idempotencyKey: key('deposit'), businessDate: admissionDate, accountId: opened.openSavingsAccount.accountId, memberNo, amount: rupees(savingsPaise) } },
      tokens.headOffice,
    );
    expect(deposited.deposit.balance).toBe(rupees(savingsPaise));
  }
  return memberNo;
}

const loanInput = (loanId: string, businessDate: string, extra: Record<string, unknown> = {}) => ({ input: { idempotencyKey: key('loan'), businessDate, loanId, ...extra } });

async function dayEnd(branchCode: string, businessDate: string, token = tokens.manager1) {
  const data = await ok<{ runLoanDayEnd: { position: string | null; days: Array<{ businessDate: string; loansAged: number }> } }>(
    DAY_END,
    { input: { idempotencyKey: key('day-end'), businessDate, branchCode } },
    token,
  );
  return data.runLoanDayEnd;
}

async function repay(loanId: string, businessDate: string, amount: string, token = tokens.teller) {
  return (await ok<{ recordRepayment: Record<string, string> & CommandPayload }>(REPAY, loanInput(loanId, businessDate, { amount }), token)).recordRepayment;
}

async function statement(loanId: string, asOf: string): Promise<Statement> {
  return (await ok<{ loan: Statement }>(STATEMENT, { loanId, asOf, consistentWith: await head() }, tokens.headOffice)).loan;
}

/** The loan's events as stored, and its state folded with the decider's evolve (the recomputation). */
async function recompute(loanId: string): Promise<{ events: LoanEvent[]; state: LoanSnapshot }> {
  const events = (await platform.store.readStream(`loan-${loanId}`)).map((event) => ({ type: event.type, data: event.data }) as LoanEvent);
  return { events, state: fold(createLoanDecider(defaultLoanProducts()), events) as LoanSnapshot };
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** Every figure of the statement against the recomputation from the loan's events on `asOf`. */
async function expectReconciled(loanId: string, asOf: string): Promise<Statement> {
  const shown = await statement(loanId, asOf);
  const { events, state } = await recompute(loanId);
  const repayments = events.flatMap((event) => (event.type === 'LoanRepaymentRecorded' ? [event.data] : []));
  const disbursed = sum(events.flatMap((event) => (event.type === 'LoanDisbursed' ? [event.data.amountPaise] : [])));
  const writtenOff = sum(events.flatMap((event) => (event.type === 'LoanWrittenOff' ? [event.data.principalWrittenOffPaise + event.data.interestWrittenOffPaise + event.data.penaltyWrittenOffPaise] : [])));
  const open = state.status === 'ACTIVE';
  const outstanding = open ? sum(state.instalments.map(unpaidPrincipal)) : 0;
  const arrears = open ? arrearsOn(state.instalments, asOf) : { daysPastDue: 0, overduePrincipalPaise: 0, overdueInterestPaise: 0 };
  expect(shown.status).toBe(state.status);
  expect(shown.principalOutstanding).toBe(rupees(outstanding));
  expect(shown.totals).toMatchObject({
    disbursed: rupees(disbursed),
    repaid: rupees(sum(repayments.map((paid) => paid.amountPaise))),
    principalPaid: rupees(sum(repayments.map((paid) => paid.principalPaidPaise))),
    interestPaid: rupees(sum(repayments.map((paid) => paid.interestPaidPaise))),
    penaltyPaid: rupees(sum(repayments.map((paid) => paid.penaltyPaidPaise))),
    penaltyCharged: rupees(sum(events.flatMap((event) => (event.type === 'LoanPenaltyCharged' ? [event.data.penaltyPaise] : [])))),
    writtenOff: rupees(writtenOff),
  });
  // Independent identities: what was disbursed less the principal repaid (and written off) is what is outstanding;
  // the schedule's principal sums to what was disbursed.
  const principalWrittenOff = sum(events.flatMap((event) => (event.type === 'LoanWrittenOff' ? [event.data.principalWrittenOffPaise] : [])));
  if (state.status !== 'CLOSED') expect(disbursed - sum(repayments.map((paid) => paid.principalPaidPaise)) - principalWrittenOff).toBe(outstanding);
  expect(sum(state.instalments.map((instalment) => instalment.principalPaise))).toBe(disbursed);
  expect(shown.arrears).toMatchObject({
    daysPastDue: arrears.daysPastDue,
    overduePrincipal: rupees(arrears.overduePrincipalPaise),
    overdueInterest: rupees(arrears.overdueInterestPaise),
    assetClass: state.arrears.assetClass,
    npaSince: state.arrears.npaSince,
  });
  expect(shown.instalments.map((line) => [line.number, line.dueDate, line.principal, line.interest, line.paidPrincipal, line.paidInterest, line.penalty, line.paidPenalty])).toEqual(
    state.instalments.map((line) => [
      line.number,
      line.dueDate,
      rupees(line.principalPaise),
      rupees(line.interestPaise),
      rupees(line.paidPrincipalPaise),
      rupees(line.paidInterestPaise),
      rupees(line.penaltyPaise),
      rupees(line.paidPenaltyPaise),
    ]),
  );
  expect(shown.transactions).toHaveLength(events.length);
  return shown;
}

const SNG_STAFF = { teller: 'e2e-teller-sng', manager1: 'e2e-manager-sng-1', manager2: 'e2e-manager-sng-2' };
let borrower: string;
let loanId: string;
let secondLoanId: string;

describe('a medical loan from application to closure (SNG)', () => {
  beforeAll(async () => {
    borrower = await memberWithSavings('SNG', '2023-01-02', 500_000);
  });

  it('refuses ineligible members and terms outside the product with typed errors, appending nothing', async () => {
    const newcomer = await memberWithSavings('SNG', '2023-12-01', 500_000);
    const noSavings = await memberWithSavings('SNG', '2023-01-02', 0);
    const apply = (memberNo: string, extra: Record<string, unknown> = {}) => ({
      input: { idempotencyKey: key('apply'), businessDate: '2024-01-05', memberNo, productCode: 'MED', purpose: 'MEDICAL', amount: '12000.00', numberOfInstalments: 6, ...extra },
    });
    await refused(APPLY, apply(newcomer), tokens.teller, 'MEMBERSHIP_TOO_SHORT', 'memberNo');
    await refused(APPLY, apply(noSavings), tokens.teller, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    await refused(APPLY, apply(borrower, { ratePercent: '12' }), tokens.teller, 'RATE_OUTSIDE_PRODUCT', 'ratePercent');
    await refused(APPLY, apply(borrower, { numberOfInstalments: 30 }), tokens.teller, 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments');
    // Four times her 5,000 savings is the ceiling (a loan from 20,000 also needs a guarantor).
    await refused(APPLY, apply(borrower, { amount: '20000.01', guarantors: [noSavings] }), tokens.teller, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    await refused(APPLY, apply('SNG-999999'), tokens.teller, 'MEMBER_NOT_FOUND', 'memberNo');
    await refused(APPLY, apply(borrower), tokens.klgTeller, 'FORBIDDEN');
  });

  it('is applied for, appraised by a maker and approved by a second person only', async () => {
    const input = { idempotencyKey: key('apply'), businessDate: '2024-01-05', memberNo: borrower, productCode: 'MED', purpose: 'MEDICAL', amount: '12000.00', numberOfInstalments: 6 };
    const applied = (await ok<{ applyForLoan: CommandPayload }>(APPLY, { input }, tokens.teller)).applyForLoan;
    loanId = applied.loanId;
    expect(loanId).toMatch(/^SNG-L-[0-9A-Z]{10}$/);
    const before = await head();
    expect((await ok<{ applyForLoan: CommandPayload }>(APPLY, { input }, tokens.teller)).applyForLoan).toEqual({ ...applied, result: { ...applied.result, replayed: true } });
    expect(await head()).toBe(before);

    await refused(DISBURSE, loanInput(loanId, '2024-01-05'), tokens.teller, 'LOAN_NOT_APPROVED', 'loanId');
    await ok(APPRAISE, loanInput(loanId, '2024-01-05'), tokens.manager1);
    await refused(APPROVE, loanInput(loanId, '2024-01-08'), tokens.teller, 'FORBIDDEN');
    await refused(APPROVE, loanInput(loanId, '2024-01-08'), tokens.manager1, 'MAKER_CANNOT_APPROVE', 'actor.userId');
    await ok(APPROVE, loanInput(loanId, '2024-01-08'), tokens.manager2);
    const approved = await statement(loanId, '2024-01-08');
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: SNG_STAFF.manager2 });
  });

  it('is disbursed once, in cash, on a schedule whose principal sums to the amount', async () => {
    await refused(DISBURSE, loanInput(loanId, '2024-01-10', { channel: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-999999-SD-01' }), tokens.teller, 'NOT_BORROWERS_SAVINGS_ACCOUNT', 'channel.savingsAccountId');
    await ok(DISBURSE, loanInput(loanId, '2024-01-10'), tokens.teller);
    await refused(DISBURSE, loanInput(loanId, '2024-01-10'), tokens.teller, 'LOAN_ALREADY_DISBURSED', 'loanId');
    const shown = await expectReconciled(loanId, '2024-01-10');
    // 12,000 at 8% p.a., 30/360, 6 monthly EMIs: 2,046.93 (the last absorbs the rounding).
    expect(shown.instalments.map((line) => [line.dueDate, line.total])).toEqual([
      ['2024-02-10', '2046.93'],
      ['2024-03-10', '2046.93'],
      ['2024-04-10', '2046.93'],
      ['2024-05-10', '2046.93'],
      ['2024-06-10', '2046.93'],
      ['2024-07-10', expect.stringMatching(/^2046\.9\d$/)],
    ]);
    expect((await dayEnd('SNG', '2024-01-10')).days.map((day) => day.businessDate)).toEqual(['2024-01-10']);
  });

  it('takes irregular repayments (RBI order) and refuses bad ones with typed errors', async () => {
    await refused(REPAY, loanInput(loanId, '2024-02-10', { amount: '0' }), tokens.teller, 'AMOUNT_NOT_POSITIVE', 'amount');
    await refused(REPAY, loanInput(loanId, '2024-02-10', { amount: '-5.00' }), tokens.teller, 'NEGATIVE_AMOUNT', 'amount');
    await refused(REPAY, loanInput(loanId, '2024-01-09', { amount: '100.00' }), tokens.teller, 'BUSINESS_DATE_BEFORE_DISBURSEMENT', 'businessDate');
    await refused(REPAY, loanInput(loanId, '2024-02-10', { amount: '100.00' }), tokens.klgTeller, 'FORBIDDEN');
    const quote = (await ok<{ loanForeclosureQuote: { total: string } }>(QUOTE, { loanId, businessDate: '2024-02-10' }, tokens.teller)).loanForeclosureQuote;
    const above = rupees(Math.round(Number(quote.total) * 100) + 1);
    await refused(REPAY, loanInput(loanId, '2024-02-10', { amount: above }), tokens.teller, 'REPAYMENT_EXCEEDS_FORECLOSURE', 'amount');

    await dayEnd('SNG', '2024-02-09');
    const first = await repay(loanId, '2024-02-10', '2046.93');
    expect(first).toMatchObject({ amount: '2046.93', principalPaid: '1966.93', interestPaid: '80.00', penaltyPaid: '0.00', principalDue: '0.00', interestDue: '0.00' });
    await dayEnd('SNG', '2024-03-24');
    // Half an instalment, two weeks late: the overdue interest of instalment 2 first, then its principal.
    const second = await repay(loanId, '2024-03-25', '1000.00');
    const shown = await expectReconciled(loanId, '2024-03-25');
    expect(second.interestPaid).toBe(shown.instalments[1].interest);
    expect(second).toMatchObject({ principalPaid: rupees(100_000 - Math.round(Number(shown.instalments[1].interest) * 100)), penaltyPaid: '0.00' });
    expect(shown.arrears).toMatchObject({ daysPastDue: 16, smaClass: 'SMA_0', assetClass: 'STANDARD' });
  });

  it('ages through SMA-0, SMA-1 and SMA-2 at the day-ends', async () => {
    await dayEnd('SNG', '2024-05-19');
    const { events } = await recompute(loanId);
    const classes = events.flatMap((event) => (event.type === 'LoanArrearsClassified' ? [[event.data.classifiedOn, event.data.smaClass, event.data.assetClass]] : []));
    // Instalment 2 fell due 2024-03-10 and stays part-unpaid: day 1, 31, 61.
    expect(classes).toEqual([
      ['2024-03-10', 'SMA_0', 'STANDARD'],
      ['2024-04-09', 'SMA_1', 'STANDARD'],
      ['2024-05-09', 'SMA_2', 'STANDARD'],
    ]);
    const shown = await expectReconciled(loanId, '2024-05-19');
    expect(shown.arrears).toMatchObject({ daysPastDue: 71, smaClass: 'SMA_2' });
    expect(Number(shown.totals.penaltyCharged)).toBeGreaterThan(0);
  });

  it('becomes NPA on day 91, borrower-wise across her loans, and shows in the portfolio and collection sheet', async () => {
    // Under OTH (2 × savings = 10,000) the first loan's outstanding principal leaves no room for 3,000 more;
    // under MED (4 × savings = 20,000) it does.
    const other = { idempotencyKey: key('apply'), businessDate: '2024-05-20', memberNo: borrower, productCode: 'OTH', purpose: 'OTHER', amount: '3000.00', numberOfInstalments: 6 };
    await refused(APPLY, { input: other }, tokens.teller, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    const input = { ...other, idempotencyKey: key('apply'), productCode: 'MED', purpose: 'MEDICAL' };
    secondLoanId = (await ok<{ applyForLoan: CommandPayload }>(APPLY, { input }, tokens.teller)).applyForLoan.loanId;
    await ok(APPRAISE, loanInput(secondLoanId, '2024-05-20'), tokens.teller);
    await ok(APPROVE, loanInput(secondLoanId, '2024-05-20'), tokens.manager1);
    await ok(DISBURSE, loanInput(secondLoanId, '2024-05-20'), tokens.teller);

    await dayEnd('SNG', '2024-06-07');
    expect((await statement(loanId, '2024-06-07')).arrears).toMatchObject({ daysPastDue: 90, smaClass: 'SMA_2', npaSince: null });
    const run = await dayEnd('SNG', '2024-06-08');
    expect(run.days).toEqual([expect.objectContaining({ businessDate: '2024-06-08', loansAged: 2 })]);
    const summary = (await ok<{ memberLoans: Record<string, unknown> & { loans: Array<Record<string, unknown>> } }>(MEMBER_LOANS, { memberNo: borrower, asOf: '2024-06-08', consistentWith: run.position }, tokens.teller)).memberLoans;
    expect(summary).toMatchObject({ openLoans: 2, assetClass: 'SUB_STANDARD', npaSince: '2024-06-08' });
    expect(summary.loans.map((loan) => [loan.loanId, loan.assetClass, loan.npaSince, loan.daysPastDue]).sort()).toEqual(
      [
        [loanId, 'SUB_STANDARD', '2024-06-08', 91],
        [secondLoanId, 'SUB_STANDARD', '2024-06-08', 0],
      ].sort(),
    );
    const first = await expectReconciled(loanId, '2024-06-08');
    const second = await expectReconciled(secondLoanId, '2024-06-08');
    expect(first.arrears).toMatchObject({ assetClass: 'SUB_STANDARD', smaClass: null });
    expect(second.arrears).toMatchObject({ assetClass: 'SUB_STANDARD', daysPastDue: 0 });

    const states = [(await recompute(loanId)).state, (await recompute(secondLoanId)).state];
    const book = states.map((state) => ({ principalOutstandingPaise: sum(state.instalments.map(unpaidPrincipal)), daysPastDue: arrearsOn(state.instalments, '2024-06-08').daysPastDue }));
    const par30 = portfolioAtRisk(book, 30);
    const par90 = portfolioAtRisk(book, 90);
    const portfolio = (await ok<{ branchPortfolio: Record<string, unknown> }>(PORTFOLIO, { branchCode: 'SNG', asOf: '2024-06-08' }, tokens.manager1)).branchPortfolio;
    expect(portfolio).toEqual({
      branchCode: 'SNG',
      asOf: '2024-06-08',
      activeLoans: 2,
      grossPortfolio: rupees(par30.grossPaise),
      overdueLoans: 1,
      npaLoans: 2,
      npaOutstanding: rupees(par30.grossPaise),
      par30: { thresholdDays: 30, atRisk: rupees(par30.atRiskPaise), gross: rupees(par30.grossPaise), percent: par30.percent },
      par90: { thresholdDays: 90, atRisk: rupees(par90.atRiskPaise), gross: rupees(par90.grossPaise), percent: par90.percent },
    });
    expect(par90.atRiskPaise).toBe(book[0].principalOutstandingPaise);
    // A teller sees her own branch's portfolio by default, and not another's.
    expect((await ok<{ branchPortfolio: { branchCode: string } }>(PORTFOLIO, {}, tokens.teller)).branchPortfolio.branchCode).toBe('SNG');
    expect((await gql(PORTFOLIO, { branchCode: 'KLG' }, tokens.teller)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await dayEnd('SNG', '2024-06-10');
    const sheet = (await ok<{ collectionSheet: { total: string; entries: Array<Record<string, unknown>> } }>(SHEET, { branchCode: 'SNG', businessDate: '2024-06-10' }, tokens.teller)).collectionSheet;
    const state = (await recompute(loanId)).state;
    const unpaid = (line: (typeof state.instalments)[number]) => line.principalPaise + line.interestPaise - line.paidPrincipalPaise - line.paidInterestPaise;
    const dueToday = sum(state.instalments.filter((line) => line.dueDate === '2024-06-10').map(unpaid));
    const overdue = sum(state.instalments.filter((line) => line.dueDate < '2024-06-10').map(unpaid));
    const penalties = sum(state.instalments.map((line) => line.penaltyPaise - line.paidPenaltyPaise));
    expect(sheet.entries).toEqual([{ loanId, memberNo: borrower, dueToday: rupees(dueToday), overdue: rupees(overdue), penaltyDue: rupees(penalties), total: rupees(dueToday + overdue + penalties), daysPastDue: 93 }]);

    await refused(APPLY, { input: { ...input, idempotencyKey: key('apply'), businessDate: '2024-06-10' } }, tokens.teller, 'BORROWER_IS_NPA', 'memberNo');
    await refused(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2024-06-10', memberNo: borrower } }, tokens.manager1, 'OPEN_DUES', 'memberNo');
  });

  it('recovers when the arrears are paid, closes with exactly the foreclosure quote, and lets the member exit', async () => {
    await dayEnd('SNG', '2024-06-14');
    const arrears = (await statement(loanId, '2024-06-15')).arrears;
    const owed = sum([arrears.overduePrincipal, arrears.overdueInterest, arrears.penaltyDue].map((amount) => Math.round(Number(amount) * 100)));
    const recovery = await repay(loanId, '2024-06-15', rupees(owed));
    expect(recovery).toMatchObject({ principalDue: '0.00', interestDue: '0.00', penaltyDue: '0.00' });
    const run = await dayEnd('SNG', '2024-06-15');
    const summary = (await ok<{ memberLoans: Record<string, unknown> }>(MEMBER_LOANS, { memberNo: borrower, asOf: '2024-06-15', consistentWith: run.position }, tokens.teller)).memberLoans;
    expect(summary).toMatchObject({ assetClass: 'STANDARD', npaSince: null, overdue: '0.00', openLoans: 2 });
    await expectReconciled(loanId, '2024-06-15');
    await expectReconciled(secondLoanId, '2024-06-15');

    await dayEnd('SNG', '2024-06-19');
    for (const id of [loanId, secondLoanId]) {
      const quote = (await ok<{ loanForeclosureQuote: { total: string } }>(QUOTE, { loanId: id, businessDate: '2024-06-20', consistentWith: await head() }, tokens.teller)).loanForeclosureQuote;
      const total = Math.round(Number(quote.total) * 100);
      await refused(REPAY, loanInput(id, '2024-06-20', { amount: rupees(total + 1) }), tokens.teller, 'REPAYMENT_EXCEEDS_FORECLOSURE', 'amount');
      await refused(CLOSE, loanInput(id, '2024-06-20'), tokens.teller, 'LOAN_HAS_OUTSTANDING_BALANCE', 'loanId');
      const paid = await repay(id, '2024-06-20', rupees(total));
      expect(paid).toMatchObject({ principalOutstanding: '0.00', excessRefunded: '0.00' });
      await ok(CLOSE, loanInput(id, '2024-06-20'), tokens.teller);
      const closed = await expectReconciled(id, '2024-06-20');
      expect(closed).toMatchObject({ status: 'CLOSED', principalOutstanding: '0.00' });
      expect(closed.transactions.at(-1)?.kind).toBe('CLOSED');
    }
    await settleSavings(borrower, '2024-06-21', tokens.manager1);
    const exit = await gql<{ exitMember: { position: string } }>(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2024-06-21', memberNo: borrower } }, tokens.manager1);
    expect(exit.errors).toBeUndefined();
  });
});

describe('write-off by maker–checker (KLG)', () => {
  it('is requested by one manager and approved only by another', async () => {
    const member = await memberWithSavings('KLG', '2023-01-02', 300_000);
    const input = { idempotencyKey: key('apply'), businessDate: '2024-01-10', memberNo: member, productCode: 'OTH', purpose: 'OTHER', amount: '3000.00', numberOfInstalments: 3 };
    const klgLoan = (await ok<{ applyForLoan: CommandPayload }>(APPLY, { input }, tokens.klgTeller)).applyForLoan.loanId;
    await ok(APPRAISE, loanInput(klgLoan, '2024-01-10'), tokens.klgTeller);
    await ok(APPROVE, loanInput(klgLoan, '2024-01-10'), tokens.klgManager1);
    await ok(DISBURSE, loanInput(klgLoan, '2024-01-10'), tokens.klgTeller);
    await dayEnd('KLG', '2024-01-10', tokens.klgManager1);
    await refused(REQUEST_WRITE_OFF, loanInput(klgLoan, '2024-03-01'), tokens.klgManager1, 'LOAN_NOT_NPA', 'loanId');
    // First instalment due 2024-02-10, unpaid: NPA at the day-end of 2024-05-10.
    const npa = await dayEnd('KLG', '2024-05-10', tokens.klgManager1);
    expect((await ok<{ loanDayEndStatus: unknown }>(DAY_END_STATUS, { consistentWith: npa.position }, tokens.klgManager1)).loanDayEndStatus).toEqual({ branchCode: 'KLG', firstCompleted: '2024-01-10', lastCompleted: '2024-05-10' });
    // A loss asset is identified by head office (or an auditor), not by the branch.
    await refused(MARK_LOSS, loanInput(klgLoan, '2024-05-11'), tokens.klgManager1, 'FORBIDDEN');
    const marked = (await ok<{ markLoanAsLoss: CommandPayload }>(MARK_LOSS, loanInput(klgLoan, '2024-05-11'), tokens.headOffice)).markLoanAsLoss;
    expect((await ok<{ loan: Statement }>(STATEMENT, { loanId: klgLoan, asOf: '2024-05-11', consistentWith: marked.result.position }, tokens.klgTeller)).loan.arrears).toMatchObject({ assetClass: 'LOSS', npaSince: '2024-05-10' });
    await ok(REQUEST_WRITE_OFF, loanInput(klgLoan, '2024-05-11'), tokens.klgManager1);
    await refused(WRITE_OFF, loanInput(klgLoan, '2024-05-11'), tokens.klgManager1, 'MAKER_CANNOT_APPROVE', 'actor.userId');
    await refused(WRITE_OFF, loanInput(klgLoan, '2024-05-11'), tokens.klgTeller, 'FORBIDDEN');
    await refused(WRITE_OFF, loanInput(klgLoan, '2024-05-11'), tokens.manager2, 'FORBIDDEN');
    await ok(WRITE_OFF, loanInput(klgLoan, '2024-05-11'), tokens.klgManager2);
    const written = await expectReconciled(klgLoan, '2024-05-11');
    expect(written).toMatchObject({ status: 'WRITTEN_OFF', principalOutstanding: '0.00' });
    expect(Number(written.totals.writtenOff)).toBeGreaterThan(3000);
    expect(written.instalments.every((line) => line.status === 'WRITTEN_OFF')).toBe(true);
    // Written off, the loan no longer holds up her exit (her savings are paid out first: membership refuses an exit before).
    await settleSavings(member, '2024-05-12', tokens.klgManager1);
    const exit = await gql(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2024-05-12', memberNo: member } }, tokens.klgManager1);
    expect(exit.errors).toBeUndefined();
  });
});

describe('eligibility across applications not yet paid out, and guarantors (tester\'s report)', () => {
  const APPLY_ON = '2024-07-01';
  const apply = (memberNo: string, amount: string, extra: Record<string, unknown> = {}) => ({
    input: { idempotencyKey: key('apply'), businessDate: APPLY_ON, memberNo, productCode: 'EDU', purpose: 'EDUCATION', amount, numberOfInstalments: 12, ...extra },
  });

  it('counts applications not yet disbursed against the open-loan limit, and the savings multiple against the total', async () => {
    // EDU: at most 2 open loans, at most 3 × savings = 3 × 8,880.14 = 26,640.42 in all.
    const member = await memberWithSavings('SNG', '2023-01-02', 888_014);
    const first = (await ok<{ applyForLoan: CommandPayload }>(APPLY, apply(member, '20000.00'), tokens.teller)).applyForLoan.loanId;
    await refused(APPLY, apply(member, '20000.00'), tokens.teller, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    const response = await gql(APPLY, apply(member, '6640.43'), tokens.teller);
    expect(response.errors?.[0]?.message).toBe("a member's loans outstanding and pending may total at most 3 times her savings; this loan may be at most Rs 6640.42");
    const second = (await ok<{ applyForLoan: CommandPayload }>(APPLY, apply(member, '6640.42'), tokens.teller)).applyForLoan.loanId;
    await refused(APPLY, apply(member, '1000.00'), tokens.teller, 'TOO_MANY_OPEN_LOANS', 'memberNo');
    await refused(APPLY, apply(member, '1000.00'), tokens.teller, 'TOO_MANY_OPEN_LOANS', 'memberNo');
    // Both approved and paid out side by side: each loan is left out of its own re-check.
    for (const id of [first, second]) {
      await ok(APPRAISE, loanInput(id, APPLY_ON), tokens.teller);
      await ok(APPROVE, loanInput(id, APPLY_ON), tokens.manager1);
      await ok(DISBURSE, loanInput(id, APPLY_ON), tokens.teller);
    }
    const loans = (await ok<{ memberLoans: { openLoans: number; principalOutstanding: string } }>(MEMBER_LOANS, { memberNo: member, asOf: APPLY_ON, consistentWith: await head() }, tokens.teller)).memberLoans;
    expect(loans).toMatchObject({ openLoans: 2, principalOutstanding: '26640.42' });
  });

  it('re-checks eligibility at approval: a borrower who exited since applying is refused', async () => {
    const member = await memberWithSavings('SNG', '2023-01-02', 500_000);
    const again = (await ok<{ applyForLoan: CommandPayload }>(APPLY, apply(member, '1000.00'), tokens.teller)).applyForLoan.loanId;
    await ok(APPRAISE, loanInput(again, APPLY_ON), tokens.teller);
    await settleSavings(member, APPLY_ON, tokens.teller);
    await ok(EXIT, { input: { idempotencyKey: key('exit'), businessDate: APPLY_ON, memberNo: member } }, tokens.manager1);
    await refused(APPROVE, loanInput(again, APPLY_ON), tokens.manager1, 'MEMBER_NOT_ACTIVE', 'memberNo');
  });

  it('takes only existing active members of the borrower\'s branch as guarantors, naming guarantors[i]', async () => {
    const member = await memberWithSavings('SNG', '2023-01-02', 1_000_000);
    const guarantor = await memberWithSavings('SNG', '2023-01-02', 0);
    const exited = await memberWithSavings('SNG', '2023-01-02', 0);
    await ok(EXIT, { input: { idempotencyKey: key('exit'), businessDate: APPLY_ON, memberNo: exited } }, tokens.manager1);
    const otherBranch = await memberWithSavings('KLG', '2023-01-02', 0);
    await refused(APPLY, apply(member, '25000.00', { guarantors: ['ZZZ-999999'] }), tokens.teller, 'GUARANTOR_NOT_FOUND', 'guarantors[0]');
    await refused(APPLY, apply(member, '25000.00', { guarantors: [guarantor, exited] }), tokens.teller, 'GUARANTOR_NOT_ACTIVE', 'guarantors[1]');
    await refused(APPLY, apply(member, '25000.00', { guarantors: [otherBranch] }), tokens.teller, 'GUARANTOR_OTHER_BRANCH', 'guarantors[0]');
    await refused(APPLY, apply(member, '25000.00', { guarantors: [member] }), tokens.teller, 'GUARANTOR_IS_BORROWER', 'guarantors[0]');
    await refused(APPLY, apply(member, '25000.00', { guarantors: [guarantor, guarantor] }), tokens.teller, 'DUPLICATE_GUARANTOR', 'guarantors[1]');
    const missing = await gql(APPLY, apply(member, '25000.00'), tokens.teller);
    expect(missing.errors?.[0]).toMatchObject({ message: 'a loan of this amount needs 1 guarantor', extensions: { code: 'GUARANTORS_REQUIRED', field: 'guarantors' } });
    await ok(APPLY, apply(member, '25000.00', { guarantors: [guarantor] }), tokens.teller);
  });

  it('states the product\'s amount limits in rupees, naming amount', async () => {
    const member = await memberWithSavings('SNG', '2023-01-02', 500_000);
    const response = await gql(APPLY, apply(member, '999.99'), tokens.teller);
    expect(response.errors?.[0]).toMatchObject({ message: 'the amount must be Rs 1000.00–Rs 50000.00 for this product', extensions: { code: 'AMOUNT_OUTSIDE_PRODUCT', field: 'amount' } });
  });
});
