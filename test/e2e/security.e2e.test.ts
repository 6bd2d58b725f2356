// Security end to end (issue 6 items 1, 2, 3, 6): the staff registry refusing disabled users at once,
// branch scoping per role, maker–checker over GraphQL, and the GraphQL hardening — the single-node
// platform in-process on an in-memory PGlite, driven over HTTP.
import { createHash } from 'node:crypto';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import type { StaffRole } from '@samabay/domain-kit';

jest.setTimeout(120_000);

interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string; stacktrace?: unknown };
}
interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

let platform: RunningPlatform;
/** The shared platform's log lines (level info and above), to show what a refusal logs. */
const logLines: string[] = [];
let keyCounter = 0;
const key = (label: string): string => `security-e2e-${label}-${++keyCounter}`;
const businessDate = '2025-04-01';

function token(userId: string, role: StaffRole, branch: string, on: RunningPlatform = platform): string {
  return issueDevToken({ secret: on.config.jwtSecret, userId, role, branch });
}

async function post(body: unknown, bearer: string | null, on: RunningPlatform = platform): Promise<{ status: number; json: unknown }> {
  const response = await fetch(on.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** POSTs `body` as it is (not JSON-encoded), as a client with a broken serializer would. */
async function postRaw(body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${headOffice()}`, ...headers }, body });
  return { status: response.status, text: await response.text() };
}

async function gql<T>(bearer: string | null, query: string, variables: Record<string, unknown> = {}, on: RunningPlatform = platform): Promise<GraphQLResponse<T>> {
  return (await post({ query, variables }, bearer, on)).json as GraphQLResponse<T>;
}

async function ok<T>(bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await gql<T>(bearer, query, variables);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const codeOf = (answer: GraphQLResponse<unknown>): string | undefined => answer.errors?.[0]?.extensions?.code;

const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`;
const MEMBER = `query ($memberNo: String!) { member(memberNo: $memberNo) { memberNo fullName phone } }`;
const MEMBERS = `query ($branchCode: String, $search: String, $after: String) { members(branchCode: $branchCode, search: $search, after: $after, first: 50) { edges { cursor node { memberNo branchCode fullName } } } }`;
const SUMMARIES = `{ branchSummaries { branchCode totalMembers } }`;
const PURCHASE = `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId result { position } } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance result { position } } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { balance } }`;
const ACCOUNT = `query ($accountId: String!, $consistentWith: String) { savingsAccount(accountId: $accountId, consistentWith: $consistentWith) { balance } }`;
const MEMBER_LOANS = `query ($memberNo: String!) { memberLoans(memberNo: $memberNo) { __typename } }`;
const REGISTER_STAFF = `mutation ($input: RegisterStaffInput!) { registerStaff(input: $input) { position } }`;
const DISABLE_STAFF = `mutation ($input: DisableStaffInput!) { disableStaff(input: $input) { position } }`;
const ENABLE_STAFF = `mutation ($input: EnableStaffInput!) { enableStaff(input: $input) { position } }`;
const REQUEST_REGISTRATION = `mutation ($input: RegisterStaffInput!) { requestStaffRegistration(input: $input) { approvalId status position } }`;
const REQUEST_ROLE_CHANGE = `mutation ($input: RequestStaffRoleChangeInput!) { requestStaffRoleChange(input: $input) { approvalId status position } }`;
const REQUEST_LARGE_WITHDRAWAL = `mutation ($input: RequestLargeWithdrawalInput!) { requestLargeWithdrawal(input: $input) { approvalId status position } }`;
const APPROVE = `mutation ($input: PendingItemInput!) { approvePendingItem(input: $input) { approvalId status outcomeCode position } }`;
const REFUSE = `mutation ($input: RefusePendingItemInput!) { refusePendingItem(input: $input) { approvalId status outcomeCode } }`;
const PENDING = `query ($branchCode: String, $consistentWith: String) { pendingItems(branchCode: $branchCode, consistentWith: $consistentWith) { approvalId kind branchCode makerUserId checkerRoles status subject { key value } } }`;
const STAFF_MEMBER = `query ($userId: String!, $consistentWith: String) { staffMember(userId: $userId, consistentWith: $consistentWith) { userId role branchCode active } }`;

const headOffice = () => token('sec-ho-1', 'head_office', 'SNG');
const otherHeadOffice = () => token('sec-ho-2', 'head_office', 'SNG');

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 3_000, logLevel: 'info', logDestination: { write: (line: string) => void logLines.push(line) } }));
});
afterAll(async () => platform?.stop());

