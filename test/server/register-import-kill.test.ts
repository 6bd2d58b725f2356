// A real `kill -9` of `npm run import` (README, Register import: "A run that was interrupted, even by
// kill -9, finishes when run again"). Two single-node platforms run as OS processes as `npm start`
// runs them, each on a fresh data directory. On the first, the import CLI (a child process) reads
// member-register-with-errors.csv in batches of 20 and is SIGKILLed once its progress line says the
// platform accepted rows — the kill lands on a run with many batches still to go — then the same
// command runs again to completion. On the second, the same command runs once, undisturbed. The
// killed-and-resumed platform must end in the expected state (the fixture's .expected.json) and in
// the same state as the clean one, and write the same reject report. Needs neither PostgreSQL nor Kafka.
import { rupeesToPaise } from '@samabay/domain-kit';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceProcess } from '../fault/service-process';
import { freePorts, registerExpectation } from '../support';
import { announced, buildLikeNpm, postGraphql, ROOT, singleNodePlatform } from './single-node-platform';

jest.setTimeout(300_000);

const REGISTER = path.join(ROOT, 'test/fixtures/member-register-with-errors.csv');
const EXPECTED = registerExpectation('member-register-with-errors');
/** Rows per importMembers call: 300 rows make about 15 batches, so a kill after the first accepted ones lands mid-way. */
const BATCH = '20';
const EXIT_REJECTS = 3;

/** One platform process and what the import needs to reach it. */
interface Target {
  readonly platform: ServiceProcess;
  readonly url: string;
  readonly token: string;
  readonly report: string;
}

interface ImportCounts {
  readonly accepted: number;
  readonly replayed: number;
  readonly rejected: number;
}

/** The counts of an import's summary line (`rows: 300  accepted: …  replayed: …  rejected: …`) and its platform position, from its output `lines`. */
function summaryCounts(lines: readonly string[]): ImportCounts & { position: string } {
  const text = lines.join('\n');
  const counts = /^rows: \d+ {2}accepted: (\d+) {2}replayed: (\d+) {2}rejected: (\d+)$/m.exec(text);
  const position = /^platform position: (\S+)/m.exec(text);
  if (!counts || !position) throw new Error(`the import printed no summary:\n${text}`);
  return { accepted: Number(counts[1]), replayed: Number(counts[2]), rejected: Number(counts[3]), position: position[1] };
}

/** Rows the platform has accepted so far, by the CLI's latest progress line (`import: 58/300 rows (accepted 40, …)`). */
function acceptedSoFar(cli: ServiceProcess): number {
  const line = cli.plainLines.findLast((text) => text.startsWith('import: '));
  return Number(/\(accepted (\d+),/.exec(line ?? '')?.[1] ?? 0);
}

/** `npm run import` after the build: the CLI with `--batch 20 --report <target.report>` against `target`, token in SAMABAY_TOKEN. */
function importCli(builtDir: string, target: Target, label: string): ServiceProcess {
  return new ServiceProcess({
    label,
    script: path.join(builtDir, 'tools/register-import/src/main.js'),
    args: [REGISTER, '--url', target.url, '--batch', BATCH, '--report', target.report],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SAMABAY_TOKEN: target.token },
    // Its first progress line (file read and checked, nothing sent yet).
    readyMessage: 'import: ',
  });
}

/** Members (every field), branch summaries and savings totals, read consistent with `position`. */
async function endState(target: Target, position: string) {
  const read = async <T>(query: string): Promise<T> => {
    const answer = await postGraphql<T>(target.url, target.token, query, { p: position });
    if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data as T;
  };
  const members = await read<{ members: { totalCount: number; edges: { node: unknown }[] } }>(
    `query ($p: String) { members(first: 500, consistentWith: $p) { totalCount edges { node {
      memberNo branchCode status sharesHeld shareCapital admissionDate fullName dateOfBirth phone locality nomineeName nomineeRelation } } } }`,
  );
  const summaries = await read<{ branchSummaries: { branchCode: string; totalMembers: number; sharesHeld: number }[] }>(
    `query ($p: String) { branchSummaries(consistentWith: $p) { branchCode name activeMembers inactiveMembers exitedMembers totalMembers sharesHeld shareCapital } }`,
  );
  const savings = await read<{ savingsBranchTotals: { branchCode: string; product: string; openAccounts: number; balance: string }[] }>(
    `query ($p: String) { savingsBranchTotals(consistentWith: $p) { branchCode product openAccounts balance } }`,
  );
  return {
    members: { totalCount: members.members.totalCount, rows: members.members.edges.map((edge) => edge.node) },
    branchSummaries: [...summaries.branchSummaries].sort((a, b) => a.branchCode.localeCompare(b.branchCode)),
    savingsBranchTotals: [...savings.savingsBranchTotals].sort((a, b) => `${a.branchCode}${a.product}`.localeCompare(`${b.branchCode}${b.product}`)),
  };
}

