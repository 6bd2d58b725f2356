// The single-server topology end to end (DESIGN §2, issue 3 item 5 and "Done when"): the six
// processes of `npm run start:server` (relay, projector, membership, savings and lending services,
// gateway) started by the real supervisor from compiled code, against PostgreSQL and the broker;
// the register import of a slice of the fixture through the gateway, compared with a single-node run
// of the same slice; read-your-writes of a mutation; typed rejections over TCP equal to single-node;
// the staff registry and the approval queue hosted by the gateway (a disabled user refused, a large
// withdrawal paid through the queue by the savings service); a loan disbursed into savings credited
// once by the process manager in the lending service.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { issueDevToken, inMemoryConfig, startPlatform, type RunningPlatform } from '@samabay/gateway';
import { createGraphqlClient, importRegister, type GraphqlRequest, type ImportResult } from '@samabay/register-import';
import { describeIfEnv, describeIfKafka, kafkaTestBrokers, waitFor } from '../support';
import { CategoryTopics } from '@samabay/relay';
import { readAllMessages, testMessaging } from '../relay/kafka-fixtures';
import { ServerTopology } from '../support/server-topology';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
/** Rows of member-register.csv imported in both topologies (the header plus the first SLICE_ROWS rows). */
const SLICE_ROWS = 300;
// Generous: on a PostgreSQL server shared with other work, an unrelated long transaction holds back what
// the relay may publish (the store reads only settled transactions), so a read-your-write can take seconds.
const CONSISTENCY_TIMEOUT_MS = 15_000;
/** A position far beyond anything written: no read model can reach it. */
const UNREACHABLE_POSITION = 'C:999999999999/P:1';

interface Target {
  readonly url: string;
  /** The JWT secret of the target's gateway (development tokens of other users). */
  readonly secret: string;
  readonly token: string;
  readonly request: GraphqlRequest;
}

interface GraphqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{ message: string; path?: unknown; extensions?: Record<string, unknown> }>;
}

/** The whole GraphQL answer (data and errors), as a client sees it. */
async function post<T>(target: Target, query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer<T>> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer<T>;
}

async function readModels(target: Target, consistentWith: string | null) {
  const summaries = await target.request<{ branchSummaries: unknown[] }>(
    `query ($p: String) { branchSummaries(consistentWith: $p) { branchCode name activeMembers inactiveMembers exitedMembers totalMembers sharesHeld shareCapital } }`,
    { p: consistentWith },
  );
  const savings = await target.request<{ savingsBranchTotals: { branchCode: string; product: string }[] }>(
    `query ($p: String) { savingsBranchTotals(consistentWith: $p) { branchCode product openAccounts balance } }`,
    { p: consistentWith },
  );
  const members = await target.request<{ members: { totalCount: number; edges: { node: unknown }[] } }>(
    `query ($p: String) { members(first: 500, consistentWith: $p) { totalCount edges { node {
      memberNo branchCode status sharesHeld shareCapital admissionDate fullName dateOfBirth phone locality nomineeName nomineeRelation } } } }`,
    { p: consistentWith },
  );
  return {
    branchSummaries: summaries.branchSummaries,
    savingsBranchTotals: [...savings.savingsBranchTotals].sort((a, b) => `${a.branchCode}${a.product}`.localeCompare(`${b.branchCode}${b.product}`)),
    members: { totalCount: members.members.totalCount, rows: members.members.edges.map((edge) => edge.node) },
  };
}

async function timedImport(target: Target, file: string): Promise<{ result: ImportResult; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await importRegister({ source: { path: file }, request: target.request, batchSize: 100 });
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Sequential purchaseShares mutations: latency per command through the gateway, ms (p50, p95). */
async function commandLatency(target: Target, memberNo: string, keyPrefix: string, count: number): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const answer = await post(target, `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`, {
      input: { idempotencyKey: `${keyPrefix}-latency-${i}`, businessDate: '2025-04-01', memberNo, shares: 1 },
    });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.errors) throw new Error(`purchaseShares failed: ${JSON.stringify(answer.errors)}`);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p95: samples[Math.floor(samples.length * 0.95)] };
}

