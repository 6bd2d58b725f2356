// The register import end to end (issue 2 item 7 and "Done when"): the whole platform in-process on
// an in-memory PGlite at a random port, the import tool talking to it over HTTP exactly as
// `npm run import` does.
import { rupeesToPaise } from '@samabay/domain-kit';
import { comparePositions } from '@samabay/event-store';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { inMemoryConfig } from '@samabay/gateway';
import { issueDevToken } from '@samabay/gateway';
import { startPlatform, type RunningPlatform } from '@samabay/gateway';
import { createGraphqlClient, type GraphqlRequest } from '@samabay/register-import';
import { importRegister, type ImportResult } from '@samabay/register-import';
import { EXIT, runCli } from '@samabay/register-import';
import { registerExpectation } from '../support';

// A whole 2,000-row register goes through the one-command-per-row path (about 30-100 s on 2 idle
// cores, several minutes when the machine is shared); the limit guards against a hang, not speed.
jest.setTimeout(600_000);

const fixtures = path.resolve(__dirname, '../fixtures');
const registerCsv = path.join(fixtures, 'member-register.csv');
const errorsCsv = path.join(fixtures, 'member-register-with-errors.csv');
const expected = registerExpectation('member-register');
const expectedWithErrors = registerExpectation('member-register-with-errors');


interface BranchSummary {
  branchCode: string;
  activeMembers: number;
  inactiveMembers: number;
  exitedMembers: number;
  totalMembers: number;
  sharesHeld: number;
  shareCapital: string;
}

interface TestPlatform {
  platform: RunningPlatform;
  token: string;
  request: GraphqlRequest;
}

async function startTestPlatform(): Promise<TestPlatform> {
  const platform = await startPlatform(inMemoryConfig());
  const token = issueDevToken({ secret: platform.config.jwtSecret });
  return { platform, token, request: createGraphqlClient({ url: platform.url, token }) };
}

async function branchSummaries({ request }: TestPlatform, consistentWith: string | null): Promise<BranchSummary[]> {
  const data = await request<{ branchSummaries: BranchSummary[] }>(
    `query ($consistentWith: String) { branchSummaries(consistentWith: $consistentWith) { branchCode activeMembers inactiveMembers exitedMembers totalMembers sharesHeld shareCapital } }`,
    { consistentWith },
  );
  return [...data.branchSummaries].sort((a, b) => a.branchCode.localeCompare(b.branchCode));
}

interface MemberRow {
  memberNo: string;
  branchCode: string;
  status: string;
  sharesHeld: number;
  shareCapital: string;
  admissionDate: string;
  fullName: string;
  dateOfBirth: string;
  phone: string | null;
  locality: string | null;
  nomineeName: string | null;
  nomineeRelation: string | null;
}

/** Every member with every field, in member-number order (at most 500: the with-errors register). */
async function allMembers({ request }: TestPlatform, consistentWith: string | null): Promise<{ totalCount: number; rows: MemberRow[] }> {
  const data = await request<{ members: { totalCount: number; edges: { node: MemberRow }[] } }>(
    `query ($consistentWith: String) { members(first: 500, consistentWith: $consistentWith) { totalCount edges { node {
      memberNo branchCode status sharesHeld shareCapital admissionDate fullName dateOfBirth phone locality nomineeName nomineeRelation } } } }`,
    { consistentWith },
  );
  return { totalCount: data.members.totalCount, rows: data.members.edges.map((edge) => edge.node) };
}

interface SavingsTotal {
  branchCode: string;
  product: string;
  openAccounts: number;
  balance: string;
}

async function savingsTotals({ request }: TestPlatform, consistentWith: string | null): Promise<SavingsTotal[]> {
  const data = await request<{ savingsBranchTotals: SavingsTotal[] }>(
    `query ($consistentWith: String) { savingsBranchTotals(consistentWith: $consistentWith) { branchCode product openAccounts balance } }`,
    { consistentWith },
  );
  return data.savingsBranchTotals;
}

/** Sum of the balances (paise) and accounts of one product over every branch. */
function productTotal(totals: SavingsTotal[], product: string): { paise: number; accounts: number } {
  const rows = totals.filter((total) => total.product === product);
  return { paise: rows.reduce((sum, total) => sum + rupeesToPaise(total.balance), 0), accounts: rows.reduce((sum, total) => sum + total.openAccounts, 0) };
}

