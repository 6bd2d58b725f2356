// The single-server topology end to end (DESIGN §2, issue 3 item 5 and "Done when"): the six
// processes of `npm run start:server` (relay, projector, membership, savings and lending services,
// gateway) started by the real supervisor from compiled code, against PostgreSQL and the broker;
// the register import of a slice of the fixture through the gateway, compared with a single-node run
// of the same slice; read-your-writes of a mutation; typed rejections over TCP equal to single-node.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { issueDevToken, inMemoryConfig, startPlatform, type RunningPlatform } from '@samabay/gateway';
import { createGraphqlClient, importRegister, type GraphqlRequest, type ImportResult } from '@samabay/register-import';
import { describeIfEnv, describeIfKafka, kafkaTestBrokers } from '../support';
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
      server = { url: topology.url, token: serverToken, request: createGraphqlClient({ url: topology.url, token: serverToken }) };
      platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: CONSISTENCY_TIMEOUT_MS }));
      const singleToken = issueDevToken({ secret: platform.config.jwtSecret });
      single = { url: platform.url, token: singleToken, request: createGraphqlClient({ url: platform.url, token: singleToken }) };
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