const REJECTED_COMMANDS: ReadonlyArray<{ readonly label: string; readonly query: string; readonly variables: Record<string, unknown> }> = [
  {
    label: 'an unknown member (MEMBER_NOT_FOUND)',
    query: `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`,
    variables: { input: { idempotencyKey: 'reject-unknown-member', businessDate: '2025-04-01', memberNo: 'SNG-999999', shares: 2 } },
  },
  {
    label: 'an unknown branch',
    query: `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`,
    variables: { input: { idempotencyKey: 'reject-unknown-branch', businessDate: '2025-04-01', branchCode: 'XYZ', personal: { fullName: 'Test Member', dateOfBirth: '1990-01-01' }, shares: 1 } },
  },
  {
    label: 'a rule checked inside the service, with its field (admission before birth)',
    query: `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`,
    variables: { input: { idempotencyKey: 'reject-before-birth', businessDate: '2025-04-01', branchCode: 'SNG', personal: { fullName: 'Test Member', dateOfBirth: '2025-06-01' }, shares: 1 } },
  },
  {
    label: 'zero shares',
    query: `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`,
    variables: { input: { idempotencyKey: 'reject-zero-shares', businessDate: '2025-04-01', branchCode: 'SNG', personal: { fullName: 'Test Member', dateOfBirth: '1990-01-01' }, shares: 0 } },
  },
  {
    label: 'a savings command for an unknown member',
    query: `mutation ($input: SavingsCashInput!) { deposit(input: $input) { result { position } } }`,
    variables: { input: { idempotencyKey: 'reject-deposit', businessDate: '2025-04-01', accountId: 'SNG-999999-SD-01', memberNo: 'SNG-999999', amount: '10.00' } },
  },
  {
    label: 'a loan application for an unknown member',
    query: `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) { loanId } }`,
    variables: { input: { idempotencyKey: 'reject-loan', businessDate: '2025-04-01', memberNo: 'SNG-999999', productCode: 'EDU', purpose: 'EDUCATION', amount: '5000.00', numberOfInstalments: 12 } },
  },
  {
    label: 'a read model that cannot catch up in time (READ_MODEL_BEHIND)',
    query: `query ($p: String) { branchSummaries(consistentWith: $p) { branchCode } }`,
    variables: { p: UNREACHABLE_POSITION },
  },
];

