import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTER_COLUMNS } from './csv-reader';
import { importRegister, RowsNotSettledError } from './importer';
import { FakePlatform } from './testing/fake-platform';
import { PlatformRequestError, type GraphqlRequest } from './graphql-client';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const registerFile = { path: path.join(fixtures, 'member-register.csv') };
const errorsFile = { path: path.join(fixtures, 'member-register-with-errors.csv') };
const expected = JSON.parse(readFileSync(path.join(fixtures, 'member-register.expected.json'), 'utf8'));
const expectedWithErrors = JSON.parse(readFileSync(path.join(fixtures, 'member-register-with-errors.expected.json'), 'utf8'));

const HEADER = REGISTER_COLUMNS.join(',');
const row = (memberNo: string, branch: string, shares = '1', name = 'Rekha Thapa') =>
  `${memberNo},${branch},${name},23/04/1972,14/08/2021,9076238234,Kalighat Rd,Maya Bibi,mother,${shares},100.50,20.25,50,active`;

function snapshot(platform: FakePlatform) {
  return JSON.stringify([...platform.members.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

describe('importRegister', () => {
  it('imports the whole register in batches with the expected counts and totals', async () => {
    const platform = new FakePlatform();
    const { summary, rejects } = await importRegister({ source: registerFile, request: platform.request, batchSize: 200 });
    expect(rejects).toEqual([]);
    expect(platform.calls).toBe(10);
    expect(platform.members.size).toBe(2000);
    expect(summary).toMatchObject({
      rows: expected.rows,
      accepted: expected.accepted,
      replayed: 0,
      rejected: 0,
      sharesTotal: expected.shares_total,
      savingsDepositTotalPaise: expected.savings_deposit_total_paise,
      thriftFundTotalPaise: expected.thrift_fund_total_paise,
      // 2,000 members, then the opening balances of the 1,940 who have not exited.
      lastPosition: 'C:3940/P:3940',
      openingBalances: { accepted: 1940, replayed: 0, rejected: 0, exitedWithoutAccounts: 60, accounts: 3880 },
    });
    expect(Object.fromEntries(Object.entries(summary.byBranch).map(([branch, totals]) => [branch, totals.members]))).toEqual(expected.accepted_by_branch);
  });

  it('carries the savings and thrift columns over as opening balances at the business date, after the members', async () => {
    const platform = new FakePlatform();
    await importRegister({ source: registerFile, request: platform.request, batchSize: 500, businessDate: '2026-04-01' });
    expect(platform.balanceCalls).toBe(4);
    expect(platform.balanceConsistency.every((position) => position !== null)).toBe(true);
    const balances = [...platform.balances.values()];
    expect(balances).toHaveLength(1940);
    expect(new Set(balances.map((balance) => balance.businessDate))).toEqual(new Set(['2026-04-01']));
    const paise = (rupees: string) => Math.round(Number(rupees) * 100);
    expect(balances.reduce((sum, balance) => sum + paise(balance.savingsDeposit), 0)).toBe(expected.savings_deposit_total_paise);
    expect(balances.reduce((sum, balance) => sum + paise(balance.thriftFund), 0)).toBe(expected.thrift_fund_total_paise);
    expect(platform.balances.get('KLG-000001')).toEqual({ savingsDeposit: '22728.25', thriftFund: '6950.08', businessDate: '2026-04-01' });
  });

  it('asks again when the platform answers the opening balances READ_MODEL_BEHIND (members still on their way to the read models)', async () => {
    const platform = new FakePlatform();
    let behind = 2;
    const request: GraphqlRequest = async (query, variables, signal) => {
      if (query.includes('importOpeningBalances') && behind > 0) {
        behind -= 1;
        throw new PlatformRequestError('READ_MODEL_BEHIND', 'the read models did not reach that position within 5000 ms; retry the query');
      }
      return platform.request(query, variables, signal);
    };
    const { summary } = await importRegister({ source: registerFile, request, batchSize: 500 });
    expect(behind).toBe(0);
    expect(summary.openingBalances).toMatchObject({ accepted: 1940, rejected: 0 });
  });

  it('reports an exited member with a balance on the balance column, keeps the member, and leaves the balance out of the totals', async () => {
    const platform = new FakePlatform();
    const exited = `KLG-000003,KLG,Rekha Thapa,23/04/1972,14/08/2021,9076238234,Kalighat Rd,Maya Bibi,mother,1,0.00,12.00,50,exited`;
    const { summary, rejects } = await importRegister({ source: { text: `${HEADER}\n${row('KLG-000001', 'KLG')}\n${exited}\n` }, request: platform.request });
    expect(rejects).toEqual([{ line: 3, memberNo: 'KLG-000003', field: 'thrift_fund_balance', reason: 'balance_of_exited_member' }]);
    expect(summary).toMatchObject({ rows: 2, accepted: 2, rejected: 0, savingsDepositTotalPaise: 10_050, thriftFundTotalPaise: 2_025, openingBalances: { accepted: 1, rejected: 1, accounts: 2 } });
    expect(platform.members.has('KLG-000003')).toBe(true);
  });

  it('refuses a business date that is not a real date', async () => {
    await expect(importRegister({ source: registerFile, request: new FakePlatform().request, businessDate: '2026-02-30' })).rejects.toThrow(RangeError);
  });

  it('replays every row when the same file is imported again, adding nothing', async () => {
    const platform = new FakePlatform();
    await importRegister({ source: registerFile, request: platform.request, batchSize: 500 });
    const before = snapshot(platform);
    const { summary } = await importRegister({ source: registerFile, request: platform.request, batchSize: 500 });
    expect(summary).toMatchObject({ rows: 2000, accepted: 0, replayed: 2000, rejected: 0, sharesTotal: expected.shares_total });
    expect(snapshot(platform)).toBe(before);
  });

  it('rejects exactly the expected lines of the register with errors and totals the rest', async () => {
    const platform = new FakePlatform();
    const { summary, rejects } = await importRegister({ source: errorsFile, request: platform.request });
    expect(Object.fromEntries(rejects.map((reject) => [String(reject.line), reject.reason]))).toEqual(expectedWithErrors.rejected_lines);
    expect(summary).toMatchObject({
      rows: expectedWithErrors.rows,
      accepted: expectedWithErrors.accepted,
      rejected: Object.keys(expectedWithErrors.rejected_lines).length,
      sharesTotal: expectedWithErrors.shares_total,
      savingsDepositTotalPaise: expectedWithErrors.savings_deposit_total_paise,
      thriftFundTotalPaise: expectedWithErrors.thrift_fund_total_paise,
    });
    expect(rejects.find((reject) => reject.line === 92)).toEqual({ line: 92, memberNo: 'KLG-000091', field: 'branch_code', reason: 'unknown_branch' });
  });

  it('reports a row edited since an earlier import instead of changing or duplicating the member', async () => {
    const platform = new FakePlatform();
    await importRegister({ source: { text: `${HEADER}\n${row('KLG-000001', 'KLG', '1')}\n${row('KLG-000002', 'KLG')}\n` }, request: platform.request });
    const before = snapshot(platform);
    const { summary, rejects } = await importRegister({ source: { text: `${HEADER}\n${row('KLG-000001', 'KLG', '5')}\n${row('KLG-000002', 'KLG')}\n` }, request: platform.request });
    expect(rejects).toEqual([{ line: 2, memberNo: 'KLG-000001', field: 'member_no', reason: 'duplicate_member_no' }]);
    expect(summary).toMatchObject({ accepted: 0, replayed: 1, rejected: 1 });
    expect(snapshot(platform)).toBe(before);
  });

  it('never sends rows rejected locally', async () => {
    const platform = new FakePlatform();
    const sent: unknown[] = [];
    await importRegister({
      source: { text: `${HEADER}\n${row('KLG-000001', 'KLG', '0')}\n${row('KLG-000001', 'KLG')}\n` },
      request: async (query, variables) => {
        sent.push(...(variables.rows as unknown[]));
        return platform.request(query, variables);
      },
    });
    expect(sent).toEqual([]);
    expect(platform.calls).toBe(0);
  });

  it('after being stopped midway, a re-run finishes with the same end state as one clean run', async () => {
    const clean = new FakePlatform();
    await importRegister({ source: registerFile, request: clean.request, batchSize: 100 });

    const interrupted = new FakePlatform();
    const controller = new AbortController();
    const stopped = importRegister({
      source: registerFile,
      request: interrupted.request,
      batchSize: 100,
      signal: controller.signal,
      onBatchDone: (calls) => calls === 7 && controller.abort(new Error('killed')),
    });
    await expect(stopped).rejects.toThrow('killed');
    expect(interrupted.members.size).toBe(700);

    const { summary } = await importRegister({ source: registerFile, request: interrupted.request, batchSize: 100 });
    expect(summary).toMatchObject({ accepted: 1300, replayed: 700, rejected: 0 });
    expect(snapshot(interrupted)).toBe(snapshot(clean));
  });

  it('re-sends rows that met a transient platform error and counts them once', async () => {
    const platform = new FakePlatform();
    platform.conflicts.set('KLG-000002', 2);
    const { summary, rejects } = await importRegister({
      source: { text: `${HEADER}\n${row('KLG-000001', 'KLG')}\n${row('KLG-000002', 'KLG')}\n` },
      request: platform.request,
      transientDelayMs: 1,
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ rows: 2, accepted: 2, replayed: 0 });
    expect(platform.calls).toBe(3);
  });

  it('gives up on rows that keep meeting transient errors, naming their lines, after a bounded number of rounds', async () => {
    const platform = new FakePlatform();
    platform.conflicts.set('KLG-000002', 100);
    const run = importRegister({ source: { text: `${HEADER}\n${row('KLG-000001', 'KLG')}\n${row('KLG-000002', 'KLG')}\n` }, request: platform.request, transientRetries: 2, transientDelayMs: 1 });
    await expect(run).rejects.toThrow(RowsNotSettledError);
    await expect(run).rejects.toThrow(/1 row\(s\) could not be imported now \(CONCURRENCY_CONFLICT\), first at line 3/);
    expect(platform.calls).toBe(3);
  });

  it('refuses a batch size outside 1–500', async () => {
    const platform = new FakePlatform();
    await expect(importRegister({ source: registerFile, request: platform.request, batchSize: 501 })).rejects.toThrow(RangeError);
    await expect(importRegister({ source: registerFile, request: platform.request, batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
