// Crypto-shredding over the GraphQL API (issue 6 item 4, DESIGN §7): head office forgets a former
// member by maker–checker; afterwards every personal field reads as the forgotten marker, a rebuild
// from position 0 recovers nothing, and her shares and savings figures stay exactly as they were.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(120_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

let platform: RunningPlatform;
let tokens: Record<'maker' | 'checker' | 'teller' | 'manager' | 'admin', string>;
let keyCounter = 0;
const key = (label: string): string => `forget-e2e-${label}-${++keyCounter}`;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 5_000 }));
  const secret = platform.config.jwtSecret;
  tokens = {
    maker: issueDevToken({ secret, userId: 'ho-maker', role: 'head_office', branch: 'SNG' }),
    checker: issueDevToken({ secret, userId: 'ho-checker', role: 'head_office', branch: 'SNG' }),
    teller: issueDevToken({ secret, userId: 'teller-sng', role: 'teller', branch: 'SNG' }),
    manager: issueDevToken({ secret, userId: 'manager-sng', role: 'branch_manager', branch: 'SNG' }),
    admin: issueDevToken({ secret, userId: 'admin-1', role: 'admin', branch: 'SNG' }),
  };
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown>, token = tokens.maker): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function ok<T>(query: string, variables: Record<string, unknown>, token = tokens.maker): Promise<T> {
  const answer = await gql<T>(query, variables, token);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const REQUEST = `mutation ($input: ForgetMemberInput!) { requestForgetMember(input: $input) { replayed streamId position } }`;
const APPROVE = `mutation ($input: ForgetMemberInput!) { approveForgetMember(input: $input) { replayed streamId position } }`;
const MEMBER = `query ($memberNo: String!, $consistentWith: String) {
  member(memberNo: $memberNo, consistentWith: $consistentWith) {
    memberNo status sharesHeld shareCapital admissionDate fullName dateOfBirth phone locality nomineeName nomineeRelation personalDataForgotten
  }
}`;
const SAVINGS = `query ($memberNo: String!, $consistentWith: String) {
  memberSavings(memberNo: $memberNo, consistentWith: $consistentWith) { accounts { accountId } savingsDeposit thriftFund total }
}`;
const SEARCH = `query ($search: String!) { members(branchCode: "SNG", search: $search, first: 10) { totalCount } }`;
const SUMMARIES = `{ branchSummaries { branchCode activeMembers exitedMembers sharesHeld shareCapital } }`;

const NAME = 'Kusumlata Shredbibi';

const EXIT = `mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`;
const CLOSE_ACCOUNT = `mutation ($input: SavingsAccountOfMemberInput!) { closeSavingsAccount(input: $input) { accountId } }`;

/** A member admitted in 2015 with 2 shares and Rs 1,234.56 saved; `accountId` her Savings Deposit account. */
async function memberWithSavings(phone: string): Promise<{ memberNo: string; accountId: string }> {
  const admitted = await ok<{ admitMember: { memberNo: string } }>(
    `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`,
    {
      input: {
        idempotencyKey: key('admit'),
        businessDate: '2015-01-05',
        branchCode: 'SNG',
        personal: { fullName: NAME, dateOfBirth: '1972-03-09', phone, locality: 'Shredpara Lane' },
        nominee: { name: 'Heirnominee Shredbibi', relation: 'granddaughter' },
        shares: 2,
      },
    },
  );
  const memberNo = admitted.admitMember.memberNo;
  const opened = await ok<{ openSavingsAccount: { accountId: string } }>(
    `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`,
    { input: { idempotencyKey: key('open'), businessDate: '2015-01-05', memberNo, product: 'SAVINGS_DEPOSIT' } },
  );
  const accountId = opened.openSavingsAccount.accountId;
  await ok(DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate: '2015-02-01', accountId, memberNo, amount: '1234.56' } });
  return { memberNo, accountId };
}

