// The savings service end to end through GraphQL (issue 4 "Done when"): the single-node platform
// in-process on an in-memory PGlite at a random port, one platform for the whole file.
import { formatPaiseAsRupees, rupeesToPaise } from '@samabay/domain-kit';
import { formatPosition, type RecordedEvent } from '@samabay/event-store';
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
interface CommandResult {
  replayed: boolean;
  streamId: string;
  revision: number;
  eventIds: string[];
  position: string | null;
}
interface AccountPayload {
  accountId: string;
  balance: string | null;
  result: CommandResult;
}
interface PassbookEntry {
  entryNo: number;
  date: string;
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

async function gql<T>(query: string, variables: Record<string, unknown> = {}, bearer = token): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of a call that must succeed. */
async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await gql<T>(query, variables);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const key = (label: string): string => `savings-e2e-${label}-${++keyCounter}`;
const head = async (): Promise<string> => formatPosition(await platform.store.headPosition());

const RESULT = 'result { replayed streamId revision eventIds position }';
const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`;
const EXIT_MEMBER = `mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId balance ${RESULT} } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { accountId balance ${RESULT} } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { accountId balance ${RESULT} } }`;
const CLOSE = `mutation ($input: SavingsAccountOfMemberInput!) { closeSavingsAccount(input: $input) { accountId balance ${RESULT} } }`;
const TRANSFER = `mutation ($input: OwnAccountTransferInput!) {
  transferBetweenOwnAccounts(input: $input) { transferId status replayed position failure { code field } debit { replayed } credit { replayed } reversal { replayed } }
}`;
const OPEN_RD = `mutation ($input: OpenRecurringDepositInput!) { openRecurringDeposit(input: $input) { accountId balance ${RESULT} } }`;
const PAY_INSTALMENT = `mutation ($input: SavingsCashInput!) { payRecurringDepositInstalment(input: $input) { accountId balance ${RESULT} } }`;
const PAY_FINE = `mutation ($input: SavingsCashInput!) { payRecurringDepositFine(input: $input) { accountId balance ${RESULT} } }`;
const CLOSE_RD = `mutation ($input: CloseRecurringDepositInput!) { closeRecurringDeposit(input: $input) { accountId balance ${RESULT} } }`;
const RECORD_COLLECTION = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { accountId balance ${RESULT} } }`;
const VERIFY_COLLECTION = `mutation ($input: SettleCollectionInput!) { verifyCollection(input: $input) { accountId balance ${RESULT} } }`;
const DISPUTE_COLLECTION = `mutation ($input: SettleCollectionInput!) { disputeCollection(input: $input) { accountId balance ${RESULT} } }`;
const DAY_END = `mutation ($input: RunSavingsDayEndInput!) {
  runSavingsDayEnd(input: $input) { branchCode businessDate datesClosed closedThrough accountsClosed eventsAppended position }
}`;
const ACCOUNT = `query ($accountId: String!, $consistentWith: String) {
  savingsAccount(accountId: $accountId, consistentWith: $consistentWith) {
    accountId memberNo branchCode product status openedOn closedOn balance unpostedInterest pendingCollections lastCustomerActivityOn
    recurringDeposit { instalment tenureYears instalmentCount instalmentsPaid maturityDate maturityValue finesOutstanding }
  }
}`;
const PASSBOOK = `query ($accountId: String!, $first: Int, $after: String, $consistentWith: String) {
  passbook(accountId: $accountId, first: $first, after: $after, consistentWith: $consistentWith) {
    accountId totalCount pageInfo { hasNextPage endCursor } entries { entryNo date category narration debit credit balance }
  }
}`;

interface DayEndPayload {
  branchCode: string;
  businessDate: string;
  datesClosed: string[];
  closedThrough: string | null;
  accountsClosed: number;
  eventsAppended: number;
  position: string | null;
}

async function admit(branchCode: string, businessDate = '2025-04-01'): Promise<string> {
  const data = await ok<{ admitMember: { memberNo: string } }>(ADMIT, {
    input: { idempotencyKey: key('admit'), businessDate, branchCode, personal: { fullName: 'Synthetic Saver', dateOfBirth: '1985-06-15' }, shares: 1 },
  });
  return data.admitMember.memberNo;
}

async function open(memberNo: string, product: 'SAVINGS_DEPOSIT' | 'THRIFT_FUND', businessDate = '2025-04-01'): Promise<string> {
  const data = await ok<{ openSavingsAccount: AccountPayload }>(OPEN, { input: { idempotencyKey: key('open'), businessDate, memberNo, product } });
  return data.openSavingsAccount.accountId;
}

async function cash(mutation: string, accountId: string, memberNo: string, amount: string, businessDate: string): Promise<AccountPayload> {
  const data = await ok<Record<string, AccountPayload>>(mutation, { input: { idempotencyKey: key('cash'), businessDate, accountId, memberNo, amount } });
  return Object.values(data)[0];
}

