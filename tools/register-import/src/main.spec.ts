import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { EXIT, runCli } from './main';
import { FakePlatform } from './testing/fake-platform';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const registerCsv = path.join(fixtures, 'member-register.csv');
const errorsCsv = path.join(fixtures, 'member-register-with-errors.csv');
const expectedWithErrors = JSON.parse(readFileSync(path.join(fixtures, 'member-register-with-errors.expected.json'), 'utf8'));

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

async function run(argv: string[], platform = new FakePlatform(), env: NodeJS.ProcessEnv = {}) {
  const stdout = capture();
  const stderr = capture();
  const status = await runCli(argv, { stdout: stdout.stream, stderr: stderr.stream, env, fetch: platform.fetch, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
  return { status, stdout: stdout.text(), stderr: stderr.text(), platform };
}

/** Every personal value in a register file: names, phones, localities, nominees. */
function personalValues(file: string): string[] {
  const rows = parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
  return rows.flatMap((row) => [row.full_name, row.phone, row.locality, row.nominee_name].map((value) => value.trim()).filter((value) => value.length >= 4));
}

describe('runCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'register-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a register, prints the summary and exits 0 when every row is in', async () => {
    const { status, stdout, stderr, platform } = await run([registerCsv, '--token', 'test-token']);
    expect(status).toBe(EXIT.ok);
    expect(platform.members.size).toBe(2000);
    expect(stdout).toContain('rows: 2000  accepted: 2000  replayed: 0  rejected: 0');
    expect(stdout).toMatch(/SNG\s+1188/);
    expect(stdout).toContain('shares: 10743');
    expect(stdout).toContain('savings deposit total: 4840282233 paise (Rs 4,84,02,822.33)');
    expect(stderr).toContain('import: 2000/2000 rows');
  });

  it('writes the reject report, exits 3, and prints no personal data anywhere', async () => {
    const report = path.join(dir, 'rejects.csv');
    const { status, stdout, stderr } = await run([errorsCsv, '--report', report, '--batch', '50'], new FakePlatform(), { SAMABAY_TOKEN: 'test-token' });
    expect(status).toBe(EXIT.rejects);
    const reportText = readFileSync(report, 'utf8');
    const rows = parse(reportText, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['line', 'member_no', 'field', 'reason']);
    expect(Object.fromEntries(rows.map((row) => [row.line, row.reason]))).toEqual(expectedWithErrors.rejected_lines);
    expect(stdout).toContain(`reject report: ${report} (20 row(s))`);
    for (const value of personalValues(errorsCsv)) {
      expect([stdout, stderr, reportText].some((text) => text.includes(value))).toBe(false);
    }
  });

  it('lists the rejects on stdout when no report file is named', async () => {
    const { status, stdout } = await run([errorsCsv, '--token', 'test-token']);
    expect(status).toBe(EXIT.rejects);
    expect(stdout).toContain('line,member_no,field,reason\n6,SNG-000005,date_of_birth,admitted_before_birth\n');
  });

  it('explains a missing or wrong token without retrying', async () => {
    const { status, stderr, platform } = await run([registerCsv, '--token', 'wrong']);
    expect(status).toBe(EXIT.failed);
    expect(stderr).toMatch(/UNAUTHENTICATED.*Pass --token \(npm start prints a development token\)/);
    expect(platform.httpRequests).toBe(1);
    expect(platform.calls).toBe(0);
  });

  it('fails clearly after bounded retries when the platform is down, and says re-running is safe', async () => {
    const platform = new FakePlatform();
    platform.refuseNextCalls = 1000;
    const { status, stderr } = await run([registerCsv, '--token', 'test-token', '--url', 'http://127.0.0.1:1/graphql'], platform);
    expect(status).toBe(EXIT.failed);
    expect(stderr).toContain('import failed: could not reach the platform at http://127.0.0.1:1/graphql after 2 attempt(s): ECONNREFUSED');
    expect(stderr).toContain('Re-running the import is safe');
    expect(platform.httpRequests).toBe(2);
  });

  it('carries the balances over at --business-date', async () => {
    const { status, stdout, platform } = await run([registerCsv, '--token', 'test-token', '--business-date', '2026-04-01', '--batch', '500']);
    expect(status).toBe(EXIT.ok);
    expect(platform.balances.get('SNG-000002')).toEqual({ savingsDeposit: '25905.43', thriftFund: '4113.29', businessDate: '2026-04-01' });
    expect(stdout).toContain('opening balances: 1940 rows carried over, 0 replayed, 0 rejected, 60 exited members without accounts (3880 accounts)');
  });

  it('reports an unreadable file', async () => {
    const { status, stderr } = await run([path.join(dir, 'missing.csv'), '--token', 'test-token']);
    expect(status).toBe(EXIT.failed);
    expect(stderr).toContain('cannot read');
  });

  it.each([[[]], [['a.csv', 'b.csv']], [['a.csv', '--batch', '0']], [['a.csv', '--batch', '501']], [['a.csv', '--bogus']], [['a.csv', '--url', 'localhost:4000']], [['a.csv', '--business-date', '2026-02-30']]])(
    'exits 2 with the usage for bad arguments %j',
    async (argv) => {
      const { status, stderr } = await run(argv);
      expect(status).toBe(EXIT.usage);
      expect(stderr).toContain('usage: npm run import --');
    },
  );

  it('exits 2 with the usage, before any request, when no token is given (neither --token nor SAMABAY_TOKEN)', async () => {
    for (const [argv, env] of [[[registerCsv], {}], [[registerCsv], { SAMABAY_TOKEN: '' }], [[registerCsv, '--token', ' '], {}]] as const) {
      const platform = new FakePlatform();
      const { status, stderr } = await run([...argv], platform, env);
      expect(status).toBe(EXIT.usage);
      expect(stderr).toMatch(/a staff token is required: pass --token <jwt> or set SAMABAY_TOKEN/);
      expect(stderr).toContain('usage: npm run import --');
      expect(platform.httpRequests).toBe(0);
    }
  });

  it('prints the usage for --help', async () => {
    const { status, stdout } = await run(['--help']);
    expect(status).toBe(EXIT.ok);
    expect(stdout).toContain('exit status: 0 every row imported, 3 finished with rejected rows');
  });
});