async function admit(branchCode: string, fullName: string): Promise<string> {
  const data = await ok<{ admitMember: { memberNo: string } }>(headOffice(), ADMIT, {
    input: { idempotencyKey: key('admit'), businessDate, branchCode, personal: { fullName, dateOfBirth: '1985-06-15', phone: '9000000009' }, shares: 1 },
  });
  return data.admitMember.memberNo;
}

async function openWithBalance(memberNo: string, rupees: string): Promise<{ accountId: string; position: string }> {
  const opened = await ok<{ openSavingsAccount: { accountId: string } }>(headOffice(), OPEN, { input: { idempotencyKey: key('open'), businessDate, memberNo, product: 'SAVINGS_DEPOSIT' } });
  const accountId = opened.openSavingsAccount.accountId;
  const deposited = await ok<{ deposit: { result: { position: string } } }>(headOffice(), DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate, accountId, memberNo, amount: rupees } });
  return { accountId, position: deposited.deposit.result.position };
}

describe('the staff registry, consulted on every request', () => {
  it('refuses a disabled user at once, and again accepts them once enabled', async () => {
    await ok(headOffice(), REGISTER_STAFF, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-teller-1', role: 'TELLER', branchCode: 'KLG' } });
    const teller = token('sec-teller-1', 'teller', 'KLG');
    expect((await gql(teller, SUMMARIES)).errors).toBeUndefined();

    await ok(headOffice(), DISABLE_STAFF, { input: { idempotencyKey: key('disable'), businessDate, userId: 'sec-teller-1', reasonCode: 'LEFT_SERVICE' } });
    const refused = await gql(teller, SUMMARIES);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/disabled/);

    await ok(headOffice(), ENABLE_STAFF, { input: { idempotencyKey: key('enable'), businessDate, userId: 'sec-teller-1' } });
    expect((await gql(teller, SUMMARIES)).errors).toBeUndefined();
  });

  it('changes a role only with a second administrator, then refuses tokens naming the old role', async () => {
    await ok(headOffice(), REGISTER_STAFF, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-teller-2', role: 'TELLER', branchCode: 'DHT' } });
    const requested = await ok<{ requestStaffRoleChange: { approvalId: string; status: string; position: string } }>(headOffice(), REQUEST_ROLE_CHANGE, {
      input: { idempotencyKey: key('role-change'), businessDate, userId: 'sec-teller-2', role: 'BRANCH_MANAGER', branchCode: 'DHT' },
    });
    expect(requested.requestStaffRoleChange).toMatchObject({ approvalId: expect.stringMatching(/^DHT-AP-/), status: 'PENDING' });
    const { approvalId } = requested.requestStaffRoleChange;

    const pending = await ok<{ pendingItems: Array<{ approvalId: string; kind: string; checkerRoles: string[] }> }>(otherHeadOffice(), PENDING, { branchCode: 'DHT', consistentWith: requested.requestStaffRoleChange.position });
    expect(pending.pendingItems).toContainEqual(expect.objectContaining({ approvalId, kind: 'STAFF_ROLE_CHANGE', checkerRoles: ['HEAD_OFFICE', 'ADMIN'] }));

    expect(codeOf(await gql(headOffice(), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId } }))).toBe('MAKER_CANNOT_APPROVE');
    expect(codeOf(await gql(token('sec-bm-dht', 'branch_manager', 'DHT'), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId } }))).toBe('CHECKER_ROLE_NOT_ALLOWED');
    const approved = await ok<{ approvePendingItem: { status: string; position: string } }>(otherHeadOffice(), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId } });
    expect(approved.approvePendingItem.status).toBe('EXECUTED');

    expect(codeOf(await gql(token('sec-teller-2', 'teller', 'DHT'), SUMMARIES))).toBe('UNAUTHENTICATED');
    expect((await gql(token('sec-teller-2', 'branch_manager', 'DHT'), SUMMARIES)).errors).toBeUndefined();
    const read = await ok<{ staffMember: unknown }>(headOffice(), STAFF_MEMBER, { userId: 'sec-teller-2', consistentWith: approved.approvePendingItem.position });
    expect(read.staffMember).toEqual({ userId: 'sec-teller-2', role: 'BRANCH_MANAGER', branchCode: 'DHT', active: true });
  });

  it('registers admin, head office and auditor only with a second administrator (maker–checker)', async () => {
    for (const role of ['ADMIN', 'HEAD_OFFICE', 'AUDITOR']) {
      const alone = await gql(headOffice(), REGISTER_STAFF, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-admin-3', role, branchCode: 'SNG' } });
      expect(alone.errors?.[0]?.extensions).toEqual({ code: 'APPROVAL_REQUIRED', field: 'role' });
    }
    const requested = await ok<{ requestStaffRegistration: { approvalId: string; status: string } }>(headOffice(), REQUEST_REGISTRATION, {
      input: { idempotencyKey: key('register-admin'), businessDate, userId: 'sec-admin-3', role: 'ADMIN', branchCode: 'SNG' },
    });
    expect(requested.requestStaffRegistration).toMatchObject({ approvalId: expect.stringMatching(/^SNG-AP-/), status: 'PENDING' });
    const { approvalId } = requested.requestStaffRegistration;
    expect(codeOf(await gql(headOffice(), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId } }))).toBe('MAKER_CANNOT_APPROVE');
    const approved = await ok<{ approvePendingItem: { status: string; position: string } }>(otherHeadOffice(), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId } });
    expect(approved.approvePendingItem.status).toBe('EXECUTED');
    const read = await ok<{ staffMember: unknown }>(headOffice(), STAFF_MEMBER, { userId: 'sec-admin-3', consistentWith: approved.approvePendingItem.position });
    expect(read.staffMember).toEqual({ userId: 'sec-admin-3', role: 'ADMIN', branchCode: 'SNG', active: true });
  });

  it('refuses a branch that was never opened', async () => {
    const register = await gql(headOffice(), REGISTER_STAFF, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-teller-x', role: 'TELLER', branchCode: 'XYZ' } });
    expect(register.errors?.[0]?.extensions).toEqual({ code: 'UNKNOWN_BRANCH', field: 'branchCode' });
    const request = await gql(headOffice(), REQUEST_REGISTRATION, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-aud-x', role: 'AUDITOR', branchCode: 'XYZ' } });
    expect(request.errors?.[0]?.extensions).toEqual({ code: 'UNKNOWN_BRANCH', field: 'branchCode' });
  });

  it('keeps the registry to head office and administrators', async () => {
    for (const bearer of [token('sec-bm-klg', 'branch_manager', 'KLG'), token('sec-aud', 'auditor', 'SNG'), token('sec-t', 'teller', 'SNG')]) {
      expect(codeOf(await gql(bearer, REGISTER_STAFF, { input: { idempotencyKey: key('register'), businessDate, userId: 'sec-nobody', role: 'ADMIN', branchCode: 'SNG' } }))).toBe('FORBIDDEN');
    }
  });
});