async function account(accountId: string, consistentWith: string | null = null): Promise<Record<string, unknown>> {
  return (await ok<{ savingsAccount: Record<string, unknown> }>(ACCOUNT, { accountId, consistentWith })).savingsAccount;
}

async function passbook(accountId: string, consistentWith: string | null = null): Promise<PassbookEntry[]> {
  const entries: PassbookEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { passbook: { entries: PassbookEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(PASSBOOK, { accountId, first: 3, after, consistentWith });
    entries.push(...page.passbook.entries);
    if (!page.passbook.pageInfo.hasNextPage) return entries;
    after = page.passbook.pageInfo.endCursor;
  }
}

async function dayEnd(branchCode: string, businessDate: string): Promise<DayEndPayload> {
  return (await ok<{ runSavingsDayEnd: DayEndPayload }>(DAY_END, { input: { idempotencyKey: key('day-end'), businessDate, branchCode } })).runSavingsDayEnd;
}

/** The error of a call that must be rejected, after checking that nothing was appended. */
async function rejected(query: string, variables: Record<string, unknown>): Promise<GraphQLError> {
  const before = await head();
  const answer = await gql(query, variables);
  expect(answer.errors).toHaveLength(1);
  expect(answer.data ?? null).toBeNull();
  expect(await head()).toBe(before);
  return answer.errors![0];
}

describe('accounts at the counter', () => {
  let memberNo: string;
  let sd: string;

  beforeAll(async () => {
    memberNo = await admit('SNG');
    sd = await open(memberNo, 'SAVINGS_DEPOSIT');
  });

  it('opens accounts under the next free serial for an active member', async () => {
    expect(sd).toBe(`${memberNo}-SD-01`);
    expect(await open(memberNo, 'SAVINGS_DEPOSIT', '2025-04-02')).toBe(`${memberNo}-SD-02`);
    expect(await open(memberNo, 'THRIFT_FUND')).toBe(`${memberNo}-TF-01`);
  });

  it('deposits and withdraws, with the passbook printing date, narration, debit, credit and running balance', async () => {
    await cash(DEPOSIT, sd, memberNo, '1000.00', '2025-04-01');
    const withdrawn = await cash(WITHDRAW, sd, memberNo, '250.50', '2025-04-05');
    expect(withdrawn.balance).toBe('749.50');
    const deposited = await cash(DEPOSIT, sd, memberNo, '0.55', '2025-04-07');
    expect(deposited).toMatchObject({ accountId: sd, balance: '750.05', result: { replayed: false, streamId: `savingsAccount-${sd}` } });

    expect(await passbook(sd, deposited.result.position)).toEqual([
      { entryNo: 1, date: '2025-04-01', category: 'DEPOSIT', narration: 'Cash deposit', debit: '0.00', credit: '1000.00', balance: '1000.00' },
      { entryNo: 2, date: '2025-04-05', category: 'WITHDRAWAL', narration: 'Cash withdrawal', debit: '250.50', credit: '0.00', balance: '749.50' },
      { entryNo: 3, date: '2025-04-07', category: 'DEPOSIT', narration: 'Cash deposit', debit: '0.00', credit: '0.55', balance: '750.05' },
    ]);
    expect(await account(sd)).toMatchObject({ accountId: sd, memberNo, branchCode: 'SNG', product: 'SAVINGS_DEPOSIT', status: 'ACTIVE', balance: '750.05', lastCustomerActivityOn: '2025-04-07' });
  });

  it('answers a repeated idempotency key with the first answer, and refuses the key for another amount', async () => {
    const input = { idempotencyKey: key('repeat'), businessDate: '2025-04-08', accountId: sd, memberNo, amount: '10.00' };
    const first = (await ok<{ deposit: AccountPayload }>(DEPOSIT, { input })).deposit;
    const before = await head();
    const again = (await ok<{ deposit: AccountPayload }>(DEPOSIT, { input })).deposit;
    expect(again).toEqual({ ...first, result: { ...first.result, replayed: true } });
    expect(await head()).toBe(before);
    const reused = await rejected(DEPOSIT, { input: { ...input, amount: '11.00' } });
    expect(reused.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
  });

  it('sums the member savings and the branch cash book of the day', async () => {
    const summary = await ok<{ memberSavings: { accounts: { accountId: string }[]; savingsDeposit: string; thriftFund: string; total: string } }>(
      `query ($memberNo: String!) { memberSavings(memberNo: $memberNo) { accounts { accountId } savingsDeposit thriftFund total } }`,
      { memberNo },
    );
    expect(summary.memberSavings).toEqual({ accounts: [{ accountId: sd }, { accountId: `${memberNo}-SD-02` }, { accountId: `${memberNo}-TF-01` }], savingsDeposit: '760.05', thriftFund: '0.00', total: '760.05' });
    const book = await ok<{ savingsCashBook: { receipts: string; payments: string; lines: { category: string; receipts: string; payments: string; entries: number }[] } }>(
      `query { savingsCashBook(branchCode: "SNG", businessDate: "2025-04-05") { receipts payments lines { category receipts payments entries } } }`,
    );
    expect(book.savingsCashBook).toEqual({ receipts: '0.00', payments: '250.50', lines: [{ category: 'WITHDRAWAL', receipts: '0.00', payments: '250.50', entries: 1 }] });
  });
});

describe('bad input is rejected with a typed error naming the field, and appends nothing', () => {
  let memberNo: string;
  let otherMemberNo: string;
  let sd: string;
  let closedAccount: string;
  let rd: string;

  beforeAll(async () => {
    [memberNo, otherMemberNo] = [await admit('SNG'), await admit('SNG')];
    sd = await open(memberNo, 'SAVINGS_DEPOSIT', '2025-05-10');
    await cash(DEPOSIT, sd, memberNo, '100.00', '2025-05-10');
    closedAccount = await open(memberNo, 'THRIFT_FUND', '2025-05-10');
    await ok(CLOSE, { input: { idempotencyKey: key('close'), businessDate: '2025-05-11', accountId: closedAccount, memberNo } });
    rd = (await ok<{ openRecurringDeposit: AccountPayload }>(OPEN_RD, { input: { idempotencyKey: key('rd'), businessDate: '2025-05-10', memberNo, instalment: '200.00', tenureYears: 1 } }))
      .openRecurringDeposit.accountId;
  });

  const deposit = (overrides: Record<string, unknown>) => ({ input: { idempotencyKey: key('bad'), businessDate: '2025-05-12', accountId: sd, memberNo, amount: '10.00', ...overrides } });

  it.each([
    ['a zero amount', { amount: '0.00' }, 'AMOUNT_NOT_POSITIVE', 'amount'],
    ['a negative amount', { amount: '-5.00' }, 'NEGATIVE_AMOUNT', 'amount'],
    ['a fractional-paisa amount', { amount: '10.555' }, 'TOO_MANY_DECIMALS', 'amount'],
    ['a business date in the future', { businessDate: '2099-01-01' }, 'BUSINESS_DATE_IN_FUTURE', 'businessDate'],
    ['a business date before the account was opened', { businessDate: '2025-05-09' }, 'BUSINESS_DATE_BEFORE_OPENING', 'businessDate'],
    ['an impossible business date', { businessDate: '2025-02-30' }, 'BAD_DATE', 'businessDate'],
    ["another member's account", { memberNo: 'SNG-999999' }, 'ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo'],
    ['a malformed account id', { accountId: 'SNG-1-SD' }, 'INVALID_ACCOUNT_ID', 'accountId'],
  ])('a deposit with %s', async (_name, overrides, code, field) => {
    expect((await rejected(DEPOSIT, deposit(overrides))).extensions).toEqual({ code, field });
  });

  it('a deposit to a closed account, and to an account that is not a savings account', async () => {
    expect((await rejected(DEPOSIT, deposit({ accountId: closedAccount }))).extensions).toEqual({ code: 'ACCOUNT_CLOSED', field: 'accountId' });
    expect((await rejected(DEPOSIT, deposit({ accountId: rd }))).extensions).toEqual({ code: 'NOT_A_SAVINGS_ACCOUNT', field: 'accountId' });
  });

  it("a deposit by another member into this member's account", async () => {
    expect((await rejected(DEPOSIT, deposit({ memberNo: otherMemberNo }))).extensions).toEqual({ code: 'ACCOUNT_OF_ANOTHER_MEMBER', field: 'memberNo' });
  });

  it('a withdrawal beyond the balance', async () => {
    const error = await rejected(WITHDRAW, deposit({ amount: '100.01' }));
    expect(error.extensions).toEqual({ code: 'INSUFFICIENT_BALANCE', field: 'amount' });
  });

  it('an instalment for the wrong amount, and an RD opened below the minimum instalment', async () => {
    expect((await rejected(PAY_INSTALMENT, { input: { idempotencyKey: key('bad'), businessDate: '2025-06-05', accountId: rd, memberNo, amount: '150.00' } })).extensions).toEqual({
      code: 'WRONG_INSTALMENT_AMOUNT',
      field: 'amount',
    });
    expect((await rejected(OPEN_RD, { input: { idempotencyKey: key('bad'), businessDate: '2025-06-05', memberNo, instalment: '10.00', tenureYears: 1 } })).extensions).toEqual({
      code: 'INSTALMENT_BELOW_MINIMUM',
      field: 'instalment',
    });
  });

  it('an unverified collection posted twice, and one that was never recorded', async () => {
    const collection = { accountId: sd, memberNo, collectionId: 'R-0001', agentId: 'agent-7', amount: '50.00' };
    await ok(RECORD_COLLECTION, { input: { idempotencyKey: key('collect'), businessDate: '2025-05-12', ...collection } });
    await ok(VERIFY_COLLECTION, { input: { idempotencyKey: key('verify'), businessDate: '2025-05-12', accountId: sd, collectionId: 'R-0001', counted: '50.00' } });
    const twice = await rejected(VERIFY_COLLECTION, { input: { idempotencyKey: key('verify'), businessDate: '2025-05-12', accountId: sd, collectionId: 'R-0001', counted: '50.00' } });
    expect(twice.extensions).toEqual({ code: 'COLLECTION_ALREADY_SETTLED', field: 'collectionId' });
    const never = await rejected(VERIFY_COLLECTION, { input: { idempotencyKey: key('verify'), businessDate: '2025-05-12', accountId: sd, collectionId: 'R-9999', counted: '50.00' } });
    expect(never.extensions).toEqual({ code: 'COLLECTION_NOT_FOUND', field: 'collectionId' });
  });

  it('an account for an exited member, and for a member savings has never heard of', async () => {
    const leaver = await admit('SNG');
    await ok(EXIT_MEMBER, { input: { idempotencyKey: key('exit'), businessDate: '2025-05-12', memberNo: leaver } });
    const exited = await rejected(OPEN, { input: { idempotencyKey: key('open'), businessDate: '2025-05-12', memberNo: leaver, product: 'THRIFT_FUND' } });
    expect(exited.extensions).toEqual({ code: 'MEMBER_NOT_ACTIVE', field: 'memberStatus' });
    const unknown = await rejected(OPEN, { input: { idempotencyKey: key('open'), businessDate: '2025-05-12', memberNo: 'DHT-777777', product: 'THRIFT_FUND' } });
    expect(unknown.extensions).toEqual({ code: 'MEMBER_NOT_FOUND', field: 'memberNo' });
  });

  it("a teller acting on another branch's account", async () => {
    const teller = issueDevToken({ secret: platform.config.jwtSecret, userId: 'teller-klg', role: 'teller', branch: 'KLG' });
    const before = await head();
    const answer = await gql(DEPOSIT, deposit({}), teller);
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await head()).toBe(before);
  });
});

describe('own-account transfers', () => {
  let memberNo: string;
  let sd: string;
  let tf: string;

  beforeAll(async () => {
    memberNo = await admit('KLG');
    sd = await open(memberNo, 'SAVINGS_DEPOSIT', '2025-06-02');
    tf = await open(memberNo, 'THRIFT_FUND', '2025-06-02');
    await cash(DEPOSIT, sd, memberNo, '500.00', '2025-06-02');
  });

  it('debits one account and credits the other, once', async () => {
    const input = { idempotencyKey: key('transfer'), businessDate: '2025-06-03', memberNo, fromAccountId: sd, toAccountId: tf, amount: '120.00' };
    const done = (await ok<{ transferBetweenOwnAccounts: { status: string; replayed: boolean; position: string } }>(TRANSFER, { input })).transferBetweenOwnAccounts;
    expect(done).toMatchObject({ status: 'COMPLETED', replayed: false });
    const again = (await ok<{ transferBetweenOwnAccounts: { status: string; replayed: boolean } }>(TRANSFER, { input })).transferBetweenOwnAccounts;
    expect(again).toMatchObject({ status: 'COMPLETED', replayed: true });
    expect((await account(sd, done.position)).balance).toBe('380.00');
    expect((await account(tf)).balance).toBe('120.00');
    expect((await passbook(tf)).map((entry) => [entry.narration, entry.credit])).toEqual([[`Transfer from own account ${sd}`, '120.00']]);
  });

  it('reverses the debit when the destination refuses the credit, and never credits on a re-run', async () => {
    const missing = `${memberNo}-TF-02`;
    const input = { idempotencyKey: key('transfer'), businessDate: '2025-06-03', memberNo, fromAccountId: sd, toAccountId: missing, amount: '30.00' };
    const reversed = (await ok<{ transferBetweenOwnAccounts: { status: string; failure: unknown; position: string } }>(TRANSFER, { input })).transferBetweenOwnAccounts;
    expect(reversed).toMatchObject({ status: 'REVERSED', failure: { code: 'ACCOUNT_NOT_FOUND', field: 'accountId' } });
    expect((await account(sd, reversed.position)).balance).toBe('380.00');
    // The destination opens afterwards (same day); the same request sent again must not move the money now.
    expect(await open(memberNo, 'THRIFT_FUND', '2025-06-03')).toBe(missing);
    const rerun = (await ok<{ transferBetweenOwnAccounts: { status: string; replayed: boolean; credit: unknown } }>(TRANSFER, { input })).transferBetweenOwnAccounts;
    expect(rerun).toMatchObject({ status: 'REVERSED', replayed: true, credit: null });
    expect((await account(missing, await head())).balance).toBe('0.00');
    expect((await passbook(sd)).map((entry) => entry.category)).toEqual(['DEPOSIT', 'TRANSFER_OUT', 'TRANSFER_OUT', 'TRANSFER_REVERSAL']);
    // The refused credit is on the audit trail once: the re-run found the reversal done and refused nothing.
    const trail = await ok<{ auditTrail: { entries: Array<{ operation: string; refusedBy: string; code: string; field: string | null; targetBranchCode: string | null }> } }>(
      `query { auditTrail(filter: { outcome: REFUSED }, first: 500) { entries { operation refusedBy code field targetBranchCode } } }`,
    );
    expect(trail.auditTrail.entries.filter((entry) => entry.operation === 'transferBetweenOwnAccounts' && entry.code === 'ACCOUNT_NOT_FOUND')).toEqual([
      { operation: 'transferBetweenOwnAccounts', refusedBy: 'DOMAIN', code: 'ACCOUNT_NOT_FOUND', field: 'accountId', targetBranchCode: 'KLG' },
    ]);
  });

  it('refuses a transfer beyond the balance or to another member, appending nothing', async () => {
    const base = { idempotencyKey: key('transfer'), businessDate: '2025-06-03', memberNo, fromAccountId: sd, toAccountId: tf };
    expect((await rejected(TRANSFER, { input: { ...base, amount: '380.01' } })).extensions).toEqual({ code: 'INSUFFICIENT_BALANCE', field: 'amount' });
    expect((await rejected(TRANSFER, { input: { ...base, amount: '1.00', toAccountId: 'KLG-999999-TF-01' } })).extensions).toEqual({ code: 'NOT_OWN_ACCOUNT', field: 'toAccountId' });
  });
});

describe('Recurring Deposits', () => {
  let memberNo: string;

  beforeAll(async () => {
    memberNo = await admit('DHT', '2025-03-01');
  });

  it('opens with the published maturity values: Rs 50/month → Rs 630 after 1 year, Rs 200/month → Rs 5,168 after 2', async () => {
    for (const [instalment, tenureYears, maturityValue] of [
      ['50.00', 1, '630.00'],
      ['200.00', 2, '5168.00'],
    ] as const) {
      const opened = (await ok<{ openRecurringDeposit: AccountPayload }>(OPEN_RD, { input: { idempotencyKey: key('rd'), businessDate: '2025-03-10', memberNo, instalment, tenureYears } }))
        .openRecurringDeposit;
      expect(opened.balance).toBe(instalment);
      expect((await account(opened.accountId, opened.result.position)).recurringDeposit).toMatchObject({ instalment, tenureYears, instalmentCount: tenureYears * 12, instalmentsPaid: 1, maturityValue });
    }
  });

  it('pays instalments, fines a missed one at day-end, takes the fine and closes prematurely', async () => {
    const opened = (await ok<{ openRecurringDeposit: AccountPayload }>(OPEN_RD, { input: { idempotencyKey: key('rd'), businessDate: '2025-03-12', memberNo, instalment: '200.00', tenureYears: 1 } }))
      .openRecurringDeposit;
    const rd = opened.accountId;
    expect((await cash(PAY_INSTALMENT, rd, memberNo, '200.00', '2025-04-02')).balance).toBe('400.00');
    // May's instalment is missed: the May day-end fines it (Rs 2.00 per Rs 100 → Rs 4.00).
    const closed = await dayEnd('DHT', '2025-05-31');
    expect(closed.datesClosed).toEqual(['2025-05-31']);
    const fined = await account(rd, closed.position);
    expect(fined.recurringDeposit).toMatchObject({ instalmentsPaid: 2, finesOutstanding: '4.00' });
    await cash(PAY_FINE, rd, memberNo, '4.00', '2025-06-01');
    await cash(PAY_INSTALMENT, rd, memberNo, '200.00', '2025-06-01');
    const closure = (await ok<{ closeRecurringDeposit: AccountPayload }>(CLOSE_RD, { input: { idempotencyKey: key('close-rd'), businessDate: '2025-06-15', accountId: rd, memberNo, closure: 'PREMATURE' } }))
      .closeRecurringDeposit;
    expect(closure.balance).toBe('0.00');
    const lines = await passbook(rd, closure.result.position);
    expect(lines.map((entry) => entry.category)).toEqual(['INSTALMENT', 'INSTALMENT', 'FINE_CHARGED', 'FINE_PAID', 'INSTALMENT', 'INTEREST', 'CLOSURE_PAYOUT']);
    expect(lines[2]).toMatchObject({ date: '2025-05-31', debit: '0.00', credit: '0.00', balance: '400.00' });
    expect(lines.at(-1)).toMatchObject({ date: '2025-06-15', balance: '0.00' });
    expect((await account(rd)).status).toBe('CLOSED');
    const atMaturity = await rejected(CLOSE_RD, { input: { idempotencyKey: key('close-rd'), businessDate: '2025-06-15', accountId: opened.accountId, memberNo, closure: 'MATURITY' } });
    expect(atMaturity.extensions).toEqual({ code: 'ACCOUNT_CLOSED', field: 'accountId' });
  });
});

describe('door-step collections', () => {
  it('keeps collections pending until verified (posted) or disputed (flagged), on the agent daily sheet', async () => {
    const memberNo = await admit('KLG');
    const tf = await open(memberNo, 'THRIFT_FUND', '2025-07-01');
    for (const [collectionId, amount] of [
      ['SHEET-1', '20.00'],
      ['SHEET-2', '35.00'],
      ['SHEET-3', '15.00'],
    ]) {
      const recorded = await ok<{ recordCollection: AccountPayload }>(RECORD_COLLECTION, {
        input: { idempotencyKey: key('collect'), businessDate: '2025-07-02', accountId: tf, memberNo, collectionId, agentId: 'agent-klg-3', amount },
      });
      expect(recorded.recordCollection.balance).toBeNull();
    }
    expect((await account(tf, await head())).pendingCollections).toBe('70.00');
    const verified = await ok<{ verifyCollection: AccountPayload }>(VERIFY_COLLECTION, {
      input: { idempotencyKey: key('verify'), businessDate: '2025-07-03', accountId: tf, collectionId: 'SHEET-1', counted: '20.00' },
    });
    expect(verified.verifyCollection.balance).toBe('20.00');
    const mismatch = await rejected(VERIFY_COLLECTION, { input: { idempotencyKey: key('verify'), businessDate: '2025-07-03', accountId: tf, collectionId: 'SHEET-2', counted: '30.00' } });
    expect(mismatch.extensions).toEqual({ code: 'COLLECTION_AMOUNT_MISMATCH', field: 'counted' });
    const disputed = await ok<{ disputeCollection: AccountPayload }>(DISPUTE_COLLECTION, {
      input: { idempotencyKey: key('dispute'), businessDate: '2025-07-03', accountId: tf, collectionId: 'SHEET-2', counted: '30.00' },
    });

    const sheet = await ok<{ agentDailySheet: Record<string, unknown> }>(
      `query ($consistentWith: String) { agentDailySheet(branchCode: "KLG", agentId: "agent-klg-3", businessDate: "2025-07-02", consistentWith: $consistentWith) {
        recorded verified disputed pending difference collections { collectionId status counted difference } } }`,
      { consistentWith: disputed.disputeCollection.result.position },
    );
    expect(sheet.agentDailySheet).toEqual({
      recorded: '70.00',
      verified: '20.00',
      disputed: '35.00',
      pending: '15.00',
      difference: '-5.00',
      collections: [
        { collectionId: 'SHEET-1', status: 'VERIFIED', counted: '20.00', difference: '0.00' },
        { collectionId: 'SHEET-2', status: 'DISPUTED', counted: '30.00', difference: '-5.00' },
        { collectionId: 'SHEET-3', status: 'PENDING', counted: null, difference: null },
      ],
    });
    expect(await passbook(tf)).toEqual([
      { entryNo: 1, date: '2025-07-03', category: 'COLLECTION', narration: 'Door-step collection SHEET-1 by agent agent-klg-3 on 2025-07-02', debit: '0.00', credit: '20.00', balance: '20.00' },
    ]);
    expect(await account(tf)).toMatchObject({ balance: '20.00', pendingCollections: '15.00' });
  });
});

describe('day-end', () => {
  const accounts: Record<'KLG' | 'SNG', string[]> = { KLG: [], SNG: [] };
  const members: Record<'KLG' | 'SNG', string[]> = { KLG: [], SNG: [] };

  // The same four accounts in two branches: KLG runs its day-end straight through, SNG is killed mid-way and re-run.
  beforeAll(async () => {
    for (const branch of ['KLG', 'SNG'] as const) {
      for (const [index, amount] of ['10000.00', '2500.75', '0.01', '777.77'].entries()) {
        const memberNo = await admit(branch, '2025-03-01');
        const id = await open(memberNo, index % 2 === 0 ? 'SAVINGS_DEPOSIT' : 'THRIFT_FUND', '2025-03-01');
        await cash(DEPOSIT, id, memberNo, amount, '2025-03-01');
        members[branch].push(memberNo);
        accounts[branch].push(id);
      }
    }
  });

  const balances = async (branch: 'KLG' | 'SNG', consistentWith: string | null) =>
    Promise.all(accounts[branch].map(async (id) => (await account(id, consistentWith)).balance));

  it('accrues and posts interest at the half-year ends: Rs 10,000 from 1 March at 5% on minimum balances → Rs 41.67 on 31 March, then 6 × Rs 41.84', async () => {
    const first = await dayEnd('KLG', '2025-09-30');
    expect(first).toMatchObject({ datesClosed: ['2025-09-30'], closedThrough: '2025-09-30' });
    expect(first.accountsClosed).toBeGreaterThanOrEqual(4);
    const sd = await account(accounts.KLG[0], first.position);
    // The first run catches the account up from its opening: March accrued and posted on 31 March (a half-year end),
    // then April–September on Rs 10,041.67 (Rs 41.8403 a month, rounded to Rs 41.84 each month).
    expect(sd).toMatchObject({ balance: '10292.71', unpostedInterest: '0.00' });
    const lines = await passbook(accounts.KLG[0]);
    expect(lines.map((entry) => [entry.date, entry.narration, entry.credit, entry.balance])).toEqual([
      ['2025-03-01', 'Cash deposit', '10000.00', '10000.00'],
      ['2025-03-31', 'Interest 2025-03-01 to 2025-03-31', '41.67', '10041.67'],
      ['2025-09-30', 'Interest 2025-04-01 to 2025-09-30', '251.04', '10292.71'],
    ]);
    const interest = await ok<{ memberInterestPaid: { financialYear: string; interest: string }[] }>(
      `query ($memberNo: String!) { memberInterestPaid(memberNo: $memberNo) { financialYear accountId product interest } }`,
      { memberNo: members.KLG[0] },
    );
    expect(interest.memberInterestPaid).toEqual([
      { financialYear: '2024-25', accountId: accounts.KLG[0], product: 'SAVINGS_DEPOSIT', interest: '41.67' },
      { financialYear: '2025-26', accountId: accounts.KLG[0], product: 'SAVINGS_DEPOSIT', interest: '251.04' },
    ]);
  });

  it('changes nothing when the same day-end runs again', async () => {
    const before = await head();
    const again = await dayEnd('KLG', '2025-09-30');
    expect(again).toMatchObject({ datesClosed: [], closedThrough: '2025-09-30', eventsAppended: 0, position: null });
    expect(await head()).toBe(before);
  });

  it('catches up missed days in order', async () => {
    const caughtUp = await dayEnd('KLG', '2025-10-03');
    expect(caughtUp.datesClosed).toEqual(['2025-10-01', '2025-10-02', '2025-10-03']);
    // The checkpoint is a read model: wait for the day-end's own write before reading it.
    const status = await ok<{ savingsDayEndStatus: { closedThrough: string } }>(
      `query ($consistentWith: String) { savingsDayEndStatus(branchCode: "KLG", consistentWith: $consistentWith) { closedThrough } }`,
      { consistentWith: caughtUp.position },
    );
    expect(status.savingsDayEndStatus.closedThrough).toBe('2025-10-03');
  });

  it('gives the same balances when killed mid-way and re-run', async () => {
    const controller = new AbortController();
    let closed = 0;
    const context = { idempotencyKey: key('killed-day-end'), businessDate: '2025-09-30', actor: { userId: 'ops', role: 'head_office', branchCode: 'SNG' } } as const;
    await expect(
      platform.savings.commands.runDayEnd({ branchCode: 'SNG', businessDate: '2025-09-30' }, context, {
        signal: controller.signal,
        onAccountClosed: () => {
          if (++closed === 1) controller.abort(new Error('killed'));
        },
      }),
    ).rejects.toThrow('killed');
    expect(await platform.savings.reader.lastClosedDay('SNG')).toBeNull();
    // Accounts go in account-id order, four at a time: these (the branch's newest) were never reached.
    expect(await balances('SNG', await head())).toEqual(['10000.00', '2500.75', '0.01', '777.77']);
    const rerun = await dayEnd('SNG', '2025-09-30');
    expect(rerun.datesClosed).toEqual(['2025-09-30']);
    expect(await balances('SNG', rerun.position)).toEqual(await balances('KLG', null));
    const again = await dayEnd('SNG', '2025-09-30');
    expect(again.datesClosed).toEqual([]);
    expect(await balances('SNG', null)).toEqual(await balances('KLG', null));
  });

  it('rejects a day-end for a future date or a malformed branch, appending nothing', async () => {
    expect((await rejected(DAY_END, { input: { idempotencyKey: key('day-end'), businessDate: '2099-12-31', branchCode: 'KLG' } })).extensions).toEqual({
      code: 'BUSINESS_DATE_IN_FUTURE',
      field: 'businessDate',
    });
    expect((await rejected(DAY_END, { input: { idempotencyKey: key('day-end'), businessDate: '2025-10-04', branchCode: 'klg' } })).extensions).toEqual({
      code: 'INVALID_BRANCH_CODE',
      field: 'branchCode',
    });
  });
});

describe('the read models recompute from the events to the paisa', () => {
  interface Folded {
    balance: number;
    credits: number;
    debits: number;
  }

  /** An independent fold of every deposit-account event: balance, credits and debits per account; cash and interest per key. */
  function foldEvents(events: RecordedEvent[]) {
    const accounts = new Map<string, Folded>();
    const cash = new Map<string, { receipts: number; payments: number }>();
    const interest = new Map<string, number>();
    const money = (data: Record<string, number>, name: string): number => data[name] ?? 0;
    for (const event of events) {
      if (!event.streamId.startsWith('savingsAccount-')) continue;
      const data = event.data as Record<string, number> & { accountId: string; businessDate: string };
      const folded = accounts.get(data.accountId) ?? { balance: 0, credits: 0, debits: 0 };
      accounts.set(data.accountId, folded);
      const dayKey = `${data.accountId.slice(0, 3)}/${data.businessDate}`;
      const day = cash.get(dayKey) ?? { receipts: 0, payments: 0 };
      cash.set(dayKey, day);
      const fy = (date: string) => (Number(date.slice(5, 7)) >= 4 ? `${date.slice(0, 4)}-${String(Number(date.slice(2, 4)) + 1).padStart(2, '0')}` : `${Number(date.slice(0, 4)) - 1}-${date.slice(2, 4)}`);
      const credit = (amount: number) => ((folded.balance += amount), (folded.credits += amount));
      const debit = (amount: number) => ((folded.balance -= amount), (folded.debits += amount));
      const earned = (amount: number) => interest.set(`${data.accountId}/${fy(data.businessDate)}`, (interest.get(`${data.accountId}/${fy(data.businessDate)}`) ?? 0) + amount);
      switch (event.type) {
        case 'DepositRecorded':
        case 'CollectionVerified':
        case 'InstalmentPaid':
          credit(money(data, 'amountPaise'));
          day.receipts += money(data, 'amountPaise');
          break;
        case 'OpeningBalanceRecorded':
        case 'OwnAccountTransferCredited':
        case 'OwnAccountTransferReversed':
          credit(money(data, 'amountPaise'));
          break;
        case 'InterestPosted':
          credit(money(data, 'amountPaise'));
          earned(money(data, 'amountPaise'));
          break;
        case 'WithdrawalRecorded':
          debit(money(data, 'amountPaise'));
          day.payments += money(data, 'amountPaise');
          break;
        case 'OwnAccountTransferDebited':
          debit(money(data, 'amountPaise'));
          break;
        case 'FinePaid':
          day.receipts += money(data, 'amountPaise');
          break;
        case 'SavingsAccountClosed':
          debit(money(data, 'payoutPaise'));
          day.payments += money(data, 'payoutPaise');
          break;
        case 'RecurringDepositClosedPrematurely':
        case 'RecurringDepositClosedAtMaturity':
          credit(money(data, 'interestPaise'));
          earned(money(data, 'interestPaise'));
          debit(money(data, 'finesDeductedPaise') + money(data, 'payoutPaise'));
          day.payments += money(data, 'payoutPaise');
          break;
      }
      if (typeof data.balancePaise === 'number') expect({ account: data.accountId, balance: folded.balance }).toEqual({ account: data.accountId, balance: data.balancePaise });
    }
    return { accounts, cash, interest };
  }

  it('passbooks, balances, the cash book and the interest paid agree with a fold of every event', async () => {
    const position = await head();
    const events = await platform.store.readAll({ maxCount: 100_000 });
    const folded = foldEvents(events);
    expect(folded.accounts.size).toBeGreaterThan(20);
    const paise = (rupees: string) => rupeesToPaise(rupees, { allowNegative: true });
    for (const [accountId, expected] of folded.accounts) {
      const lines = await passbook(accountId, position);
      let running = 0;
      for (const line of lines) {
        running += paise(line.credit) - paise(line.debit);
        expect({ accountId, entryNo: line.entryNo, balance: paise(line.balance) }).toEqual({ accountId, entryNo: line.entryNo, balance: running });
      }
      expect({ accountId, balance: running, credits: lines.reduce((sum, line) => sum + paise(line.credit), 0) }).toEqual({ accountId, balance: expected.balance, credits: expected.credits });
      expect({ accountId, balance: (await account(accountId)).balance }).toEqual({ accountId, balance: formatPaiseAsRupees(expected.balance) });
    }
    for (const [dayKey, expected] of folded.cash) {
      const [branchCode, businessDate] = dayKey.split('/');
      const book = await ok<{ savingsCashBook: { receipts: string; payments: string } }>(
        `query ($branchCode: String, $businessDate: Date!) { savingsCashBook(branchCode: $branchCode, businessDate: $businessDate) { receipts payments } }`,
        { branchCode, businessDate },
      );
      expect({ dayKey, ...book.savingsCashBook }).toEqual({ dayKey, receipts: formatPaiseAsRupees(expected.receipts), payments: formatPaiseAsRupees(expected.payments) });
    }
    const memberNos = new Set([...folded.accounts.keys()].map((id) => id.slice(0, 10)));
    const reported = new Map<string, number>();
    for (const memberNo of memberNos) {
      const rows = await ok<{ memberInterestPaid: { financialYear: string; accountId: string; interest: string }[] }>(
        `query ($memberNo: String!) { memberInterestPaid(memberNo: $memberNo) { financialYear accountId interest } }`,
        { memberNo },
      );
      for (const row of rows.memberInterestPaid) reported.set(`${row.accountId}/${row.financialYear}`, paise(row.interest));
    }
    expect(reported).toEqual(new Map([...folded.interest].filter(([, amount]) => amount > 0)));
  });

  it('rebuilds every read model from position 0 to the same answers', async () => {
    const sample = [...foldEvents(await platform.store.readAll({ maxCount: 100_000 })).accounts.keys()].slice(0, 8);
    const before = await Promise.all(sample.map(async (id) => [await account(id), await passbook(id)]));
    await platform.runner.rebuild();
    expect(await Promise.all(sample.map(async (id) => [await account(id, await head()), await passbook(id)]))).toEqual(before);
  });
});