/** A member of {@link memberWithSavings} whose savings were paid out (account closed) and who exited on 2020-06-15. */
async function formerMember(phone: string): Promise<string> {
  const { memberNo, accountId } = await memberWithSavings(phone);
  await ok(CLOSE_ACCOUNT, { input: { idempotencyKey: key('close'), businessDate: '2020-06-15', accountId, memberNo } });
  await ok(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2020-06-15', memberNo } });
  return memberNo;
}

const forgetInput = (memberNo: string, businessDate = '2026-01-05') => ({ input: { idempotencyKey: key('forget'), businessDate, memberNo } });

describe('forgetting a former member over GraphQL', () => {
  it('refuses tellers, branch managers and admins by policy, and the requester as checker by the decider; nothing changes', async () => {
    const memberNo = await formerMember('9000011111');
    for (const token of [tokens.teller, tokens.manager, tokens.admin]) {
      expect((await gql(REQUEST, forgetInput(memberNo), token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const early = await gql(REQUEST, forgetInput(memberNo, '2025-06-14'));
    expect(early.errors?.[0].extensions).toEqual({ code: 'RETENTION_NOT_ELAPSED', field: 'businessDate' });
    await ok(REQUEST, forgetInput(memberNo));
    const self = await gql(APPROVE, forgetInput(memberNo));
    expect(self.errors?.[0].extensions).toEqual({ code: 'MAKER_CANNOT_APPROVE', field: 'actor.userId' });
    const position = formatPosition(await platform.store.headPosition());
    const read = await ok<{ member: Record<string, unknown> }>(MEMBER, { memberNo, consistentWith: position });
    expect(read.member).toMatchObject({ fullName: NAME, personalDataForgotten: false });
  });

  it('after approval shows the marker everywhere, keeps every figure, and a rebuild from 0 recovers nothing', async () => {
    const memberNo = await formerMember('9000077777');
    const before = formatPosition(await platform.store.headPosition());
    const savingsBefore = await ok<{ memberSavings: unknown }>(SAVINGS, { memberNo, consistentWith: before });
    const memberBefore = (await ok<{ member: Record<string, unknown> }>(MEMBER, { memberNo, consistentWith: before })).member;
    expect(memberBefore).toMatchObject({ fullName: NAME, status: 'EXITED' });
    expect((await ok<{ members: { totalCount: number } }>(SEARCH, { search: 'shredbibi' })).members.totalCount).toBeGreaterThan(0);

    await ok(REQUEST, forgetInput(memberNo), tokens.maker);
    const approved = await ok<{ approveForgetMember: { position: string } }>(APPROVE, forgetInput(memberNo), tokens.checker);
    const position = approved.approveForgetMember.position;
    const summariesAfter = await ok(SUMMARIES, {});

    const forgotten = {
      memberNo,
      status: 'EXITED',
      sharesHeld: memberBefore.sharesHeld,
      shareCapital: memberBefore.shareCapital,
      admissionDate: '2015-01-05',
      fullName: '[forgotten]',
      dateOfBirth: null,
      phone: '[forgotten]',
      locality: '[forgotten]',
      nomineeName: '[forgotten]',
      nomineeRelation: '[forgotten]',
      personalDataForgotten: true,
    };
    expect((await ok<{ member: unknown }>(MEMBER, { memberNo, consistentWith: position })).member).toEqual(forgotten);
    expect(await ok(SAVINGS, { memberNo, consistentWith: position })).toEqual(savingsBefore);

    await platform.runner.rebuild();
    const rebuilt = formatPosition(await platform.store.headPosition());
    expect((await ok<{ member: unknown }>(MEMBER, { memberNo, consistentWith: rebuilt })).member).toEqual(forgotten);
    expect(await ok(SAVINGS, { memberNo, consistentWith: rebuilt })).toEqual(savingsBefore);
    expect(await ok(SUMMARIES, {})).toEqual(summariesAfter);

    // No table of the platform (read models, checkpoints, idempotency records, the store) holds her phone number in plaintext.
    const { rows } = await platform.db.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const holding: string[] = [];
    for (const { table_schema: schema, table_name: table } of rows) {
      const hits = await platform.db.query(`SELECT 1 FROM "${schema}"."${table}" AS t WHERE t::text LIKE '%9000077777%' LIMIT 1`);
      if (hits.rows.length > 0) holding.push(`${schema}.${table}`);
    }
    expect(holding).toEqual([]);
    // The other former member, not forgotten, is still findable by name: the scan above can find what is there.
    expect((await ok<{ members: { totalCount: number } }>(SEARCH, { search: 'shredbibi' })).members.totalCount).toBe(1);
    const other = await platform.db.query(`SELECT 1 FROM membership_rm.member_directory AS t WHERE t::text LIKE '%9000011111%'`);
    expect(other.rows).toHaveLength(1);
  });
});

describe('exit before forgetting: savings settled, and not backdated', () => {
  it('refuses the exit while her savings account is open, and one dated before her last transaction; nothing is appended', async () => {
    const { memberNo, accountId } = await memberWithSavings('9000033333');
    await ok(DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate: '2026-01-02', accountId, memberNo, amount: '100.00' } });
    const before = formatPosition(await platform.store.headPosition());
    const unsettled = await gql(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2026-01-05', memberNo } });
    expect(unsettled.errors?.[0].extensions).toEqual({ code: 'SAVINGS_NOT_SETTLED', field: 'memberNo' });
    expect(formatPosition(await platform.store.headPosition())).toBe(before);

    await ok(CLOSE_ACCOUNT, { input: { idempotencyKey: key('close'), businessDate: '2026-01-05', accountId, memberNo } });
    const atClose = formatPosition(await platform.store.headPosition());
    const backdated = await gql(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2020-06-01', memberNo } });
    expect(backdated.errors?.[0].extensions).toEqual({ code: 'EXIT_BEFORE_LAST_ACTIVITY', field: 'businessDate' });
    expect(formatPosition(await platform.store.headPosition())).toBe(atClose);
    // Backdating would have made her forgettable at once (2020-06-01 + 5 years); dated truly, she is not.
    await ok(EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2026-01-05', memberNo } });
    expect((await gql(REQUEST, forgetInput(memberNo, '2026-01-05'))).errors?.[0].extensions).toEqual({ code: 'RETENTION_NOT_ELAPSED', field: 'businessDate' });

    const deposit = await gql(DEPOSIT, { input: { idempotencyKey: key('deposit'), businessDate: '2026-01-05', accountId, memberNo, amount: '10.00' } });
    expect(deposit.errors?.[0].extensions).toEqual({ code: 'MEMBER_EXITED', field: 'memberNo' });
  });
});