describe('refused credentials', () => {
  async function refusal(authorization: string): Promise<GraphQLError | undefined> {
    const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: SUMMARIES }) });
    return ((await response.json()) as GraphQLResponse<unknown>).errors?.[0];
  }

  it.each([
    ['a bearer token that is no JWT', 'Bearer garbage', /^the bearer token is malformed: a staff token is a signed JWT/],
    ['a token signed with another secret', `Bearer ${issueDevToken({ secret: 'another-secret-that-is-long-enough-1234' })}`, /signature does not match this gateway's signing key/],
    ['an expired token', 'expired', /has expired/],
    ['another scheme', 'Basic c2VjLWhvLTE6cGFzc3dvcmQ=', /^the Authorization header must be the word Bearer, a space and the token/],
  ])('says what is wrong with %s, as UNAUTHENTICATED, without echoing it', async (_name, header, message) => {
    const authorization = header === 'expired' ? `Bearer ${issueDevToken({ secret: platform.config.jwtSecret, expiresInSeconds: -10 })}` : header;
    const error = await refusal(authorization);
    expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error?.message).toMatch(message);
    if (!header.startsWith('Basic')) expect(error?.message).not.toMatch(/Authorization header/);
    for (const part of authorization.split(/[ .]/).filter((piece) => piece.length > 6)) expect(error?.message).not.toContain(part);
    expect(error?.message).not.toContain('garbage');
  });
});