/** The reject report as `{ line: reason }`. */
function rejectedLines(report: string): Record<string, string> {
  const [, ...rows] = readFileSync(report, 'utf8').trimEnd().split('\n');
  return Object.fromEntries(rows.map((row) => row.split(',')).map((cells) => [cells[0], cells[3]]));
}

describe('npm run import killed with SIGKILL mid-way and run again, against npm start', () => {
  let builtDir: string;
  let workDir: string;
  let killed: Target;
  let clean: Target;

  beforeAll(async () => {
    builtDir = buildLikeNpm('register-import-kill');
    workDir = mkdtempSync(path.join(tmpdir(), 'samabay-import-kill-'));
    const ports = await freePorts(2);
    const start = async (name: string, port: number): Promise<Target> => {
      const platform = singleNodePlatform(builtDir, { SAMABAY_DATA_DIR: path.join(workDir, `data-${name}`), SAMABAY_PORT: String(port) }, `platform-${name}`);
      await platform.start(120_000);
      return { platform, url: `http://127.0.0.1:${port}/graphql`, token: announced(platform).token as string, report: path.join(workDir, `rejects-${name}.csv`) };
    };
    [killed, clean] = await Promise.all([start('killed', ports[0]), start('clean', ports[1])]);
  });

  afterAll(async () => {
    await Promise.all([killed?.platform.stop(), clean?.platform.stop()]);
    await ServiceProcess.killAll();
    rmSync(workDir, { recursive: true, force: true });
    rmSync(builtDir, { recursive: true, force: true });
  });

  it('finishes on the second run with the expected end state, the same as an undisturbed run, and the same reject report', async () => {
    const cleanCli = importCli(builtDir, clean, 'import-clean');
    const cleanExit = cleanCli.runToExit(240_000);

    const cli = importCli(builtDir, killed, 'import-killed');
    await cli.start(60_000);
    await cli.waitUntil(() => acceptedSoFar(cli) > 0, 'a progress line with rows accepted by the platform', 120_000);
    expect(await cli.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    const acceptedBeforeKill = acceptedSoFar(cli);
    // Killed before its end: no summary, no report.
    expect(cli.plainLines.some((line) => line.startsWith('rows: '))).toBe(false);
    expect(existsSync(killed.report)).toBe(false);

    const linesOfFirstRun = cli.plainLines.length;
    expect(await cli.runToExit(240_000)).toEqual({ code: EXIT_REJECTS, signal: null });
    const secondRun = cli.plainLines.slice(linesOfFirstRun);
    expect(secondRun).toContain(`reject report: ${killed.report} (20 row(s))`);
    const resumed = summaryCounts(secondRun);
    // The kill really landed mid-way: the second run found rows already in (at least those the
    // first run saw accepted) and still had rows to send.
    expect(resumed.replayed).toBeGreaterThanOrEqual(acceptedBeforeKill);
    expect(resumed.accepted).toBeGreaterThan(0);
    expect(resumed.accepted + resumed.replayed).toBe(EXPECTED.accepted);
    expect(resumed.rejected).toBe(EXPECTED.rows - EXPECTED.accepted);
    expect(secondRun).toContain(`shares: ${EXPECTED.shares_total}`);
    expect(secondRun.some((line) => line.startsWith(`savings deposit total: ${EXPECTED.savings_deposit_total_paise} paise`))).toBe(true);
    expect(secondRun.some((line) => line.startsWith(`thrift fund total: ${EXPECTED.thrift_fund_total_paise} paise`))).toBe(true);

    expect(await cleanExit).toEqual({ code: EXIT_REJECTS, signal: null });
    const undisturbed = summaryCounts(cleanCli.plainLines);
    expect(undisturbed).toMatchObject({ accepted: EXPECTED.accepted, replayed: 0, rejected: EXPECTED.rows - EXPECTED.accepted });

    // Rejected lines exactly, and the same report file as the undisturbed run.
    expect(rejectedLines(killed.report)).toEqual(EXPECTED.rejected_lines);
    expect(readFileSync(killed.report, 'utf8')).toBe(readFileSync(clean.report, 'utf8'));

    // The platform's end state: the expected totals, and equal to the undisturbed platform's.
    const state = await endState(killed, resumed.position);
    expect(state.members.totalCount).toBe(EXPECTED.accepted);
    expect(Object.fromEntries(state.branchSummaries.filter((row) => row.totalMembers > 0).map((row) => [row.branchCode, row.totalMembers]))).toEqual(EXPECTED.accepted_by_branch);
    expect(state.branchSummaries.reduce((sum, row) => sum + row.sharesHeld, 0)).toBe(EXPECTED.shares_total);
    const paiseOf = (product: string) => state.savingsBranchTotals.filter((row) => row.product === product).reduce((sum, row) => sum + rupeesToPaise(row.balance), 0);
    expect(paiseOf('SAVINGS_DEPOSIT')).toBe(EXPECTED.savings_deposit_total_paise);
    expect(paiseOf('THRIFT_FUND')).toBe(EXPECTED.thrift_fund_total_paise);
    expect(state).toEqual(await endState(clean, undisturbed.position));
  });
});
