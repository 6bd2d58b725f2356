// Fixed Deposit and Monthly Income Scheme end to end through GraphQL (issue 4 item 3) on the single-node
// platform (in-memory PGlite). The FD/MIS terms are the placeholder entries of savings-products.json
// (marked as needing the co-operative's confirmation): FD 7.00% from 12 months, MIS 7.00% for 36 months.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(120_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}
interface TermPayload {
  accountId: string;
  balance: string | null;
  proceedsAccountId: string | null;
  proceedsAccountBalance: string | null;
  result: { replayed: boolean; position: string | null };
  proceedsCredit: { replayed: boolean; position: string | null } | null;
}
interface PassbookEntry {
  category: string;
  narration: string;
  debit: string;
  credit: string;
  balance: string;
}

let platform: RunningPlatform;
let token: string;
let keyCounter = 0;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 10_000 }));
  token = issueDevToken({ secret: platform.config.jwtSecret });
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await gql<T>(query, variables);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const key = (label: string): string => `term-e2e-${label}-${++keyCounter}`;
const head = async (): Promise<string> => formatPosition(await platform.store.headPosition());

/** Expects the call to be refused with `code` (and `field`) and the store to be unchanged. */
async function refused(query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<void> {
  const before = await head();
  const answer = await gql(query, variables);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expect(await head()).toBe(before);
}

const PAYLOAD = 'accountId balance proceedsAccountId proceedsAccountBalance result { replayed position } proceedsCredit { replayed position }';
const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const OPEN_FD = `mutation ($input: OpenFixedDepositInput!) { openFixedDeposit(input: $input) { ${PAYLOAD} } }`;
const CLOSE_FD = `mutation ($input: CloseTermDepositInput!) { closeFixedDeposit(input: $input) { ${PAYLOAD} } }`;
const OPEN_MIS = `mutation ($input: OpenMonthlyIncomeDepositInput!) { openMonthlyIncomeDeposit(input: $input) { ${PAYLOAD} } }`;
const CLOSE_MIS = `mutation ($input: CloseTermDepositInput!) { closeMonthlyIncomeDeposit(input: $input) { ${PAYLOAD} } }`;
const PAY_INCOME = `mutation ($input: PayMonthlyIncomeDueInput!) { payMonthlyIncomeDue(input: $input) { monthsPaid eventsAppended failures { accountId month code } position } }`;
const DAY_END = `mutation ($input: RunSavingsDayEndInput!) { runSavingsDayEnd(input: $input) { datesClosed eventsAppended position } }`;
const ACCOUNT = `query ($accountId: String!, $consistentWith: String) {
  savingsAccount(accountId: $accountId, consistentWith: $consistentWith) {
    accountId product status balance closedOn termDeposit { tenureMonths annualRatePercent maturityDate maturityValue monthlyIncome incomeMonthsPaid payoutAccountId }
  }
}`;
const PASSBOOK = `query ($accountId: String!, $consistentWith: String) {
  passbook(accountId: $accountId, first: 100, consistentWith: $consistentWith) { entries { category narration debit credit balance } }
}`;
const MEMBER = `query ($memberNo: String!, $consistentWith: String) { memberSavings(memberNo: $memberNo, consistentWith: $consistentWith) { fixedDeposit monthlyIncome total } }`;

async function memberWithSavingsAccount(businessDate: string): Promise<{ memberNo: string; sd: string }> {
  const { admitMember } = await ok<{ admitMember: { memberNo: string } }>(ADMIT, {
    input: { idempotencyKey: key('admit'), businessDate, branchCode: 'KLG', personal: { fullName: 'Synthetic Depositor', dateOfBirth: '1980-02-02' }, shares: 1 },
  });
  const { openSavingsAccount } = await ok<{ openSavingsAccount: { accountId: string } }>(OPEN, { input: { idempotencyKey: key('open'), businessDate, memberNo: admitMember.memberNo, product: 'SAVINGS_DEPOSIT' } });
  return { memberNo: admitMember.memberNo, sd: openSavingsAccount.accountId };
}

const passbook = async (accountId: string, consistentWith: string | null): Promise<PassbookEntry[]> =>
  (await ok<{ passbook: { entries: PassbookEntry[] } }>(PASSBOOK, { accountId, consistentWith })).passbook.entries;

describe('Fixed Deposit through GraphQL', () => {
  it('opens Rs 10,000 for 12 months at the placeholder 7.00%, closes at maturity into the savings account once, and refuses bad input', async () => {
    const { memberNo, sd } = await memberWithSavingsAccount('2025-03-01');
    const open = (extra: Record<string, unknown> = {}) => ({ input: { idempotencyKey: key('fd'), businessDate: '2025-04-01', memberNo, principal: '10000.00', tenureMonths: 12, ...extra } });
    await refused(OPEN_FD, open({ tenureMonths: 5 }), 'TENURE_NOT_OFFERED', 'tenureMonths');
    await refused(OPEN_FD, open({ principal: '999.99' }), 'DEPOSIT_BELOW_MINIMUM', 'principalPaise');
    const opened = (await ok<{ openFixedDeposit: TermPayload }>(OPEN_FD, open())).openFixedDeposit;
    expect(opened).toMatchObject({ accountId: `${memberNo}-FD-01`, balance: '10000.00', proceedsCredit: null });
    const fd = await ok<{ savingsAccount: Record<string, unknown> }>(ACCOUNT, { accountId: opened.accountId, consistentWith: opened.result.position });
    // 1,000,000 × (1 + 7 / 400)⁴ − 1,000,000 = 71,859.03 paise → Rs 718.59.
    expect(fd.savingsAccount).toMatchObject({ product: 'FIXED_DEPOSIT', status: 'ACTIVE', termDeposit: { tenureMonths: 12, annualRatePercent: '7.00', maturityDate: '2026-04-01', maturityValue: '10718.59' } });

    const close = (businessDate: string, idempotencyKey = key('close-fd')) => ({
      input: { idempotencyKey, businessDate, accountId: opened.accountId, memberNo, closure: 'MATURITY', payout: 'SAVINGS_ACCOUNT', payoutAccountId: sd },
    });
    await refused(CLOSE_FD, close('2026-03-31'), 'NOT_YET_MATURE', 'businessDate');
    await refused(CLOSE_FD, { input: { ...close('2026-04-01').input, payoutAccountId: 'KLG-999999-SD-01' } }, 'NOT_OWN_ACCOUNT', 'payout.savingsAccountId');
    const closeKey = key('close-fd');
    const closed = (await ok<{ closeFixedDeposit: TermPayload }>(CLOSE_FD, close('2026-04-01', closeKey))).closeFixedDeposit;
    expect(closed).toMatchObject({ balance: '0.00', proceedsAccountId: sd, proceedsAccountBalance: '10718.59', result: { replayed: false }, proceedsCredit: { replayed: false } });
    const again = (await ok<{ closeFixedDeposit: TermPayload }>(CLOSE_FD, close('2026-04-01', closeKey))).closeFixedDeposit;
    expect(again).toMatchObject({ result: { replayed: true }, proceedsCredit: { replayed: true }, proceedsAccountBalance: '10718.59' });
    await refused(CLOSE_FD, close('2026-04-02'), 'ACCOUNT_CLOSED', 'accountId');

    const savingsLines = await passbook(sd, closed.proceedsCredit!.position);
    expect(savingsLines.map((line) => [line.category, line.narration, line.credit, line.balance])).toEqual([
      ['DEPOSIT_PROCEEDS', `Fixed deposit ${opened.accountId} closed: proceeds`, '10718.59', '10718.59'],
    ]);
    const fdLines = await passbook(opened.accountId, null);
    expect(fdLines.map((line) => [line.category, line.debit, line.credit, line.balance])).toEqual([
      ['DEPOSIT', '0.00', '10000.00', '10000.00'],
      ['INTEREST', '0.00', '718.59', '10718.59'],
      ['CLOSURE_PAYOUT', '10718.59', '0.00', '0.00'],
    ]);
  });

  it('closes prematurely in cash at the held period\'s rate minus one point', async () => {
    const { memberNo } = await memberWithSavingsAccount('2025-03-01');
    const opened = (await ok<{ openFixedDeposit: TermPayload }>(OPEN_FD, { input: { idempotencyKey: key('fd'), businessDate: '2025-04-01', memberNo, principal: '10000.00', tenureMonths: 24 } })).openFixedDeposit;
    const closed = (
      await ok<{ closeFixedDeposit: TermPayload }>(CLOSE_FD, { input: { idempotencyKey: key('close'), businessDate: '2025-10-01', accountId: opened.accountId, memberNo, closure: 'PREMATURE', payout: 'CASH' } })
    ).closeFixedDeposit;
    expect(closed.proceedsCredit).toBeNull();
    // Held 6 months: the 6-month band 6.00% − 1 = 5%, two quarters: 1,000,000 × 1.0125² − 1,000,000 = 25,156.25 paise → Rs 251.56.
    const lines = await passbook(opened.accountId, closed.result.position);
    expect(lines.slice(1).map((line) => [line.category, line.narration, line.debit, line.credit])).toEqual([
      ['INTEREST', 'Interest on premature closure at 5% p.a. after 6 months', '0.00', '251.56'],
      ['CLOSURE_PAYOUT', 'Deposit closed: paid out', '10251.56', '0.00'],
    ]);
  });
});

describe('Monthly Income Scheme through GraphQL', () => {
  it('pays each month\'s income into the savings account once (also from the day-end), and settles a premature closure', async () => {
    const { memberNo, sd } = await memberWithSavingsAccount('2025-01-31');
    await refused(OPEN_MIS, { input: { idempotencyKey: key('mis'), businessDate: '2025-01-31', memberNo, principal: '100000.00', tenureMonths: 24, payoutAccountId: sd } }, 'TENURE_NOT_OFFERED', 'tenureMonths');
    await refused(OPEN_MIS, { input: { idempotencyKey: key('mis'), businessDate: '2025-01-31', memberNo, principal: '100000.00', tenureMonths: 36, payoutAccountId: `${memberNo}-SD-02` } }, 'PAYOUT_ACCOUNT_NOT_OPEN', 'payoutAccountId');
    const opened = (
      await ok<{ openMonthlyIncomeDeposit: TermPayload }>(OPEN_MIS, { input: { idempotencyKey: key('mis'), businessDate: '2025-01-31', memberNo, principal: '100000.00', tenureMonths: 36, payoutAccountId: sd } })
    ).openMonthlyIncomeDeposit;
    const mis = opened.accountId;

    const paid = (await ok<{ payMonthlyIncomeDue: { monthsPaid: number; eventsAppended: number; failures: unknown[]; position: string } }>(PAY_INCOME, { input: { idempotencyKey: key('income'), businessDate: '2025-03-31', branchCode: 'KLG' } })).payMonthlyIncomeDue;
    expect(paid).toMatchObject({ monthsPaid: 2, eventsAppended: 4, failures: [] });
    const dayEnd = (await ok<{ runSavingsDayEnd: { position: string; datesClosed: string[] } }>(DAY_END, { input: { idempotencyKey: key('day-end'), businessDate: '2025-04-30', branchCode: 'KLG' } })).runSavingsDayEnd;
    expect(dayEnd.datesClosed).toEqual(['2025-04-30']);
    const repeat = (await ok<{ payMonthlyIncomeDue: { eventsAppended: number } }>(PAY_INCOME, { input: { idempotencyKey: key('income'), businessDate: '2025-04-30', branchCode: 'KLG' } })).payMonthlyIncomeDue;
    expect(repeat.eventsAppended).toBe(0);

    // Rs 1,00,000 × 7% / 12 = Rs 583.33 a month (half-up to the paisa), dated each month's due date.
    const credits = (await passbook(sd, dayEnd.position)).filter((line) => line.category === 'DEPOSIT_PROCEEDS');
    expect(credits.map((line) => [line.narration, line.credit])).toEqual([
      [`Monthly income income-1 from ${mis}`, '583.33'],
      [`Monthly income income-2 from ${mis}`, '583.33'],
      [`Monthly income income-3 from ${mis}`, '583.33'],
    ]);
    const account = await ok<{ savingsAccount: { termDeposit: Record<string, unknown> } }>(ACCOUNT, { accountId: mis, consistentWith: dayEnd.position });
    expect(account.savingsAccount.termDeposit).toMatchObject({ monthlyIncome: '583.33', incomeMonthsPaid: 3, payoutAccountId: sd, annualRatePercent: '7.00', maturityDate: '2028-01-31' });

    // Closed after 3 complete months: below 12 months held 4.00% − 1 = 3% → Rs 750.00 due; Rs 1,749.99 paid → Rs 999.99 recovered.
    const closed = (
      await ok<{ closeMonthlyIncomeDeposit: TermPayload }>(CLOSE_MIS, { input: { idempotencyKey: key('close-mis'), businessDate: '2025-05-15', accountId: mis, memberNo, closure: 'PREMATURE', payout: 'SAVINGS_ACCOUNT', payoutAccountId: sd } })
    ).closeMonthlyIncomeDeposit;
    // The savings account held 3 × Rs 583.33 + Rs 2.43 interest posted on 31 March (minimum balance Rs 583.33 × 5% / 12) = Rs 1,752.42.
    expect(closed).toMatchObject({ balance: '0.00', proceedsAccountBalance: '100752.43' });
    const misLines = await passbook(mis, closed.proceedsCredit!.position);
    expect(misLines.map((line) => [line.category, line.debit, line.credit, line.balance])).toEqual([
      ['DEPOSIT', '0.00', '100000.00', '100000.00'],
      ['INCOME_PAID', '0.00', '0.00', '100000.00'],
      ['INCOME_PAID', '0.00', '0.00', '100000.00'],
      ['INCOME_PAID', '0.00', '0.00', '100000.00'],
      ['INTEREST_RECOVERED', '999.99', '0.00', '99000.01'],
      ['CLOSURE_PAYOUT', '99000.01', '0.00', '0.00'],
    ]);
    const summary = await ok<{ memberSavings: Record<string, string> }>(MEMBER, { memberNo, consistentWith: closed.proceedsCredit!.position });
    expect(summary.memberSavings).toMatchObject({ monthlyIncome: '0.00', fixedDeposit: '0.00', total: '100752.43' });
  });
});