describe('token lifetime', () => {
  it('refuses a well-signed token that lives longer than SAMABAY_JWT_MAX_TTL_SECONDS (12 h by default)', async () => {
    const tenYears = issueDevToken({ secret: platform.config.jwtSecret, expiresInSeconds: 10 * 365 * 86400 });
    const refused = await gql(tenYears, SUMMARIES);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/lives longer/);
    expect((await gql(issueDevToken({ secret: platform.config.jwtSecret, expiresInSeconds: 12 * 3600 }), SUMMARIES)).errors).toBeUndefined();
  });
});

describe('maker–checker for a large withdrawal', () => {
  it('refuses the withdrawal without approval, queues it for checkers of the branch, and pays it after a different checker approves', async () => {
    const memberNo = await admit('KLG', 'Synthetic Large Saver');
    const { accountId } = await openWithBalance(memberNo, '30000.00');
    const teller = token('sec-klg-teller', 'teller', 'KLG');
    const klgManager = token('sec-klg-bm', 'branch_manager', 'KLG');
    const sngManager = token('sec-sng-bm', 'branch_manager', 'SNG');
    const cash = { businessDate, accountId, memberNo, amount: '26000.00' };

    expect(codeOf(await gql(teller, WITHDRAW, { input: { idempotencyKey: key('withdraw'), ...cash } }))).toBe('APPROVAL_REQUIRED');
    expect(codeOf(await gql(teller, REQUEST_LARGE_WITHDRAWAL, { input: { idempotencyKey: key('large'), ...cash, amount: '100.00' } }))).toBe('APPROVAL_NOT_NEEDED');
    const requested = (await ok<{ requestLargeWithdrawal: { approvalId: string; status: string; position: string } }>(teller, REQUEST_LARGE_WITHDRAWAL, { input: { idempotencyKey: key('large'), ...cash } }))
      .requestLargeWithdrawal;
    expect(requested).toMatchObject({ approvalId: expect.stringMatching(/^KLG-AP-[0-9a-f]{20}$/), status: 'PENDING' });

    const seen = await ok<{ pendingItems: Array<{ approvalId: string; makerUserId: string; subject: Array<{ key: string; value: string }> }> }>(klgManager, PENDING, { consistentWith: requested.position });
    const item = seen.pendingItems.find((entry) => entry.approvalId === requested.approvalId);
    expect(item).toMatchObject({ makerUserId: 'sec-klg-teller', subject: [{ key: 'accountId', value: accountId }, { key: 'amountPaise', value: '2600000' }, { key: 'memberNo', value: memberNo }] });
    expect(JSON.stringify(seen)).not.toContain('Synthetic');

    expect(codeOf(await gql(sngManager, PENDING, { branchCode: 'KLG' }))).toBe('FORBIDDEN');
    expect((await ok<{ pendingItems: Array<{ approvalId: string }> }>(sngManager, PENDING, {})).pendingItems.map((entry) => entry.approvalId)).not.toContain(requested.approvalId);
    expect(codeOf(await gql(sngManager, APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId: requested.approvalId } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(teller, APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId: requested.approvalId } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(token('sec-klg-teller', 'branch_manager', 'KLG'), APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId: requested.approvalId } }))).toBe(
      'MAKER_CANNOT_APPROVE',
    );

    const approved = (await ok<{ approvePendingItem: { status: string; outcomeCode: string | null; position: string } }>(klgManager, APPROVE, { input: { idempotencyKey: key('approve'), businessDate, approvalId: requested.approvalId } }))
      .approvePendingItem;
    expect(approved).toMatchObject({ status: 'EXECUTED', outcomeCode: null });
    expect((await ok<{ savingsAccount: { balance: string } }>(klgManager, ACCOUNT, { accountId, consistentWith: approved.position })).savingsAccount.balance).toBe('4000.00');
    expect(codeOf(await gql(klgManager, REFUSE, { input: { idempotencyKey: key('refuse'), businessDate, approvalId: requested.approvalId, reasonCode: 'TOO_LATE' } }))).toBe('APPROVAL_NOT_PENDING');
  });

  it('records a withdrawal the balance no longer covers as FAILED with the refusal code', async () => {
    const memberNo = await admit('KLG', 'Synthetic Second Saver');
    const { accountId } = await openWithBalance(memberNo, '26000.00');
    const teller = token('sec-klg-teller', 'teller', 'KLG');
    const requested = (await ok<{ requestLargeWithdrawal: { approvalId: string } }>(teller, REQUEST_LARGE_WITHDRAWAL, {
      input: { idempotencyKey: key('large'), businessDate, accountId, memberNo, amount: '26000.00' },
    })).requestLargeWithdrawal;
    await ok(teller, WITHDRAW, { input: { idempotencyKey: key('withdraw'), businessDate, accountId, memberNo, amount: '25000.00' } });
    const approved = await ok<{ approvePendingItem: { status: string; outcomeCode: string } }>(token('sec-klg-bm', 'branch_manager', 'KLG'), APPROVE, {
      input: { idempotencyKey: key('approve'), businessDate, approvalId: requested.approvalId },
    });
    expect(approved.approvePendingItem.status).toBe('FAILED');
    expect(approved.approvePendingItem.outcomeCode).toMatch(/^[A-Z_]+$/);
  });
});