const membersByBranch = (summaries: BranchSummary[]) => Object.fromEntries(summaries.filter((s) => s.totalMembers > 0).map((s) => [s.branchCode, s.totalMembers]));
const totalShares = (summaries: BranchSummary[]) => summaries.reduce((sum, s) => sum + s.sharesHeld, 0);
const rejectedLines = (result: ImportResult) => Object.fromEntries(result.rejects.map((reject) => [String(reject.line), reject.reason]));

async function runImportCli(target: TestPlatform, argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.resume();
  const status = await runCli([...argv, '--url', target.platform.url], { stdout, stderr: stderr as unknown as NodeJS.WriteStream, env: { SAMABAY_TOKEN: target.token } });
  return { status, stdout: out };
}

describe('register import against the running platform', () => {
  let target: TestPlatform;
  let firstRun: { status: number; stdout: string };
  let summariesAfterFirstImport: BranchSummary[];
  let savingsAfterFirstImport: SavingsTotal[];

  beforeAll(async () => {
    target = await startTestPlatform();
    firstRun = await runImportCli(target, [registerCsv, '--batch', '200']);
  });
  afterAll(async () => {
    await target?.platform.stop();
  });

  it('imports member-register.csv: 2,000 members (SNG 1,188, KLG 619, DHT 193) holding 10,743 shares', async () => {
    expect(firstRun.status).toBe(EXIT.ok);
    expect(firstRun.stdout).toContain('rows: 2000  accepted: 2000  replayed: 0  rejected: 0');
    const position = /platform position: (\S+)/.exec(firstRun.stdout)?.[1] ?? null;
    expect(position).not.toBeNull();

    summariesAfterFirstImport = await branchSummaries(target, position);
    expect(membersByBranch(summariesAfterFirstImport)).toEqual(expected.accepted_by_branch);
    expect(membersByBranch(summariesAfterFirstImport)).toEqual({ SNG: 1188, KLG: 619, DHT: 193 });
    expect(totalShares(summariesAfterFirstImport)).toBe(10_743);
    expect(totalShares(summariesAfterFirstImport)).toBe(expected.shares_total);
  });

  it('reports the savings and thrift totals of the expected file', () => {
    expect(firstRun.stdout).toContain(`shares: ${expected.shares_total}`);
    expect(firstRun.stdout).toContain(`savings deposit total: ${expected.savings_deposit_total_paise} paise`);
    expect(firstRun.stdout).toContain(`thrift fund total: ${expected.thrift_fund_total_paise} paise`);
    expect(firstRun.stdout).toContain('opening balances: 1940 rows carried over, 0 replayed, 0 rejected, 60 exited members without accounts (3880 accounts)');
  });

  it('carries the savings and thrift columns over as opening balances: branch totals equal the expected file, exited members hold no accounts', async () => {
    const position = /platform position: (\S+)/.exec(firstRun.stdout)?.[1] ?? null;
    savingsAfterFirstImport = await savingsTotals(target, position);
    // 60 of the 2,000 members have exited (with nil balances): 1,940 Savings Deposit and 1,940 Thrift Fund accounts.
    expect(productTotal(savingsAfterFirstImport, 'SAVINGS_DEPOSIT')).toEqual({ paise: expected.savings_deposit_total_paise, accounts: 1940 });
    expect(productTotal(savingsAfterFirstImport, 'THRIFT_FUND')).toEqual({ paise: expected.thrift_fund_total_paise, accounts: 1940 });
    expect(new Set(savingsAfterFirstImport.map((total) => total.branchCode))).toEqual(new Set(['SNG', 'KLG', 'DHT']));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const first = await target.request<{ passbook: { entries: { date: string; category: string; credit: string; balance: string }[] } }>(
      `query { passbook(accountId: "KLG-000001-TF-01") { entries { date category credit balance } } }`,
      {},
    );
    expect(first.passbook.entries).toEqual([{ date: today, category: 'OPENING_BALANCE', credit: '6950.08', balance: '6950.08' }]);
  });

  it('lists all 2,000 members', async () => {
    const data = await target.request<{ members: { totalCount: number } }>(`query { members(first: 1) { totalCount } }`, {});
    expect(data.members.totalCount).toBe(2000);
  });

  it('keeps Bengali names intact through the platform', async () => {
    const data = await target.request<{ member: { fullName: string; branchCode: string; status: string } }>(`query { member(memberNo: "SNG-000049") { fullName branchCode status } }`, {});
    expect(data.member).toEqual({ fullName: 'শান্তি সরকার', branchCode: 'SNG', status: 'ACTIVE' });
  });

  it('changes nothing when the same file is imported again: every row replayed, store head unchanged', async () => {
    const headBefore = await target.platform.store.headPosition();
    const again = await importRegister({ source: { path: registerCsv }, request: target.request, batchSize: 500 });
    expect(again.summary).toMatchObject({ rows: 2000, accepted: 0, replayed: 2000, rejected: 0, sharesTotal: expected.shares_total });
    expect(comparePositions(await target.platform.store.headPosition(), headBefore)).toBe(0);
    expect(await branchSummaries(target, again.summary.lastPosition)).toEqual(summariesAfterFirstImport);
    expect(again.summary.openingBalances).toEqual({ accepted: 0, replayed: 1940, rejected: 0, exitedWithoutAccounts: 60, accounts: 3880 });
    expect(await savingsTotals(target, null)).toEqual(savingsAfterFirstImport);
  });
});

