// Savings limits end to end through GraphQL (tester defects on the savings service): opening balances
// only for register members and only by head office; a cash deposit limit; branch totals that refuse
// to overflow; the day's withdrawals counted toward the maker–checker limit; a large-withdrawal request
// above the balance refused at once. The single-node platform in-process on an in-memory PGlite.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(120_000);

interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}
interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}
interface OpeningBalanceOutcome {
  memberNo: string;
  accepted: boolean;
  accountIds: string[];
  errorCode: string | null;
  field: string | null;
  position: string | null;
}

let platform: RunningPlatform;
let headOffice: string;
let sngManager: string;
let sngTeller: string;
let keyCounter = 0;
const businessDate = '2025-04-10';

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 10_000 }));
  const secret = platform.config.jwtSecret;
  headOffice = issueDevToken({ secret });
  sngManager = issueDevToken({ secret, userId: 'limits-manager-sng', role: 'branch_manager', branch: 'SNG' });
  sngTeller = issueDevToken({ secret, userId: 'limits-teller-sng', role: 'teller', branch: 'SNG' });
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown>, bearer = headOffice): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function ok<T>(query: string, variables: Record<string, unknown>, bearer = headOffice): Promise<T> {
  const answer = await gql<T>(query, variables, bearer);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const key = (label: string): string => `savings-limits-${label}-${++keyCounter}`;
const head = async (): Promise<string> => formatPosition(await platform.store.headPosition());

/** The single error of a call that must be refused, after checking that nothing was appended. */
async function refused(query: string, variables: Record<string, unknown>, bearer = headOffice): Promise<GraphQLError['extensions']> {
  const before = await head();
  const answer = await gql(query, variables, bearer);
  expect(answer.errors).toHaveLength(1);
  expect(await head()).toBe(before);
  return answer.errors![0].extensions;
}

const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`;
const IMPORT_MEMBERS = `mutation ($rows: [ImportMemberInput!]!) { importMembers(rows: $rows) { memberNo accepted errorCode position } }`;
const IMPORT_BALANCES = `mutation ($rows: [ImportOpeningBalanceInput!]!, $consistentWith: String) {
  importOpeningBalances(rows: $rows, consistentWith: $consistentWith) { memberNo accepted accountIds errorCode field position }
}`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { accountId balance result { position } } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { accountId balance result { position } } }`;
const REQUEST_LARGE_WITHDRAWAL = `mutation ($input: RequestLargeWithdrawalInput!) { requestLargeWithdrawal(input: $input) { approvalId status } }`;
const BRANCH_TOTALS = `query ($consistentWith: String) { savingsBranchTotals(consistentWith: $consistentWith) { branchCode product openAccounts balance } }`;
const CASH_BOOK = `query ($branchCode: String!, $businessDate: Date!, $consistentWith: String) {
  savingsCashBook(branchCode: $branchCode, businessDate: $businessDate, consistentWith: $consistentWith) { receipts payments }
}`;

async function admit(branchCode: string): Promise<{ memberNo: string; position: string }> {
  const data = await ok<{ admitMember: { memberNo: string; result: { position: string } } }>(ADMIT, {
    input: { idempotencyKey: key('admit'), businessDate: '2025-04-01', branchCode, personal: { fullName: 'Synthetic Saver', dateOfBirth: '1985-06-15' }, shares: 1 },
  });
  return { memberNo: data.admitMember.memberNo, position: data.admitMember.result.position };
}

async function openWithBalance(memberNo: string, amount: string): Promise<string> {
  const { accountId } = (await ok<{ openSavingsAccount: { accountId: string } }>(OPEN, { input: { idempotencyKey: key('open'), businessDate: '2025-04-01', memberNo, product: 'SAVINGS_DEPOSIT' } }))
    .openSavingsAccount;
  await ok(DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate: '2025-04-01', accountId, memberNo, amount } });
  return accountId;
}

const balanceRow = (memberNo: string, savingsDeposit: string) => ({ idempotencyKey: key('balance'), businessDate: '2025-04-01', memberNo, savingsDeposit, thriftFund: '0.00' });

