// Lending into savings end to end (issues 4 and 5) on the single-node platform: a loan disbursed into the
// borrower's savings account goes LoanDisbursementRequested → savings credit → LoanDisbursed through the
// disbursement process running off the store's subscription; a re-delivery of every event (checkpoint lost)
// credits nothing twice; a refused credit returns the loan to APPROVED. Also maker–checker rejection,
// withdrawal of an application and the loan products in force on a date.
import { formatPosition, type Position } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(180_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}
type Payload = { loanId: string; result: { replayed: boolean; position: string | null } };

let platform: RunningPlatform;
const tokens: Record<string, string> = {};
let keyCounter = 0;
const key = (label: string): string => `disburse-e2e-${label}-${++keyCounter}`;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 10_000 }));
  const secret = platform.config.jwtSecret;
  tokens.headOffice = issueDevToken({ secret });
  tokens.teller = issueDevToken({ secret, userId: 'e2e-teller-sng', role: 'teller', branch: 'SNG' });
  tokens.manager1 = issueDevToken({ secret, userId: 'e2e-manager-sng-1', role: 'branch_manager', branch: 'SNG' });
  tokens.manager2 = issueDevToken({ secret, userId: 'e2e-manager-sng-2', role: 'branch_manager', branch: 'SNG' });
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

async function ok<T>(query: string, variables: Record<string, unknown>, token = tokens.headOffice): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const head = async (): Promise<Position | 'start'> => platform.store.headPosition();