describe('branch scoping per role', () => {
  let sngMember: string;
  let sngAccount: string;
  let klgMember: string;
  let sngCursor: string;

  beforeAll(async () => {
    sngMember = await admit('SNG', 'Zenobia Sonagachi');
    klgMember = await admit('KLG', 'Synthetic Kalighat');
    sngAccount = (await openWithBalance(sngMember, '500.00')).accountId;
    const listing = await ok<{ members: { edges: Array<{ cursor: string }> } }>(headOffice(), MEMBERS, { branchCode: 'SNG' });
    sngCursor = listing.members.edges[0].cursor;
  });

  it.each(['teller', 'branch_manager'] as const)('keeps a %s of KLG out of SNG: query, search, cursor, mutation', async (role) => {
    const bearer = token(`sec-scope-${role}`, role, 'KLG');
    expect(codeOf(await gql(bearer, MEMBER, { memberNo: sngMember }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, MEMBERS, { branchCode: 'SNG' }))).toBe('FORBIDDEN');
    const searched = await ok<{ members: { edges: Array<{ node: { branchCode: string } }> } }>(bearer, MEMBERS, { search: 'Zenobia' });
    expect(searched.members.edges).toEqual([]);
    const resumed = await ok<{ members: { edges: Array<{ node: { branchCode: string } }> } }>(bearer, MEMBERS, { after: sngCursor });
    expect(resumed.members.edges.every((edge) => edge.node.branchCode === 'KLG')).toBe(true);
    expect(codeOf(await gql(bearer, ACCOUNT, { accountId: sngAccount }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, MEMBER_LOANS, { memberNo: sngMember }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, PURCHASE, { input: { idempotencyKey: key('shares'), businessDate, memberNo: sngMember, shares: 1 } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate, accountId: sngAccount, memberNo: sngMember, amount: '1.00' } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, REQUEST_LARGE_WITHDRAWAL, { input: { idempotencyKey: key('large'), businessDate, accountId: sngAccount, memberNo: sngMember, amount: '30000.00' } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bearer, PENDING, { branchCode: 'SNG' }))).toBe('FORBIDDEN');
    expect((await ok<{ member: { fullName: string } }>(bearer, MEMBER, { memberNo: klgMember })).member.fullName).toBe('Synthetic Kalighat');
  });

  it('lets auditors read every branch and change nothing', async () => {
    const auditor = token('sec-auditor', 'auditor', 'KLG');
    expect((await ok<{ member: { fullName: string } }>(auditor, MEMBER, { memberNo: sngMember })).member.fullName).toBe('Zenobia Sonagachi');
    expect(codeOf(await gql(auditor, PURCHASE, { input: { idempotencyKey: key('shares'), businessDate, memberNo: sngMember, shares: 1 } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(auditor, DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate, accountId: sngAccount, memberNo: sngMember, amount: '1.00' } }))).toBe('FORBIDDEN');
  });

  it('gives partners aggregates and nothing about a member', async () => {
    const partner = token('sec-partner', 'partner', 'SNG');
    expect((await gql(partner, SUMMARIES)).errors).toBeUndefined();
    for (const [query, variables] of [[MEMBER, { memberNo: sngMember }], [MEMBERS, {}], [ACCOUNT, { accountId: sngAccount }], [PENDING, {}]] as const) {
      const answer = await gql(partner, query, variables);
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(JSON.stringify(answer)).not.toContain('Zenobia');
    }
  });
});

describe('GraphQL hardening', () => {
  it('refuses more than 20 aliases in one operation', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: branchSummaries { branchCode }`).join(' ')} }`;
    expect((await gql(headOffice(), aliases(20))).errors).toBeUndefined();
    const refused = await gql(headOffice(), aliases(21));
    expect(codeOf(refused)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0].message).toMatch(/21 aliases/);
  });

  it('answers a batch of up to 5 operations and refuses a larger one before running any', async () => {
    const operation = { query: SUMMARIES };
    const small = await post([operation, operation], headOffice());
    expect(small.status).toBe(200);
    expect((small.json as unknown[]).length).toBe(2);
    const large = await post(Array.from({ length: 6 }, () => operation), headOffice());
    expect(large.status).toBe(400);
    expect(large.json).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BATCH_TOO_LARGE', maxOperations: 5 } })] });
  });

  it("answers every refusal of the gateway's limits with HTTP 400, a client error, not 500", async () => {
    const costly = await post({ query: '{ members(first: 100000) { totalCount } }' }, headOffice());
    expect([costly.status, codeOf(costly.json as GraphQLResponse<unknown>)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect(JSON.stringify(costly.json)).not.toContain('"http"');
    const aliases = await post({ query: `{ ${Array.from({ length: 21 }, (_, index) => `a${index}: branchSummaries { branchCode }`).join(' ')} }` }, headOffice());
    expect([aliases.status, codeOf(aliases.json as GraphQLResponse<unknown>)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const deep = await post({ query: '{ a { b { c { d { e { f { g { h { i } } } } } } } } }' }, headOffice());
    expect(deep.status).toBe(400);
    expect((deep.json as GraphQLResponse<unknown>).errors?.map((error) => error.message)).toContain('the operation is nested 9 levels deep; at most 8 are allowed');
    const batch = await post(Array.from({ length: 6 }, () => ({ query: SUMMARIES })), headOffice());
    expect([batch.status, codeOf({ errors: (batch.json as GraphQLResponse<unknown>).errors })]).toEqual([400, 'BATCH_TOO_LARGE']);
  });

  it('supports automatic persisted queries', async () => {
    const sha256Hash = createHash('sha256').update(SUMMARIES).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect(codeOf((await post({ extensions }, headOffice())).json as GraphQLResponse<unknown>)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(((await post({ query: SUMMARIES, extensions }, headOffice())).json as GraphQLResponse<unknown>).errors).toBeUndefined();
    const byHash = (await post({ extensions }, headOffice())).json as GraphQLResponse<{ branchSummaries: unknown[] }>;
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data?.branchSummaries.length).toBeGreaterThanOrEqual(3);
    expect(codeOf((await post({ extensions }, null)).json as GraphQLResponse<unknown>)).toBe('UNAUTHENTICATED');
  });

  it('echoes no inline literal value in errors', async () => {
    for (const query of ['{ members(status: ZENOBIA_KHATUN) { totalCount } }', '{ member(memberNo: Zenobia) { memberNo } }', '{ zenobiaKhatun }', 'Zenobia Khatun 9830012345']) {
      const answer = await gql(headOffice(), query);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(answer)).not.toMatch(/zenobia|khatun|9830012345|Did you mean/i);
      expect(JSON.stringify(answer)).not.toContain('stacktrace');
    }
  });
});

describe('request bodies the JSON parser refuses', () => {
  it('answers a malformed JSON body with 400 BAD_REQUEST in GraphQL form, echoing and logging nothing of the body', async () => {
    const before = logLines.length;
    const answer = await postRaw('{"variables":{"i":{"personal":{"fullName":Zorbina Testwala}}}}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    const logged = logLines.slice(before).join('');
    expect(logged).toMatch(/"bodyError":"entity.parse.failed"/);
    expect(`${answer.text}${logged}`).not.toMatch(/zorbina|testwala|fullName/i);
  });

  it('answers a body over the 5 MB limit with 413 PAYLOAD_TOO_LARGE naming the limit, logged at warn without a stack', async () => {
    const before = logLines.length;
    const answer = await postRaw(JSON.stringify({ query: '{ branchSummaries { branchCode } }', variables: { note: `Zorbina ${'x'.repeat(6 * 1024 * 1024)}` } }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: expect.stringMatching(/larger than 5 MB \(5242880 bytes\)/), extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 5_242_880 } }] });
    const logged = logLines.slice(before).map((line) => JSON.parse(line) as { level: number; bodyError?: string; stack?: unknown; err?: unknown });
    const refusal = logged.filter((line) => line.bodyError === 'entity.too.large');
    expect(refusal).toEqual([expect.objectContaining({ level: 40, statusCode: 413, limit: 5_242_880 })]);
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    expect(JSON.stringify(logged)).not.toMatch(/stack|zorbina/i);
  });

  it.each([
    ['an unsupported charset', { 'content-type': 'application/json; charset=zorbina' }],
    ['an unsupported content encoding', { 'content-encoding': 'zorbina' }],
  ])('answers %s with 415 UNSUPPORTED_MEDIA_TYPE, naming nothing the client sent', async (_name, headers) => {
    const before = logLines.length;
    const answer = await postRaw(JSON.stringify({ query: '{ branchSummaries { branchCode } }' }), headers);
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    expect(`${answer.text}${logLines.slice(before).join('')}`).not.toMatch(/zorbina/i);
  });
});