describe('register with errors against fresh platforms', () => {
  let target: TestPlatform;
  let cleanRun: ImportResult;
  beforeAll(async () => {
    target = await startTestPlatform();
    cleanRun = await importRegister({ source: { path: errorsCsv }, request: target.request, batchSize: 64 });
  });
  afterAll(async () => {
    await target?.platform.stop();
  });

  it('rejects exactly the expected lines with the expected reasons and accepts the rest with the expected totals', async () => {
    expect(rejectedLines(cleanRun)).toEqual(expectedWithErrors.rejected_lines);
    expect(cleanRun.summary).toMatchObject({
      rows: expectedWithErrors.rows,
      accepted: expectedWithErrors.accepted,
      replayed: 0,
      sharesTotal: expectedWithErrors.shares_total,
      savingsDepositTotalPaise: expectedWithErrors.savings_deposit_total_paise,
      thriftFundTotalPaise: expectedWithErrors.thrift_fund_total_paise,
    });
    const summaries = await branchSummaries(target, cleanRun.summary.lastPosition);
    expect(membersByBranch(summaries)).toEqual(expectedWithErrors.accepted_by_branch);
    expect(totalShares(summaries)).toBe(expectedWithErrors.shares_total);
    expect((await allMembers(target, null)).totalCount).toBe(expectedWithErrors.accepted);
  });

  it('ends in the same state when a first run was killed midway, even after the platform took a batch the tool never heard back about', async () => {
    const killed = await startTestPlatform();
    try {
      let calls = 0;
      const killedAfterThirdBatch: GraphqlRequest = async <T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal) => {
        calls += 1;
        const answer = await killed.request<T>(query, variables, signal);
        if (calls === 3) throw new Error('killed after the platform applied the batch');
        return answer;
      };
      await expect(importRegister({ source: { path: errorsCsv }, request: killedAfterThirdBatch, batchSize: 64 })).rejects.toThrow('killed after the platform applied the batch');
      const partial = await allMembers(killed, null);
      expect(partial.totalCount).toBeGreaterThan(0);
      expect(partial.totalCount).toBeLessThan(expectedWithErrors.accepted);

      const rerun = await importRegister({ source: { path: errorsCsv }, request: killed.request, batchSize: 64 });
      expect(rejectedLines(rerun)).toEqual(expectedWithErrors.rejected_lines);
      expect(rerun.summary.accepted + rerun.summary.replayed).toBe(expectedWithErrors.accepted);
      expect(rerun.summary.replayed).toBeGreaterThan(0);
      expect(await allMembers(killed, rerun.summary.lastPosition)).toEqual(await allMembers(target, null));
      expect(await branchSummaries(killed, null)).toEqual(await branchSummaries(target, null));
      expect(await savingsTotals(killed, null)).toEqual(await savingsTotals(target, null));
    } finally {
      await killed.platform.stop();
    }
  });

  it('reports an edited row as a duplicate member number on a later run and leaves the member as first imported', async () => {
    const before = await allMembers(target, null);
    const original = readFileSync(errorsCsv, 'utf8');
    const edited = original.replace(/^(KLG-000002,KLG,[^\n]*?,)1(,[\d.]+,[\d.]+,\d+,active)$/m, (_row, head: string, tail: string) => `${head}7${tail}`);
    expect(edited).not.toBe(original);
    const result = await importRegister({ source: { text: edited }, request: target.request, batchSize: 500 });
    expect(result.rejects.filter((reject) => reject.memberNo === 'KLG-000002')).toEqual([{ line: 3, memberNo: 'KLG-000002', field: 'member_no', reason: 'duplicate_member_no' }]);
    expect(result.summary).toMatchObject({ accepted: 0, replayed: expectedWithErrors.accepted - 1 });
    expect(await allMembers(target, null)).toEqual(before);
  });
});