describe('opening balances from the register (defect 1: a branch manager created Rs 10,00,000)', () => {
  it('refuses a member admitted at the counter, whoever imports, appending nothing', async () => {
    const { memberNo, position } = await admit('SNG');
    const before = await head();
    const answer = await ok<{ importOpeningBalances: OpeningBalanceOutcome[] }>(IMPORT_BALANCES, { rows: [balanceRow(memberNo, '1000000.00')], consistentWith: position });
    expect(answer.importOpeningBalances).toEqual([{ memberNo, accepted: false, accountIds: [], errorCode: 'MEMBER_NOT_FROM_REGISTER', field: 'memberNo', position: null }]);
    expect(await head()).toBe(before);
  });

  it('leaves the register migration to head office: a branch manager is refused even for the own branch', async () => {
    const { memberNo, position } = await admit('SNG');
    expect(await refused(IMPORT_BALANCES, { rows: [balanceRow(memberNo, '1000000.00')], consistentWith: position }, sngManager)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('carries a register member over once per product: a second import (another key) is refused', async () => {
    const memberNo = 'KLG-009001';
    const imported = await ok<{ importMembers: Array<{ accepted: boolean; position: string }> }>(IMPORT_MEMBERS, {
      rows: [
        {
          idempotencyKey: key('import'),
          memberNo,
          branchCode: 'KLG',
          admissionDate: '2015-03-10',
          personal: { fullName: 'Register Member', dateOfBirth: '1970-01-01' },
          sharesHeld: 1,
          status: 'ACTIVE',
        },
      ],
    });
    expect(imported.importMembers[0].accepted).toBe(true);
    const consistentWith = imported.importMembers[0].position;
    const first = await ok<{ importOpeningBalances: OpeningBalanceOutcome[] }>(IMPORT_BALANCES, { rows: [balanceRow(memberNo, '6950.08')], consistentWith });
    expect(first.importOpeningBalances[0]).toMatchObject({ accepted: true, accountIds: [`${memberNo}-SD-01`, `${memberNo}-TF-01`] });
    const before = await head();
    const second = await ok<{ importOpeningBalances: OpeningBalanceOutcome[] }>(IMPORT_BALANCES, { rows: [balanceRow(memberNo, '1000000.00')], consistentWith });
    expect(second.importOpeningBalances[0]).toMatchObject({ accepted: false, errorCode: 'ACCOUNT_ALREADY_OPEN', field: 'accountId' });
    expect(await head()).toBe(before);
  });
});

describe('cash deposit limit (defect 2)', () => {
  it('refuses a cash deposit of Rs 2,00,000 or more per transaction, naming the amount, and appends nothing', async () => {
    const { memberNo } = await admit('SNG');
    const accountId = await openWithBalance(memberNo, '100.00');
    const cash = (amount: string) => ({ input: { idempotencyKey: key('cash'), businessDate, accountId, memberNo, amount } });
    expect(await refused(DEPOSIT, cash('50000000000000.00'), sngTeller)).toEqual({ code: 'DEPOSIT_ABOVE_LIMIT', field: 'amount' });
    expect(await refused(DEPOSIT, cash('200000.00'), sngTeller)).toEqual({ code: 'DEPOSIT_ABOVE_LIMIT', field: 'amount' });
    expect((await ok<{ deposit: { balance: string } }>(DEPOSIT, cash('199999.99'), sngTeller)).deposit.balance).toBe('200099.99');
  });
});

describe('the maker–checker limit counts the day (defect 3) and a request must be covered (defect 4)', () => {
  it('refuses the second Rs 25,000 of the day from one account without approval, and queues it when requested', async () => {
    const { memberNo } = await admit('SNG');
    const accountId = await openWithBalance(memberNo, '100000.00');
    const cash = (amount: string, date = businessDate) => ({ input: { idempotencyKey: key('withdraw'), businessDate: date, accountId, memberNo, amount } });
    await ok(WITHDRAW, cash('25000.00'), sngTeller);
    expect(await refused(WITHDRAW, cash('25000.00'), sngTeller)).toEqual({ code: 'APPROVAL_REQUIRED', field: 'amount' });
    expect(await refused(WITHDRAW, cash('0.01'), sngTeller)).toEqual({ code: 'APPROVAL_REQUIRED', field: 'amount' });
    const requested = await ok<{ requestLargeWithdrawal: { status: string } }>(REQUEST_LARGE_WITHDRAWAL, cash('25000.00'), sngTeller);
    expect(requested.requestLargeWithdrawal.status).toBe('PENDING');
    await ok(WITHDRAW, cash('25000.00', '2025-04-11'), sngTeller);
  });

  it('refuses a large-withdrawal request above the balance at once, with INSUFFICIENT_BALANCE on the amount', async () => {
    const { memberNo } = await admit('SNG');
    const accountId = await openWithBalance(memberNo, '30000.00');
    const request = (amount: string) => ({ input: { idempotencyKey: key('large'), businessDate, accountId, memberNo, amount } });
    expect(await refused(REQUEST_LARGE_WITHDRAWAL, request('30000.01'), sngTeller)).toEqual({ code: 'INSUFFICIENT_BALANCE', field: 'amount' });
    expect(await refused(REQUEST_LARGE_WITHDRAWAL, request('100.00'), sngTeller)).toEqual({ code: 'APPROVAL_NOT_NEEDED', field: 'amount' });
    expect((await ok<{ requestLargeWithdrawal: { status: string } }>(REQUEST_LARGE_WITHDRAWAL, request('30000.00'), sngTeller)).requestLargeWithdrawal.status).toBe('PENDING');
  });
});

describe('branch totals beyond 2^53 paise (defect 2)', () => {
  it('answers savingsBranchTotals and the cash book with a typed TOTAL_TOO_LARGE, not INTERNAL', async () => {
    // Balances written before the limit existed: two deposits of Rs 50 lakh crore (5 × 10^15 paise each)
    // appended straight to the store, as the tester's were, since the deposit command now refuses them.
    let position = '';
    for (let account = 0; account < 2; account += 1) {
      const { memberNo } = await admit('DHT');
      const accountId = await openWithBalance(memberNo, '1.00');
      const streamId = `savingsAccount-${accountId}`;
      const events = await platform.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      const last = events[events.length - 1];
      const id = `00000000-0000-4000-8000-${String(++keyCounter).padStart(12, '0')}`;
      const appended = await platform.store.appendToStream(
        streamId,
        [{ id, type: 'DepositRecorded', data: { accountId, businessDate, amountPaise: 5_000_000_000_000_000, balancePaise: 5_000_000_000_000_100 }, metadata: { ...last.metadata, eventId: id, businessDate } }],
        { expectedRevision: last.revision },
      );
      position = formatPosition(appended.position);
    }
    const totals = await gql(BRANCH_TOTALS, { consistentWith: position });
    expect(totals.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'TOTAL_TOO_LARGE', field: 'balance' })]);
    const book = await gql(CASH_BOOK, { branchCode: 'DHT', businessDate, consistentWith: position });
    expect(book.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'TOTAL_TOO_LARGE', field: 'receipts' })]);
  });
});