const SUMMARIES = `query { branchSummaries { branchCode } }`;
const REGISTER_STAFF = `mutation ($input: RegisterStaffInput!) { registerStaff(input: $input) { position } }`;
const DISABLE_STAFF = `mutation ($input: DisableStaffInput!) { disableStaff(input: $input) { position } }`;
const STAFF_MEMBER = `query ($userId: String!, $p: String) { staffMember(userId: $userId, consistentWith: $p) { userId role branchCode active } }`;
const OPEN_ACCOUNT = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { balance } }`;
const ACCOUNT = `query ($accountId: String!, $p: String) { savingsAccount(accountId: $accountId, consistentWith: $p) { balance } }`;
const REQUEST_LARGE_WITHDRAWAL = `mutation ($input: RequestLargeWithdrawalInput!) { requestLargeWithdrawal(input: $input) { approvalId status position } }`;
const PENDING = `query ($p: String) { pendingItems(consistentWith: $p) { approvalId kind } }`;
const APPROVE_ITEM = `mutation ($input: PendingItemInput!) { approvePendingItem(input: $input) { status outcomeCode position } }`;
const APPLY_LOAN = `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) { loanId } }`;
const APPRAISE_LOAN = `mutation ($input: AppraiseLoanInput!) { appraiseLoan(input: $input) { loanId } }`;
const APPROVE_LOAN = `mutation ($input: LoanCommandInput!) { approveLoan(input: $input) { loanId } }`;
const DISBURSE_LOAN = `mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) { result { replayed position } } }`;
const LOAN = `query ($loanId: String!, $p: String) { loan(loanId: $loanId, consistentWith: $p) { status } }`;
const PASSBOOK = `query ($accountId: String!, $p: String) { passbook(accountId: $accountId, first: 100, consistentWith: $p) { entries { category credit balance } } }`;

/** The same gateway with a development token of another staff user (unknown users pass unless SAMABAY_REQUIRE_REGISTERED_STAFF). */
function as(target: Target, userId: string, role: 'teller' | 'branch_manager' | 'head_office', branch: string): Target {
  const token = issueDevToken({ secret: target.secret, userId, role, branch });
  return { ...target, token, request: createGraphqlClient({ url: target.url, token }) };
}

/** A new member (synthetic name) of `branchCode`, admitted on `businessDate`, with a savings deposit account holding `amount` rupees. */
async function saverWith(target: Target, keyPrefix: string, amount: string, branchCode = 'KLG', businessDate = '2025-04-01'): Promise<{ memberNo: string; accountId: string }> {
  const { admitMember } = await target.request<{ admitMember: { memberNo: string } }>(`mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`, {
    input: { idempotencyKey: `${keyPrefix}-admit`, businessDate, branchCode, personal: { fullName: 'Synthetic Saver', dateOfBirth: '1986-05-04' }, shares: 1 },
  });
  const { openSavingsAccount } = await target.request<{ openSavingsAccount: { accountId: string } }>(OPEN_ACCOUNT, {
    input: { idempotencyKey: `${keyPrefix}-open`, businessDate, memberNo: admitMember.memberNo, product: 'SAVINGS_DEPOSIT' },
  });
  await target.request(DEPOSIT, { input: { idempotencyKey: `${keyPrefix}-deposit`, businessDate, accountId: openSavingsAccount.accountId, memberNo: admitMember.memberNo, amount } });
  return { memberNo: admitMember.memberNo, accountId: openSavingsAccount.accountId };
}

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'single-server topology: six processes over PostgreSQL, Kafka and TCP', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    let topology: ServerTopology;
    let platform: RunningPlatform;
    let server: Target;
    let single: Target;
    let slice: string;

    beforeAll(async () => {
      const lines = readFileSync(path.join(ROOT, 'test/fixtures/member-register.csv'), 'utf8').split('\n');
      mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
      slice = path.join(ROOT, 'tmp', `server-slice-${process.pid}.csv`);
      writeFileSync(slice, `${lines.slice(0, SLICE_ROWS + 1).join('\n')}\n`);
      topology = await ServerTopology.start({ tag: 'server', brokers: kafkaTestBrokers(), consistencyTimeoutMs: CONSISTENCY_TIMEOUT_MS });
      const serverToken = issueDevToken({ secret: topology.jwtSecret });
      server = { url: topology.url, secret: topology.jwtSecret, token: serverToken, request: createGraphqlClient({ url: topology.url, token: serverToken }) };
      platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: CONSISTENCY_TIMEOUT_MS }));
      const singleToken = issueDevToken({ secret: platform.config.jwtSecret });
      single = { url: platform.url, secret: platform.config.jwtSecret, token: singleToken, request: createGraphqlClient({ url: platform.url, token: singleToken }) };
    }, 300_000);

    afterAll(async () => {
      await platform?.stop();
      await topology?.dispose();
    }, 120_000);

    it(`imports ${SLICE_ROWS} register rows through the gateway: branch summaries, shares, savings balances and members equal a single-node run`, async () => {
      const onSingle = await timedImport(single, slice);
      const onServer = await timedImport(server, slice);
      process.stdout.write(
        `single-server suite: import of ${SLICE_ROWS} rows (batch 100): single-node ${onSingle.seconds.toFixed(1)} s (${(SLICE_ROWS / onSingle.seconds).toFixed(0)} rows/s), ` +
          `single-server ${onServer.seconds.toFixed(1)} s (${(SLICE_ROWS / onServer.seconds).toFixed(0)} rows/s)\n`,
      );
      const { lastPosition: serverPosition, ...serverSummary } = onServer.result.summary;
      const { lastPosition: singlePosition, ...singleSummary } = onSingle.result.summary;
      expect(serverSummary).toEqual(singleSummary);
      expect(serverSummary).toMatchObject({ rows: SLICE_ROWS, accepted: SLICE_ROWS, rejected: 0 });
      expect(onServer.result.rejects).toEqual([]);

      const expected = await readModels(single, singlePosition);
      const actual = await readModels(server, serverPosition);
      expect(actual.branchSummaries).toEqual(expected.branchSummaries);
      expect(actual.savingsBranchTotals).toEqual(expected.savingsBranchTotals);
      expect(actual.members.totalCount).toBe(SLICE_ROWS);
      expect(actual.members).toEqual(expected.members);
      expect(expected.savingsBranchTotals.length).toBeGreaterThan(0);
    });

    it('a mutation answers with a position that an immediate query reads: the new member and her shares', async () => {
      const admitted = await post<{ admitMember: { memberNo: string; result: { position: string; streamId: string } } }>(
        server,
        `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position streamId } } }`,
        { input: { idempotencyKey: 'server-admit-1', businessDate: '2025-04-01', branchCode: 'KLG', personal: { fullName: 'Server Member', dateOfBirth: '1985-03-02' }, shares: 3 } },
      );
      expect(admitted.errors).toBeUndefined();
      const { memberNo, result } = admitted.data!.admitMember;
      expect(result.streamId).toBe(`member-${memberNo}`);
      const read = await post<{ member: unknown }>(server, `query ($m: String!, $p: String) { member(memberNo: $m, consistentWith: $p) { memberNo fullName sharesHeld shareCapital status } }`, {
        m: memberNo,
        p: result.position,
      });
      expect(read).toEqual({ data: { member: { memberNo, fullName: 'Server Member', sharesHeld: 3, shareCapital: '30.00', status: 'ACTIVE' } } });

      const bought = await post<{ purchaseShares: { position: string } }>(server, `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`, {
        input: { idempotencyKey: 'server-buy-1', businessDate: '2025-04-02', memberNo, shares: 2 },
      });
      expect(bought.errors).toBeUndefined();
      const after = await post<{ branchSummaries: { branchCode: string; sharesHeld: number }[]; member: { sharesHeld: number } }>(
        server,
        `query ($m: String!, $p: String) { member(memberNo: $m, consistentWith: $p) { sharesHeld } branchSummaries(consistentWith: $p) { branchCode sharesHeld } }`,
        { m: memberNo, p: bought.data!.purchaseShares.position },
      );
      expect(after.data!.member.sharesHeld).toBe(5);
    });

    it('carries personal data over Kafka only sealed: no member topic message holds a name or phone in clear', async () => {
      const admitted = await post<{ admitMember: { memberNo: string; result: { position: string } } }>(server, `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`, {
        input: { idempotencyKey: 'server-admit-sealed', businessDate: '2025-04-01', branchCode: 'DHT', personal: { fullName: 'Clear Text Probe', dateOfBirth: '1979-11-30', phone: '9830012345' }, shares: 1 },
      });
      expect(admitted.errors).toBeUndefined();
      const { memberNo, result } = admitted.data!.admitMember;
      // Once the read models show her, the relay has published her events.
      const read = await post<{ member: { fullName: string; phone: string } }>(server, `query ($m: String!, $p: String) { member(memberNo: $m, consistentWith: $p) { fullName phone } }`, { m: memberNo, p: result.position });
      expect(read.data!.member).toEqual({ fullName: 'Clear Text Probe', phone: '9830012345' });
      const memberTopic = new CategoryTopics({ namespace: topology.names.service }).topicForCategory('member') as string;
      const messages = await readAllMessages(testMessaging(`server-${topology.names.service}-reader`), [memberTopic], topology.names.group('sealed-reader'));
      const values = messages.map((message) => message.value?.toString('utf8') ?? '');
      expect(messages.filter((message) => message.key === `member-${memberNo}`).length).toBeGreaterThan(0);
      expect(values.filter((value) => value.includes('Clear Text Probe') || value.includes('9830012345'))).toEqual([]);
    });

    it.each(REJECTED_COMMANDS)('answers $label with the same typed GraphQL error as single-node', async ({ query, variables }) => {
      const expected = await post(single, query, variables);
      const actual = await post(server, query, variables);
      expect(expected.errors?.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });

    it('answers a reused idempotency key with another payload as single-node does (IDEMPOTENCY_KEY_REUSED)', async () => {
      const query = `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { replayed } }`;
      const answers = [];
      for (const target of [single, server]) {
        const first = await post<{ purchaseShares: { replayed: boolean } }>(target, query, { input: { idempotencyKey: 'reuse-key-1', businessDate: '2025-04-01', memberNo: 'SNG-000002', shares: 1 } });
        expect(first.errors).toBeUndefined();
        const replay = await post(target, query, { input: { idempotencyKey: 'reuse-key-1', businessDate: '2025-04-01', memberNo: 'SNG-000002', shares: 1 } });
        expect(replay).toEqual({ data: { purchaseShares: { replayed: true } } });
        answers.push(await post(target, query, { input: { idempotencyKey: 'reuse-key-1', businessDate: '2025-04-01', memberNo: 'SNG-000002', shares: 7 } }));
      }
      expect(answers[0].errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(answers[1]).toEqual(answers[0]);
    });

    it('prints command latency through the gateway, in-process vs over TCP (no timed assertion)', async () => {
      const count = 40;
      const inProcess = await commandLatency(single, 'SNG-000004', 'single', count);
      const overTcp = await commandLatency(server, 'SNG-000004', 'server', count);
      process.stdout.write(
        `single-server suite: purchaseShares through GraphQL, ${count} sequential: single-node p50 ${inProcess.p50.toFixed(1)} ms p95 ${inProcess.p95.toFixed(1)} ms; ` +
          `single-server (TCP) p50 ${overTcp.p50.toFixed(1)} ms p95 ${overTcp.p95.toFixed(1)} ms\n`,
      );
      expect(overTcp.p50).toBeGreaterThan(0);
    });

    it('refuses the token of a disabled staff user at once (the staff registry runs in the gateway)', async () => {
      const registered = await post<{ registerStaff: { position: string } }>(server, REGISTER_STAFF, {
        input: { idempotencyKey: 'server-staff-register', businessDate: '2025-04-01', userId: 'server-teller-1', role: 'TELLER', branchCode: 'KLG' },
      });
      expect(registered.errors).toBeUndefined();
      const teller = as(server, 'server-teller-1', 'teller', 'KLG');
      expect((await post(teller, SUMMARIES, {})).errors).toBeUndefined();
      const read = await post(server, STAFF_MEMBER, { userId: 'server-teller-1', p: registered.data!.registerStaff.position });
      expect(read).toEqual({ data: { staffMember: { userId: 'server-teller-1', role: 'TELLER', branchCode: 'KLG', active: true } } });

      const disabled = await post(server, DISABLE_STAFF, { input: { idempotencyKey: 'server-staff-disable', businessDate: '2025-04-01', userId: 'server-teller-1', reasonCode: 'LEFT_SERVICE' } });
      expect(disabled.errors).toBeUndefined();
      const refused = await post(teller, SUMMARIES, {});
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toMatch(/disabled/);
      expect(refused.data ?? null).toBeNull();
    });

    it('pays a large withdrawal only through the approval queue: the approved item is executed by the savings service', async () => {
      const { memberNo, accountId } = await saverWith(server, 'server-large', '30000.00');
      const teller = as(server, 'server-klg-teller', 'teller', 'KLG');
      const manager = as(server, 'server-klg-bm', 'branch_manager', 'KLG');
      const cash = { businessDate: '2025-04-01', accountId, memberNo, amount: '26000.00' };
      const direct = await post(teller, WITHDRAW, { input: { idempotencyKey: 'server-large-direct', ...cash } });
      expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'APPROVAL_REQUIRED', field: 'amount' });
      const requested = await post<{ requestLargeWithdrawal: { approvalId: string; status: string; position: string } }>(teller, REQUEST_LARGE_WITHDRAWAL, { input: { idempotencyKey: 'server-large-request', ...cash } });
      expect(requested.errors).toBeUndefined();
      const { approvalId, position } = requested.data!.requestLargeWithdrawal;
      const pending = await post<{ pendingItems: Array<{ approvalId: string; kind: string }> }>(manager, PENDING, { p: position });
      expect(pending.data!.pendingItems).toContainEqual({ approvalId, kind: 'LARGE_WITHDRAWAL' });
      const approved = await post<{ approvePendingItem: { status: string; outcomeCode: string | null; position: string } }>(manager, APPROVE_ITEM, {
        input: { idempotencyKey: 'server-large-approve', businessDate: '2025-04-01', approvalId },
      });
      expect(approved.errors).toBeUndefined();
      expect(approved.data!.approvePendingItem).toMatchObject({ status: 'EXECUTED', outcomeCode: null });
      const account = await post(manager, ACCOUNT, { accountId, p: approved.data!.approvePendingItem.position });
      expect(account).toEqual({ data: { savingsAccount: { balance: '4000.00' } } });
    });

    it('credits a loan disbursed into savings exactly once (the disbursement process runs in the lending service)', async () => {
      const { memberNo, accountId } = await saverWith(server, 'server-loan', '20000.00', 'SNG', '2024-01-10');
      const teller = as(server, 'server-sng-teller', 'teller', 'SNG');
      const manager = as(server, 'server-sng-bm', 'branch_manager', 'SNG');
      const applied = await post<{ applyForLoan: { loanId: string } }>(teller, APPLY_LOAN, {
        input: { idempotencyKey: 'server-loan-apply', businessDate: '2024-08-01', memberNo, productCode: 'EDU', purpose: 'EDUCATION', amount: '10000.00', numberOfInstalments: 6 },
      });
      expect(applied.errors).toBeUndefined();
      const { loanId } = applied.data!.applyForLoan;
      expect((await post(teller, APPRAISE_LOAN, { input: { idempotencyKey: 'server-loan-appraise', businessDate: '2024-08-01', loanId } })).errors).toBeUndefined();
      expect((await post(manager, APPROVE_LOAN, { input: { idempotencyKey: 'server-loan-approve', businessDate: '2024-08-01', loanId } })).errors).toBeUndefined();
      const disburse = { idempotencyKey: 'server-loan-disburse', businessDate: '2024-08-02', loanId, channel: 'SAVINGS_ACCOUNT', savingsAccountId: accountId };
      const requested = await post<{ disburseLoan: { result: { replayed: boolean; position: string } } }>(teller, DISBURSE_LOAN, { input: disburse });
      expect(requested.errors).toBeUndefined();
      expect(requested.data!.disburseLoan.result.replayed).toBe(false);

      let status = '';
      await waitFor(
        async () => {
          status = (await post<{ loan: { status: string } }>(teller, LOAN, { loanId, p: requested.data!.disburseLoan.result.position })).data!.loan.status;
          return status !== 'DISBURSEMENT_REQUESTED' && status !== 'APPROVED';
        },
        'the loan disbursement process to confirm the credit',
        CONSISTENCY_TIMEOUT_MS,
        100,
      );
      expect(status).toBe('ACTIVE');
      // The same request again is a replay (no second request, so no second credit).
      const replay = await post<{ disburseLoan: { result: { replayed: boolean } } }>(teller, DISBURSE_LOAN, { input: disburse });
      expect(replay.data!.disburseLoan.result.replayed).toBe(true);
      // A later write's position covers the credit (appended before the confirmation): one LOAN_CREDIT, balance 20,000 + 10,000.
      const later = await post<{ purchaseShares: { position: string } }>(server, `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`, {
        input: { idempotencyKey: 'server-loan-later', businessDate: '2024-08-02', memberNo, shares: 1 },
      });
      expect(later.errors).toBeUndefined();
      const passbook = await post<{ passbook: { entries: Array<{ category: string; credit: string | null; balance: string }> } }>(teller, PASSBOOK, { accountId, p: later.data!.purchaseShares.position });
      const credits = passbook.data!.passbook.entries.filter((entry) => entry.category === 'LOAN_CREDIT');
      expect(credits).toEqual([{ category: 'LOAN_CREDIT', credit: '10000.00', balance: '30000.00' }]);
      expect(passbook.data!.passbook.entries.at(-1)?.balance).toBe('30000.00');
    });

    it('reports the database and the three services up on /health', async () => {
      const response = await fetch(server.url.replace('/graphql', '/health'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up', kind: 'postgres' }, services: { status: 'up', membership: 'up', savings: 'up', lending: 'up' } },
      });
    });

    it("counts commands on each service's GET /metrics (the command handler runs there)", async () => {
      const counts: Record<string, string> = {};
      for (const service of ['membership', 'savings'] as const) {
        const ready = topology.linesWith(`Samabay ${service} service listening`)[0];
        const metricsPort = /"metricsPort":(\d+)/.exec(ready)?.[1];
        expect(metricsPort).toBeDefined();
        counts[service] = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      }
      expect(counts.membership).toMatch(new RegExp(`^samabay_commands_total\\{command="ImportMember",outcome="accepted",code=""\\} ${SLICE_ROWS}$`, 'm'));
      expect(counts.membership).toMatch(/^samabay_event_store_appends_total\{outcome="ok"\} \d+$/m);
      expect(counts.savings).toMatch(/^samabay_commands_total\{command="[A-Za-z]+",outcome="accepted",code=""\} \d+$/m);
    });

    it('stops every process cleanly on SIGTERM (exit status 0, no process left)', async () => {
      const pids = topology.pids();
      expect(pids).toHaveLength(6);
      const exit = await topology.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(topology.linesWith('[supervisor] all processes stopped')).toEqual(['[supervisor] all processes stopped']);
      const alive = pids.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    });

    it('exits 1 and stops the processes already started when one dies at start-up (a port taken twice)', async () => {
      const taken = topology.linesWith('Samabay membership service listening')[0];
      const port = /"port":(\d+)/.exec(taken)?.[1];
      expect(port).toBeDefined();
      const run = await topology.runSupervisorUntilExit({ SAMABAY_SAVINGS_RPC_PORT: port }, 180_000);
      expect(run.code).toBe(1);
      // Whichever of the two started second finds the port taken.
      expect(run.output).toMatch(/\[supervisor\] start-up failed: (membership|savings) exited during start-up \(code 1\)/);
      expect(run.output).toMatch(/Samabay (membership|savings) service failed to start: Error: listen EADDRINUSE/);
      expect(run.output).toContain('[supervisor] all processes stopped');
      // The relay and projector were ready before the services started: they are stopped cleanly.
      const stopped = [...run.output.matchAll(/\[(relay|projector) *\] .*"msg":"stopping"/g)].map((match) => match[1]);
      expect(new Set(stopped)).toEqual(new Set(['relay', 'projector']));
      expect(run.output).not.toContain('Samabay GraphQL:');
    });
  });
});
