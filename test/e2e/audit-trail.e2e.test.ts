// The audit trail end to end (issue 6 item 7): accepted commands from the event metadata, refusals by
// the access policy and by the domain recorded at the gateway, read by auditors and head office only,
// with cursor paging — the single-node platform in-process on an in-memory PGlite, driven over HTTP.
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import type { StaffRole } from '@samabay/domain-kit';
import { waitFor } from '../support';

jest.setTimeout(120_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}
interface Entry {
  id: string;
  occurredAt: string;
  outcome: string;
  refusedBy: string | null;
  operation: string;
  actor: string;
  actorRole: string;
  branchCode: string;
  targetBranchCode: string | null;
  correlationId: string | null;
  businessDate: string | null;
  streamId: string | null;
  code: string | null;
  field: string | null;
}
interface Page {
  auditTrail: { entries: Entry[]; endCursor: string | null; hasNextPage: boolean };
}

let platform: RunningPlatform;
let counter = 0;
const key = (label: string): string => `audit-e2e-${label}-${++counter}`;
const businessDate = '2025-04-01';
const NAME = 'Zephyrine Quokkabottom';

const token = (userId: string, role: StaffRole, branch: string): string => issueDevToken({ secret: platform.config.jwtSecret, userId, role, branch });

async function gql<T>(bearer: string, query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function ok<T>(bearer: string, query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<T> {
  const answer = await gql<T>(bearer, query, variables, requestId);
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const PURCHASE = `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { balance } }`;
const IMPORT = `mutation ($rows: [ImportMemberInput!]!) { importMembers(rows: $rows) { line memberNo accepted replayed errorCode field } }`;
const IMPORT_BALANCES = `mutation ($rows: [ImportOpeningBalanceInput!]!) { importOpeningBalances(rows: $rows) { line memberNo accepted errorCode field } }`;
const TRAIL = `query ($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    entries { id occurredAt outcome refusedBy operation actor actorRole branchCode targetBranchCode correlationId businessDate streamId code field }
    endCursor hasNextPage
  }
}`;

const headOffice = (): string => token('audit-ho', 'head_office', 'SNG');
const auditor = (): string => token('audit-auditor', 'auditor', 'SNG');

let memberNo: string;
let accountId: string;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 3_000 }));
  const admitted = await ok<{ admitMember: { memberNo: string } }>(
    headOffice(),
    ADMIT,
    { input: { idempotencyKey: key('admit'), businessDate, branchCode: 'SNG', personal: { fullName: NAME, dateOfBirth: '1985-06-15', phone: '9876543210' }, shares: 1 } },
    'audit-e2e-admit-request',
  );
  memberNo = admitted.admitMember.memberNo;
  accountId = (await ok<{ openSavingsAccount: { accountId: string } }>(headOffice(), OPEN, { input: { idempotencyKey: key('open'), businessDate, memberNo, product: 'SAVINGS_DEPOSIT' } })).openSavingsAccount.accountId;
});
afterAll(async () => platform?.stop());

async function readAll(bearer: string, filter: Record<string, unknown>, first = 100): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await ok<Page>(bearer, TRAIL, { filter, first, after });
    entries.push(...page.auditTrail.entries);
    if (!page.auditTrail.hasNextPage) return entries;
    after = page.auditTrail.endCursor;
  }
}