async function refused(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<void> {
  const before = formatPosition(await head());
  const answer = await gql(query, variables, token);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expect(formatPosition(await head())).toBe(before);
}

/** Waits until the disbursement process and then the read models have caught up with everything written so far. */
async function settled(): Promise<string> {
  const position = await head();
  expect(await platform.processes.waitForPosition(position, 10_000)).toBe(true);
  const after = await head();
  expect(await platform.runner.waitForPosition(after, 10_000)).toBe(true);
  return formatPosition(after);
}

const RESULT = 'result { replayed position }';
const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`;
const CLOSE_SAVINGS = `mutation ($input: SavingsAccountOfMemberInput!) { closeSavingsAccount(input: $input) { balance } }`;
const APPLY = `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) { loanId ${RESULT} } }`;
const APPRAISE = `mutation ($input: AppraiseLoanInput!) { appraiseLoan(input: $input) { loanId ${RESULT} } }`;
const APPROVE = `mutation ($input: LoanCommandInput!) { approveLoan(input: $input) { loanId ${RESULT} } }`;
const DISBURSE = `mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) { loanId ${RESULT} } }`;
const REJECT = `mutation ($input: RejectLoanInput!) { rejectLoan(input: $input) { loanId ${RESULT} } }`;
const WITHDRAW = `mutation ($input: WithdrawLoanApplicationInput!) { withdrawLoanApplication(input: $input) { loanId ${RESULT} } }`;
const LOAN = `query ($loanId: String!, $consistentWith: String) { loan(loanId: $loanId, consistentWith: $consistentWith) { status disbursedOn principalOutstanding transactions { kind amount } } }`;
const PASSBOOK = `query ($accountId: String!, $consistentWith: String) { passbook(accountId: $accountId, first: 100, consistentWith: $consistentWith) { entries { category narration credit balance } } }`;
const PRODUCTS = `query ($onDate: Date) { loanProducts(onDate: $onDate) { code name purposes effectiveFrom ratePercent rateBasis minAmount maxAmount minInstalments maxInstalments guarantorRules { fromAmount guarantors } } }`;

let memberNo: string;
let sd: string;

beforeAll(async () => {
  memberNo = (await ok<{ admitMember: { memberNo: string } }>(ADMIT, { input: { idempotencyKey: key('admit'), businessDate: '2024-01-10', branchCode: 'SNG', personal: { fullName: 'Synthetic Borrower', dateOfBirth: '1987-07-07' }, shares: 1 } })).admitMember.memberNo;
  sd = (await ok<{ openSavingsAccount: { accountId: string } }>(OPEN, { input: { idempotencyKey: key('open'), businessDate: '2024-01-10', memberNo, product: 'SAVINGS_DEPOSIT' } })).openSavingsAccount.accountId;
  await ok(DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate: '2024-01-10', accountId: sd, memberNo, amount: '20000.00' } });
});

/** An application recorded and appraised by the teller and approved by manager 1 (unless `approve` is false). */
async function approvedLoan(productCode: string, purpose: string, amount: string, approve = true): Promise<string> {
  const { applyForLoan } = await ok<{ applyForLoan: Payload }>(
    APPLY,
    { input: { idempotencyKey: key('apply'), businessDate: '2024-08-01', memberNo, productCode, purpose, amount, numberOfInstalments: 6 } },
    tokens.teller,
  );
  await ok(APPRAISE, { input: { idempotencyKey: key('appraise'), businessDate: '2024-08-01', loanId: applyForLoan.loanId } }, tokens.teller);
  if (approve) await ok(APPROVE, { input: { idempotencyKey: key('approve'), businessDate: '2024-08-01', loanId: applyForLoan.loanId } }, tokens.manager1);
  return applyForLoan.loanId;
}

describe('disbursement into the borrower\'s savings account', () => {
  it('credits the savings account once, names the loan in the passbook, and activates the loan', async () => {
    const loanId = await approvedLoan('EDU', 'EDUCATION', '10000.00');
    await refused(DISBURSE, { input: { idempotencyKey: key('disburse'), businessDate: '2024-08-02', loanId, channel: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-999999-SD-01' } }, tokens.teller, 'NOT_BORROWERS_SAVINGS_ACCOUNT', 'channel.savingsAccountId');
    const disburseKey = key('disburse');
    const requested = (await ok<{ disburseLoan: Payload }>(DISBURSE, { input: { idempotencyKey: disburseKey, businessDate: '2024-08-02', loanId, channel: 'SAVINGS_ACCOUNT', savingsAccountId: sd } }, tokens.teller)).disburseLoan;
    expect(requested.result.replayed).toBe(false);
    const consistentWith = await settled();

    const loan = (await ok<{ loan: { status: string; disbursedOn: string; principalOutstanding: string; transactions: Array<{ kind: string; amount: string | null }> } }>(LOAN, { loanId, consistentWith })).loan;
    expect(loan).toMatchObject({ status: 'ACTIVE', disbursedOn: '2024-08-02', principalOutstanding: '10000.00' });
    expect(loan.transactions.map((line) => line.kind)).toEqual(['APPLIED', 'APPRAISED', 'APPROVED', 'DISBURSEMENT_REQUESTED', 'DISBURSED']);
    const lines = (await ok<{ passbook: { entries: Array<{ category: string; narration: string; credit: string; balance: string }> } }>(PASSBOOK, { accountId: sd, consistentWith })).passbook.entries;
    expect(lines.at(-1)).toEqual({ category: 'LOAN_CREDIT', narration: `Loan ${loanId} disbursed`, credit: '10000.00', balance: '30000.00' });

    // The same request again is a replay; a second request is refused: the loan is disbursed.
    expect((await ok<{ disburseLoan: Payload }>(DISBURSE, { input: { idempotencyKey: disburseKey, businessDate: '2024-08-02', loanId, channel: 'SAVINGS_ACCOUNT', savingsAccountId: sd } }, tokens.teller)).disburseLoan.result.replayed).toBe(true);
    await refused(DISBURSE, { input: { idempotencyKey: key('disburse'), businessDate: '2024-08-02', loanId, channel: 'CASH' } }, tokens.teller, 'LOAN_ALREADY_DISBURSED', 'loanId');

    // Every event delivered to the process again (its checkpoint lost, as after a crash before storing it): nothing is credited twice.
    await platform.processes.stop();
    const stored = await platform.db.query<{ name: string }>('SELECT name FROM process_managers.checkpoints');
    expect(stored.rows.map((row) => row.name)).toEqual(['loan_disbursement']);
    await platform.db.query('DELETE FROM process_managers.checkpoints');
    const before = formatPosition(await head());
    await platform.processes.start();
    await settled();
    expect(formatPosition(await head())).toBe(before);
    const after = (await ok<{ passbook: { entries: Array<{ category: string }> } }>(PASSBOOK, { accountId: sd, consistentWith: before })).passbook.entries;
    expect(after.filter((line) => line.category === 'LOAN_CREDIT')).toHaveLength(1);
  });

  it('returns the loan to APPROVED when savings refuses the credit (account closed), and cash still works', async () => {
    const tf = (await ok<{ openSavingsAccount: { accountId: string } }>(OPEN, { input: { idempotencyKey: key('open-tf'), businessDate: '2024-08-01', memberNo, product: 'THRIFT_FUND' } })).openSavingsAccount.accountId;
    await ok(CLOSE_SAVINGS, { input: { idempotencyKey: key('close-tf'), businessDate: '2024-08-01', accountId: tf, memberNo } });
    const loanId = await approvedLoan('MED', 'MEDICAL', '5000.00');
    await ok(DISBURSE, { input: { idempotencyKey: key('disburse'), businessDate: '2024-08-02', loanId, channel: 'SAVINGS_ACCOUNT', savingsAccountId: tf } }, tokens.teller);
    const consistentWith = await settled();
    const loan = (await ok<{ loan: { status: string; transactions: Array<{ kind: string }> } }>(LOAN, { loanId, consistentWith })).loan;
    expect(loan.status).toBe('APPROVED');
    expect(loan.transactions.map((line) => line.kind).slice(-2)).toEqual(['DISBURSEMENT_REQUESTED', 'DISBURSEMENT_FAILED']);
    const cash = (await ok<{ disburseLoan: Payload }>(DISBURSE, { input: { idempotencyKey: key('disburse'), businessDate: '2024-08-03', loanId, channel: 'CASH' } }, tokens.teller)).disburseLoan;
    expect((await ok<{ loan: { status: string } }>(LOAN, { loanId, consistentWith: cash.result.position })).loan.status).toBe('ACTIVE');
  });
});

describe('rejection and withdrawal of applications', () => {
  it('lets a second manager reject, never the maker, and records the member\'s withdrawal', async () => {
    const { applyForLoan } = await ok<{ applyForLoan: Payload }>(
      APPLY,
      { input: { idempotencyKey: key('apply'), businessDate: '2024-08-01', memberNo, productCode: 'OTH', purpose: 'OTHER', amount: '1000.00', numberOfInstalments: 3 } },
      tokens.manager1,
    );
    const reject = (token: string, reason = 'INSUFFICIENT_REPAYMENT_CAPACITY') => gql<{ rejectLoan: Payload }>(REJECT, { input: { idempotencyKey: key('reject'), businessDate: '2024-08-02', loanId: applyForLoan.loanId, reason } }, token);
    await refused(REJECT, { input: { idempotencyKey: key('reject'), businessDate: '2024-08-02', loanId: applyForLoan.loanId, reason: 'INSUFFICIENT_REPAYMENT_CAPACITY' } }, tokens.manager1, 'MAKER_CANNOT_APPROVE', 'actor.userId');
    await refused(REJECT, { input: { idempotencyKey: key('reject'), businessDate: '2024-08-02', loanId: applyForLoan.loanId, reason: 'not a code' } }, tokens.manager2, 'INVALID_REASON', 'reason');
    expect((await gql(REJECT, { input: { idempotencyKey: key('reject'), businessDate: '2024-08-02', loanId: applyForLoan.loanId, reason: 'X_Y' } }, tokens.teller)).errors).toBeDefined();
    const rejected = (await reject(tokens.manager2)).data!.rejectLoan;
    expect((await ok<{ loan: { status: string } }>(LOAN, { loanId: applyForLoan.loanId, consistentWith: rejected.result.position })).loan.status).toBe('REJECTED');
    await refused(APPROVE, { input: { idempotencyKey: key('approve'), businessDate: '2024-08-02', loanId: applyForLoan.loanId } }, tokens.manager2, 'LOAN_NOT_APPRAISED', 'loanId');

    const withdrawn = await approvedLoan('OTH', 'OTHER', '1000.00', false);
    const answer = (await ok<{ withdrawLoanApplication: Payload }>(WITHDRAW, { input: { idempotencyKey: key('withdraw'), businessDate: '2024-08-02', loanId: withdrawn, reason: 'FUNDS_NOT_NEEDED' } }, tokens.teller)).withdrawLoanApplication;
    expect((await ok<{ loan: { status: string } }>(LOAN, { loanId: withdrawn, consistentWith: answer.result.position })).loan.status).toBe('WITHDRAWN');
    await refused(WITHDRAW, { input: { idempotencyKey: key('withdraw'), businessDate: '2024-08-02', loanId: withdrawn } }, tokens.teller, 'LOAN_NOT_WITHDRAWABLE', 'loanId');
  });
});

describe('loan products', () => {
  it('lists the products and terms in force on a date', async () => {
    const products = (await ok<{ loanProducts: Array<Record<string, unknown>> }>(PRODUCTS, { onDate: '2024-08-01' }, tokens.teller)).loanProducts;
    expect(products.map((product) => product.code)).toEqual(['BUS', 'EDU', 'HSG', 'LND', 'MED', 'MRG', 'OTH']);
    expect(products.find((product) => product.code === 'EDU')).toMatchObject({
      purposes: ['EDUCATION'],
      effectiveFrom: '2020-04-01',
      ratePercent: '9',
      rateBasis: 'YEAR',
      minAmount: '1000.00',
      maxAmount: '50000.00',
      minInstalments: 6,
      maxInstalments: 36,
      guarantorRules: [
        { fromAmount: '25000.00', guarantors: 1 },
        { fromAmount: '40000.00', guarantors: 2 },
      ],
    });
    expect((await ok<{ loanProducts: unknown[] }>(PRODUCTS, { onDate: '2019-01-01' }, tokens.teller)).loanProducts).toEqual([]);
  });
});