describe('production mode', () => {
  let production: RunningPlatform;
  beforeAll(async () => {
    production = await startPlatform(inMemoryConfig({ nodeEnv: 'production', requireRegisteredStaff: true, bootstrapAdmin: 'root-admin' }));
  });
  afterAll(async () => production?.stop());

  it('turns introspection off and never sends a stack trace', async () => {
    const admin = token('root-admin', 'admin', 'SNG', production);
    const introspection = await gql(admin, '{ __schema { types { name } } }', {}, production);
    expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(introspection)).not.toMatch(/stacktrace|Did you mean/);
    const unknownField = await gql(admin, '{ branchSummary { name } }', {}, production);
    expect(JSON.stringify(unknownField)).not.toMatch(/stacktrace|Did you mean|branchSummaries/);
  });

  it('admits only registered staff, starting with the bootstrap administrator', async () => {
    expect((await gql(token('root-admin', 'admin', 'SNG', production), SUMMARIES, {}, production)).errors).toBeUndefined();
    const stranger = await gql(token('sec-stranger', 'head_office', 'SNG', production), SUMMARIES, {}, production);
    expect(codeOf(stranger)).toBe('UNAUTHENTICATED');
    expect(stranger.errors?.[0].message).toMatch(/not in the staff registry/);
    expect(codeOf(await gql(token('root-admin', 'head_office', 'SNG', production), SUMMARIES, {}, production))).toBe('UNAUTHENTICATED');
  });
});