describe('the audit trail', () => {
  it('shows a KLG teller acting on an SNG member as REFUSED by the access policy, with both branches and no input', async () => {
    const teller = token('audit-klg-teller', 'teller', 'KLG');
    const refused = await gql(teller, PURCHASE, { input: { idempotencyKey: key('purchase'), businessDate, memberNo, shares: 1 } }, 'audit-e2e-cross-branch');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const entries = await readAll(auditor(), { actor: 'audit-klg-teller', outcome: 'REFUSED' });
    expect(entries).toEqual([
      expect.objectContaining({
        outcome: 'REFUSED',
        refusedBy: 'ACCESS_POLICY',
        operation: 'purchaseShares',
        actor: 'audit-klg-teller',
        actorRole: 'teller',
        branchCode: 'KLG',
        targetBranchCode: 'SNG',
        correlationId: 'audit-e2e-cross-branch',
        code: 'FORBIDDEN',
        streamId: null,
      }),
    ]);
    // Found by the branch it targeted as well as by the actor's branch.
    expect((await readAll(auditor(), { branchCode: 'SNG', outcome: 'REFUSED' })).map((entry) => entry.correlationId)).toContain('audit-e2e-cross-branch');
  });

  it('shows a domain rejection as REFUSED by the domain with its code', async () => {
    const teller = token('audit-sng-teller', 'teller', 'SNG');
    const rejected = await gql(teller, WITHDRAW, { input: { idempotencyKey: key('withdraw'), businessDate, accountId, memberNo, amount: '999.00' } }, 'audit-e2e-overdraw');
    const code = rejected.errors?.[0].extensions?.code;
    expect(code).toEqual(expect.stringMatching(/^[A-Z_]+$/));
    expect(code).not.toBe('FORBIDDEN');

    const field = rejected.errors?.[0].extensions?.field ?? null;

    const entries = await readAll(headOffice(), { actor: 'audit-sng-teller' });
    expect(entries).toEqual([expect.objectContaining({ outcome: 'REFUSED', refusedBy: 'DOMAIN', operation: 'withdraw', actorRole: 'teller', branchCode: 'SNG', code, field, correlationId: 'audit-e2e-overdraw' })]);
  });

  it('records every row a batch import refused, with its code and field, on each attempt — and never the row', async () => {
    const importer = token('audit-importer', 'head_office', 'SNG');
    const row = (line: number, overrides: Record<string, unknown>, personal: Record<string, unknown> = {}) => ({
      idempotencyKey: `audit-e2e-import-${line}`,
      line,
      memberNo: `SNG-${String(900 + line).padStart(6, '0')}`,
      branchCode: 'SNG',
      admissionDate: '2015-03-10',
      personal: { fullName: NAME, dateOfBirth: '1961-02-03', ...personal },
      sharesHeld: 3,
      status: 'ACTIVE',
      ...overrides,
    });
    const rows = [
      row(2, {}),
      row(3, { memberNo }), // the member admitted in beforeAll: the number is taken
      row(4, { memberNo: 'QZX-000004', branchCode: 'QZX' }), // no such branch
      row(5, {}, { fullName: '  ' }),
      row(6, { admissionDate: '1960-01-01' }), // admitted before birth
    ];
    const importFile = async (requestId: string) => (await ok<{ importMembers: Array<{ line: number; accepted: boolean; replayed: boolean; errorCode: string | null; field: string | null }> }>(importer, IMPORT, { rows }, requestId)).importMembers;

    const first = await importFile('audit-e2e-import-1');
    expect(first.map((outcome) => [outcome.line, outcome.accepted])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [6, false],
    ]);
    const refusedRows = first.filter((outcome) => !outcome.accepted);
    expect(refusedRows.every((outcome) => outcome.errorCode && outcome.field)).toBe(true);
    const expected = refusedRows.map((outcome) => [outcome.errorCode, outcome.field]).sort();
    expect(expected.map(([, field]) => field).sort()).toEqual(['branchCode', 'memberNo', 'personal.dateOfBirth', 'personal.fullName']);

    const recorded = async (correlationId: string) =>
      (await readAll(auditor(), { actor: 'audit-importer', outcome: 'REFUSED' })).filter((entry) => entry.correlationId === correlationId);
    const firstAttempt = await recorded('audit-e2e-import-1');
    expect(firstAttempt.map((entry) => [entry.code, entry.field]).sort()).toEqual(expected);
    for (const entry of firstAttempt) {
      expect(entry).toMatchObject({ refusedBy: 'DOMAIN', operation: 'importMembers', actor: 'audit-importer', actorRole: 'head_office', branchCode: 'SNG', streamId: null });
    }
    // The branch the row named: found by the branch filter too.
    expect(firstAttempt.find((entry) => entry.field === 'branchCode')?.targetBranchCode).toBe('QZX');

    // The same file again: the accepted row is a replay (not a refusal), each refused row is a new attempt.
    const second = await importFile('audit-e2e-import-2');
    expect(second.map((outcome) => [outcome.accepted, outcome.replayed])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect((await recorded('audit-e2e-import-2')).map((entry) => [entry.code, entry.field]).sort()).toEqual(expected);

    // Opening balances import: a row for a member nobody imported is refused and recorded the same way.
    const balances = (
      await ok<{ importOpeningBalances: Array<{ accepted: boolean; errorCode: string | null; field: string | null }> }>(
        importer,
        IMPORT_BALANCES,
        { rows: [{ idempotencyKey: 'audit-e2e-balance-1', line: 2, businessDate, memberNo: 'SNG-999999', savingsDeposit: '10.00', thriftFund: '0.00' }] },
        'audit-e2e-balances',
      )
    ).importOpeningBalances;
    expect(balances[0].accepted).toBe(false);
    expect(await recorded('audit-e2e-balances')).toEqual([
      expect.objectContaining({ refusedBy: 'DOMAIN', operation: 'importOpeningBalances', code: balances[0].errorCode, field: balances[0].field }),
    ]);

    // Refused before execution (the Date scalar refuses an impossible date): no command ran, nothing is recorded.
    const impossible = await gql(importer, IMPORT, { rows: [row(7, { admissionDate: '2015-02-30' })] }, 'audit-e2e-import-bad-date');
    expect(impossible.errors?.[0].extensions?.field).toBe('[0].admissionDate');
    expect(await recorded('audit-e2e-import-bad-date')).toEqual([]);

    const text = JSON.stringify(await readAll(auditor(), {}));
    expect(text).not.toContain('Zephyrine');
    expect(text).not.toContain('1961-02-03');
  });

  it('shows accepted commands from the event metadata: actor, role, branch, time, correlation id, type, business date', async () => {
    let accepted: Entry[] = [];
    await waitFor(async () => {
      accepted = await readAll(auditor(), { actor: 'audit-ho', outcome: 'ACCEPTED' });
      return accepted.length >= 2;
    }, 'the audit projection to show the accepted commands');
    expect(accepted[0]).toMatchObject({
      outcome: 'ACCEPTED',
      refusedBy: null,
      // Admission reserves the member number on the branch stream first: the row names the command's first event.
      operation: expect.stringMatching(/^(MemberNumberReserved|MemberAdmitted)$/),
      actor: 'audit-ho',
      actorRole: 'head_office',
      branchCode: 'SNG',
      correlationId: 'audit-e2e-admit-request',
      businessDate,
      streamId: expect.stringMatching(/^(branch-SNG|member-)/),
      code: null,
    });
    expect(Date.parse(accepted[0].occurredAt)).toBeGreaterThan(Date.parse('2025-01-01'));
    expect(accepted.map((entry) => entry.operation)).toContain('SavingsAccountOpened');
  });

  it('pages with a cursor without skipping or repeating, and filters by time', async () => {
    const all = await readAll(auditor(), {});
    expect(all.length).toBeGreaterThanOrEqual(4);
    const paged = await readAll(auditor(), {}, 1);
    expect(paged.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length);
    const sorted = [...all].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(all.map((entry) => entry.occurredAt)).toEqual(sorted.map((entry) => entry.occurredAt));

    const future = await readAll(auditor(), { from: '2999-01-01T00:00:00.000Z' });
    expect(future).toEqual([]);
    const pivot = all[Math.floor(all.length / 2)].occurredAt;
    const before = await readAll(auditor(), { to: pivot });
    expect(before.every((entry) => entry.occurredAt < pivot)).toBe(true);
    expect(before.length).toBeLessThan(all.length);
  });

  it('holds no personal data of the member anywhere', async () => {
    const text = JSON.stringify(await readAll(auditor(), {}));
    expect(text).not.toContain('Zephyrine');
    expect(text).not.toContain('9876543210');
  });

  it('is refused to tellers, branch managers and partners — and their attempt is itself on the trail', async () => {
    for (const [userId, role] of [
      ['audit-reader-teller', 'teller'],
      ['audit-reader-bm', 'branch_manager'],
      ['audit-reader-partner', 'partner'],
    ] as const) {
      const answer = await gql(token(userId, role, 'KLG'), TRAIL, { first: 10 });
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(answer.data).toBeNull();
    }
    const attempts = await readAll(headOffice(), { actor: 'audit-reader-teller' });
    expect(attempts).toEqual([expect.objectContaining({ outcome: 'REFUSED', refusedBy: 'ACCESS_POLICY', operation: 'auditTrail', actorRole: 'teller' })]);
  });

  it('refuses a malformed cursor and an oversized page with a typed error', async () => {
    expect((await gql(auditor(), TRAIL, { first: 10, after: 'not-a-cursor' })).errors?.[0].extensions?.code).toBe('INVALID_AUDIT_PAGE');
    expect((await gql(auditor(), TRAIL, { first: 501 })).errors?.[0].extensions?.code).toBe('INVALID_AUDIT_PAGE');
  });

  it('is under the cost limit: a page of 500 fits, many aliased pages do not', async () => {
    expect((await gql(auditor(), TRAIL, { first: 500 })).errors).toBeUndefined();
    const greedy = `{ ${Array.from({ length: 8 }, (_, index) => `a${index}: auditTrail(first: 500) { entries { id occurredAt outcome operation actor actorRole branchCode correlationId } }`).join(' ')} }`;
    expect((await gql(auditor(), greedy)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});
