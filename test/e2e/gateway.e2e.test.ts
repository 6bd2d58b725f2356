// The gateway end to end (issue 2 items 5, 6, 8 and "Done when"): the single-node platform
// in-process on an in-memory PGlite at a random port, driven over HTTP like any GraphQL client.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig } from '@samabay/gateway';
import { issueDevToken } from '@samabay/gateway';
import { startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(120_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string } }>;
}

let platform: RunningPlatform;
let headOfficeToken: string;
let keyCounter = 0;

beforeAll(async () => {
  platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 3_000 }));
  headOfficeToken = issueDevToken({ secret: platform.config.jwtSecret });
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token: string | null = headOfficeToken): Promise<GraphQLResponse<T>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

const key = (label: string): string => `e2e-${label}-${++keyCounter}-${Date.now()}`;
const head = async (): Promise<string> => formatPosition(await platform.store.headPosition());

const ADMIT = `mutation ($input: AdmitMemberInput!) {
  admitMember(input: $input) { memberNo result { replayed streamId revision eventIds position } }
}`;
const MEMBER = `query ($memberNo: String!, $consistentWith: String) {
  member(memberNo: $memberNo, consistentWith: $consistentWith) {
    memberNo branchCode status sharesHeld shareCapital admissionDate fullName dateOfBirth phone locality nomineeName nomineeRelation
  }
}`;
const MEMBERS = `query ($branchCode: String, $first: Int, $after: String, $consistentWith: String, $search: String) {
  members(branchCode: $branchCode, first: $first, after: $after, consistentWith: $consistentWith, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { memberNo fullName } }
  }
}`;
const SUMMARIES = `query ($consistentWith: String) {
  branchSummaries(consistentWith: $consistentWith) { branchCode name activeMembers inactiveMembers exitedMembers totalMembers sharesHeld shareCapital }
}`;
const IMPORT = `mutation ($rows: [ImportMemberInput!]!) {
  importMembers(rows: $rows) { line memberNo accepted replayed errorCode field message position }
}`;

interface AdmitData {
  admitMember: { memberNo: string; result: { replayed: boolean; streamId: string; revision: number; eventIds: string[]; position: string | null } };
}

function admitInput(overrides: Record<string, unknown> = {}, personal: Record<string, unknown> = {}) {
  return {
    idempotencyKey: key('admit'),
    businessDate: '2024-04-01',
    branchCode: 'KLG',
    personal: { fullName: 'Synthetic Member', dateOfBirth: '1985-06-15', phone: '9000000001', locality: 'Test Lane', ...personal },
    nominee: { name: 'Synthetic Nominee', relation: 'sister' },
    shares: 2,
    ...overrides,
  };
}

function importRow(line: number, memberNo: string, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: `e2e-import-${memberNo}`,
    line,
    memberNo,
    branchCode: memberNo.slice(0, 3),
    admissionDate: '2015-03-10',
    personal: { fullName: `Register Member ${line}`, dateOfBirth: '1970-01-01' },
    sharesHeld: 3,
    status: 'ACTIVE',
    ...overrides,
  };
}

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['a token signed with another secret', issueDevToken({ secret: 'another-secret-that-is-long-enough-1234' })],
    ['an expired token', 'expired'],
    ['a malformed token', 'not-a-jwt'],
  ])('refuses %s with UNAUTHENTICATED and appends nothing', async (_name, token) => {
    const before = await head();
    const bearer = token === 'expired' ? issueDevToken({ secret: platform.config.jwtSecret, expiresInSeconds: -10 }) : token;
    const query = await gql(SUMMARIES, {}, bearer);
    expect(query.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(query.data).toBeNull();
    const mutation = await gql(ADMIT, { input: admitInput() }, bearer);
    expect(mutation.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await head()).toBe(before);
  });
});

describe('admit, then read your own write', () => {
  it('admits a member and reads it back through consistentWith, with Money in rupees', async () => {
    const admitted = await gql<AdmitData>(ADMIT, { input: admitInput() });
    expect(admitted.errors).toBeUndefined();
    const { memberNo, result } = admitted.data!.admitMember;
    expect(memberNo).toMatch(/^KLG-\d{6}$/);
    expect(result).toMatchObject({ replayed: false, streamId: `member-${memberNo}`, revision: 0 });
    expect(result.position).toMatch(/^C:\d+\/P:\d+$/);

    const read = await gql<{ member: Record<string, unknown> }>(MEMBER, { memberNo, consistentWith: result.position });
    expect(read.errors).toBeUndefined();
    expect(read.data!.member).toEqual({
      memberNo,
      branchCode: 'KLG',
      status: 'ACTIVE',
      sharesHeld: 2,
      shareCapital: '20.00',
      admissionDate: '2024-04-01',
      fullName: 'Synthetic Member',
      dateOfBirth: '1985-06-15',
      phone: '9000000001',
      locality: 'Test Lane',
      nomineeName: 'Synthetic Nominee',
      nomineeRelation: 'sister',
    });
  });

  it('answers a repeated idempotency key with the first answer and appends nothing', async () => {
    const input = admitInput();
    const first = await gql<AdmitData>(ADMIT, { input });
    const before = await head();
    const again = await gql<AdmitData>(ADMIT, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data!.admitMember.memberNo).toBe(first.data!.admitMember.memberNo);
    expect(again.data!.admitMember.result).toEqual({ ...first.data!.admitMember.result, replayed: true });
    expect(await head()).toBe(before);
  });

  it('buys shares, changes the nominee and exits, each readable right after', async () => {
    const { memberNo } = (await gql<AdmitData>(ADMIT, { input: admitInput({ branchCode: 'SNG' }) })).data!.admitMember;
    const purchase = await gql<{ purchaseShares: { position: string } }>(
      `mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position revision } }`,
      { input: { idempotencyKey: key('buy'), businessDate: '2024-05-01', memberNo, shares: 3 } },
    );
    expect(purchase.errors).toBeUndefined();
    const afterPurchase = await gql<{ member: { sharesHeld: number; shareCapital: string } }>(MEMBER, { memberNo, consistentWith: purchase.data!.purchaseShares.position });
    expect(afterPurchase.data!.member).toMatchObject({ sharesHeld: 5, shareCapital: '50.00' });

    const nominee = await gql<{ changeNominee: { position: string } }>(
      `mutation ($input: ChangeNomineeInput!) { changeNominee(input: $input) { position } }`,
      { input: { idempotencyKey: key('nominee'), businessDate: '2024-05-02', memberNo, nominee: { name: 'Another Nominee', relation: 'son' } } },
    );
    expect(nominee.errors).toBeUndefined();
    const afterNominee = await gql<{ member: Record<string, unknown> }>(MEMBER, { memberNo, consistentWith: nominee.data!.changeNominee.position });
    expect(afterNominee.data!.member).toMatchObject({ nomineeName: 'Another Nominee', nomineeRelation: 'son' });

    const exit = await gql<{ exitMember: { position: string } }>(`mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`, {
      input: { idempotencyKey: key('exit'), businessDate: '2024-06-01', memberNo },
    });
    expect(exit.errors).toBeUndefined();
    const afterExit = await gql<{ member: Record<string, unknown> }>(MEMBER, { memberNo, consistentWith: exit.data!.exitMember.position });
    expect(afterExit.data!.member).toMatchObject({ status: 'EXITED' });
  });

  it('refuses a malformed consistentWith and times out (bounded) on a position never reached', async () => {
    const malformed = await gql(SUMMARIES, { consistentWith: 'yesterday' });
    expect(malformed.errors?.[0].extensions).toEqual({ code: 'INVALID_POSITION', field: 'consistentWith' });
    const unreachable = await gql(SUMMARIES, { consistentWith: 'C:999999999999/P:1' });
    expect(unreachable.errors?.[0].extensions).toEqual({ code: 'READ_MODEL_BEHIND', field: 'consistentWith' });
  }, 30_000);
});

describe('bad input gets a typed error naming the field and appends nothing', () => {
  let existingMemberNo: string;

  beforeAll(async () => {
    existingMemberNo = (await gql<AdmitData>(ADMIT, { input: admitInput({ branchCode: 'DHT' }) })).data!.admitMember.memberNo;
  });

  it.each([
    ['zero shares', admitInput({ shares: 0 }), 'shares'],
    ['negative shares', admitInput({ shares: -3 }), 'shares'],
    ['fractional shares', admitInput({ shares: 1.5 }), 'shares'],
    ['an unknown branch', admitInput({ branchCode: 'XYZ' }), 'branchCode'],
    ['a malformed branch code', admitInput({ branchCode: 'kalighat' }), 'branchCode'],
    ['a malformed business date', admitInput({ businessDate: '01/04/2024' }), 'businessDate'],
    ['an impossible business date', admitInput({ businessDate: '2023-02-29' }), 'businessDate'],
    ['an impossible date of birth', admitInput({}, { dateOfBirth: '1990-02-30' }), 'personal.dateOfBirth'],
    ['a malformed date of birth', admitInput({}, { dateOfBirth: '15/06/1985' }), 'personal.dateOfBirth'],
    ['admission before birth', admitInput({ businessDate: '2024-04-01' }, { dateOfBirth: '2024-05-01' }), 'personal.dateOfBirth'],
    ['a child below the minimum age', admitInput({ businessDate: '2024-04-01' }, { dateOfBirth: '2020-01-01' }), 'personal.dateOfBirth'],
    ['a blank name', admitInput({}, { fullName: '   ' }), 'personal.fullName'],
    ['a missing name', admitInput({}, { fullName: undefined }), 'personal.fullName'],
    ['a business date in the future', admitInput({ businessDate: '2999-01-01' }), 'businessDate'],
    ['a too short idempotency key', admitInput({ idempotencyKey: 'k' }), 'idempotencyKey'],
  ])('admitMember with %s', async (_name, input, field) => {
    const before = await head();
    const response = await gql(ADMIT, { input });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), field });
    expect(response.errors![0].message).not.toMatch(/Synthetic|1990-02-30|2024-05-01|\bat\b.*\.js/);
    expect(response.data ?? null).toBeNull();
    expect(await head()).toBe(before);
  });

  it.each([
    ['fractional shares', 'shares: 1.5', {}, 'shares'],
    ['an impossible date of birth', 'shares: 1', { dateOfBirth: '"1990-02-30"' }, 'personal.dateOfBirth'],
    ['a malformed business date', 'shares: 1, businessDate: "01/04/2024"', {}, 'businessDate'],
    ['a missing name', 'shares: 1', { fullName: null }, 'personal.fullName'],
  ])('admitMember with %s written inline in the query names the field too', async (_name, extra, personalOverrides, field) => {
    const personalFields = { fullName: '"Synthetic Member"', dateOfBirth: '"1985-06-15"', locality: '"Test Lane"', ...personalOverrides };
    const personal = Object.entries(personalFields)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name}: ${value}`)
      .join(', ');
    const businessDate = extra.includes('businessDate') ? '' : 'businessDate: "2024-04-01", ';
    const before = await head();
    const response = await gql(`mutation { admitMember(input: { idempotencyKey: "${key('inline')}", ${businessDate}branchCode: "KLG", personal: { ${personal} }, ${extra} }) { memberNo } }`);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), field });
    expect(response.errors![0].message).not.toMatch(/Synthetic|1990-02-30|01\/04\/2024/);
    expect(await head()).toBe(before);
  });

  it('a duplicate member number', async () => {
    const before = await head();
    const response = await gql(ADMIT, { input: admitInput({ branchCode: 'DHT', memberNo: existingMemberNo }) });
    expect(response.errors![0].extensions).toEqual({ code: 'DUPLICATE_MEMBER_NUMBER', field: 'memberNo' });
    expect(await head()).toBe(before);
  });

  it('a reused idempotency key with a different payload', async () => {
    const input = admitInput();
    expect((await gql(ADMIT, { input })).errors).toBeUndefined();
    const before = await head();
    const response = await gql(ADMIT, { input: { ...input, shares: 3 } });
    expect(response.errors![0].extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect(await head()).toBe(before);
  });

  it.each([
    ['zero shares', { shares: 0 }, 'shares'],
    ['fractional shares', { shares: 0.5 }, 'shares'],
    ['negative shares', { shares: -2 }, 'shares'],
    ['an unknown member', { memberNo: 'DHT-999999' }, 'memberNo'],
    ['a malformed member number', { memberNo: 'DHT-12' }, 'memberNo'],
  ])('purchaseShares with %s', async (_name, change, field) => {
    const before = await head();
    const response = await gql(`mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`, {
      input: { idempotencyKey: key('buy'), businessDate: '2024-05-01', memberNo: existingMemberNo, shares: 1, ...change },
    });
    expect(response.errors![0].extensions).toMatchObject({ field });
    expect(await head()).toBe(before);
  });
});

describe('importMembers', () => {
  it('gives one outcome per row, rejects a row without affecting the others, and is idempotent', async () => {
    const rows = [
      importRow(2, 'DHT-000501'),
      importRow(3, 'DHT-000502', { sharesHeld: 0 }),
      importRow(4, 'DHT-000503', { status: 'INACTIVE' }),
      importRow(5, 'DHT-000504', { personal: { fullName: ' ', dateOfBirth: '1970-01-01' } }),
      importRow(6, 'DHT-000505', { status: 'EXITED', sharesHeld: 1 }),
    ];
    const first = await gql<{ importMembers: Array<Record<string, unknown>> }>(IMPORT, { rows });
    expect(first.errors).toBeUndefined();
    const outcomes = first.data!.importMembers;
    expect(outcomes.map((o) => [o.line, o.memberNo, o.accepted, o.field])).toEqual([
      [2, 'DHT-000501', true, null],
      [3, 'DHT-000502', false, 'sharesHeld'],
      [4, 'DHT-000503', true, null],
      [5, 'DHT-000504', false, 'personal.fullName'],
      [6, 'DHT-000505', true, null],
    ]);
    expect(outcomes[1]).toMatchObject({ replayed: false, errorCode: expect.any(String), position: null });
    expect(outcomes[3].message).not.toContain('Register Member');

    const before = await head();
    const again = await gql<{ importMembers: Array<Record<string, unknown>> }>(IMPORT, { rows });
    expect(again.data!.importMembers.map((o) => [o.accepted, o.replayed])).toEqual([
      [true, true],
      [false, false],
      [true, true],
      [false, false],
      [true, true],
    ]);
    expect(again.data!.importMembers[0].position).toBe(outcomes[0].position);
    expect(await head()).toBe(before);

    const lastPosition = outcomes.map((o) => o.position as string | null).filter(Boolean).at(-1);
    const members = await gql<{ members: { totalCount: number } }>(MEMBERS, { branchCode: 'DHT', search: 'Register Member', first: 10, consistentWith: lastPosition });
    expect(members.data!.members.totalCount).toBe(3);
  });

  it('refuses more than 500 rows before touching any', async () => {
    const before = await head();
    const rows = Array.from({ length: 501 }, (_, index) => importRow(index + 2, `SNG-${String(700_000 + index).padStart(6, '0')}`));
    const response = await gql(IMPORT, { rows });
    expect(response.errors![0].extensions).toEqual({ code: 'TOO_MANY_ROWS', field: 'rows' });
    expect(await head()).toBe(before);
  });
});

describe('queries', () => {
  let lastPosition: string;

  beforeAll(async () => {
    const rows = Array.from({ length: 7 }, (_, index) => importRow(index + 2, `SNG-${String(100 + index).padStart(6, '0')}`, { idempotencyKey: `e2e-page-${index}` }));
    const outcomes = (await gql<{ importMembers: Array<{ accepted: boolean; position: string }> }>(IMPORT, { rows })).data!.importMembers;
    expect(outcomes.every((o) => o.accepted)).toBe(true);
    // Rows run concurrently, so any of them may hold the highest position: wait for each.
    for (const outcome of outcomes) expect((await gql(SUMMARIES, { consistentWith: outcome.position })).errors).toBeUndefined();
    lastPosition = outcomes[outcomes.length - 1].position;
  });

  it('pages through members with cursors, each edge cursor resuming right after its node', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: GraphQLResponse<{ members: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { memberNo: string } }> } }> =
        await gql(MEMBERS, { branchCode: 'SNG', search: 'Register Member', first: 3, after });
      expect(page.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = page.data!.members;
      expect(totalCount).toBe(7);
      seen.push(...edges.map((edge) => edge.node.memberNo));
      pages++;
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, index) => `SNG-${String(100 + index).padStart(6, '0')}`));

    const first = (await gql<{ members: { edges: Array<{ cursor: string }> } }>(MEMBERS, { branchCode: 'SNG', search: 'Register Member', first: 3 })).data!.members.edges;
    const resumed = await gql<{ members: { edges: Array<{ node: { memberNo: string } }> } }>(MEMBERS, { branchCode: 'SNG', search: 'Register Member', first: 1, after: first[0].cursor });
    expect(resumed.data!.members.edges[0].node.memberNo).toBe(seen[1]);
  });

  it('refuses a foreign cursor and a page size out of range, naming the argument', async () => {
    expect((await gql(MEMBERS, { after: 'bm90LWEtY3Vyc29y' })).errors![0].extensions).toMatchObject({ field: 'after' });
    expect((await gql(MEMBERS, { first: 0 })).errors![0].extensions).toMatchObject({ field: 'first' });
  });

  it('refuses an operation whose estimated cost is too high, before reading anything', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `m${i}: members(first: 500) { edges { node { memberNo fullName phone locality } } }`).join('\n');
    const response = await gql<unknown>(`query { ${aliases} }`);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect((await gql(MEMBERS, { first: 500 })).errors).toBeUndefined();
  });

  it('answers a variable that is not a valid date with 400 and BAD_DATE, not a server error', async () => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${headOfficeToken}` },
      body: JSON.stringify({ query: 'query ($d: Date!) { savingsCashBook(branchCode: "SNG", businessDate: $d) { branchCode } }', variables: { d: 'not-a-date' } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse<unknown>;
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_DATE', field: 'businessDate' });
    expect(JSON.stringify(body)).not.toContain('not-a-date');
  });

  it('answers the standard introspection query outside production despite the depth limit', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const response = await gql<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    expect(response.data!.__schema.queryType.name).toBe('Query');
  });

  it('sums members by status and share capital per branch', async () => {
    const response = await gql<{ branchSummaries: Array<Record<string, unknown>> }>(SUMMARIES, { consistentWith: lastPosition });
    expect(response.errors).toBeUndefined();
    const summaries = response.data!.branchSummaries;
    expect(summaries.map((s) => s.branchCode)).toEqual(['DHT', 'KLG', 'SNG']);
    for (const summary of summaries) {
      expect(summary.totalMembers).toBe((summary.activeMembers as number) + (summary.inactiveMembers as number) + (summary.exitedMembers as number));
      expect(summary.shareCapital).toMatch(/^\d+\.\d{2}$/);
    }
    const sng = summaries.find((s) => s.branchCode === 'SNG')!;
    expect(sng.name).toBe('Sonagachi (head office)');
    expect(sng.totalMembers as number).toBeGreaterThanOrEqual(7);
  });
});

describe('access policy', () => {
  it('keeps tellers and branch managers to their own branch and auditors to reading', async () => {
    const teller = issueDevToken({ secret: platform.config.jwtSecret, userId: 'teller-klg', role: 'teller', branch: 'KLG' });
    const auditor = issueDevToken({ secret: platform.config.jwtSecret, userId: 'auditor-1', role: 'auditor', branch: 'SNG' });
    const before = await head();
    expect((await gql(ADMIT, { input: admitInput({ branchCode: 'SNG' }) }, teller)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(ADMIT, { input: admitInput({ branchCode: 'KLG' }) }, auditor)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(MEMBER, { memberNo: 'SNG-000100' }, teller)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await head()).toBe(before);

    const own = await gql<AdmitData>(ADMIT, { input: admitInput({ branchCode: 'KLG' }) }, teller);
    expect(own.errors).toBeUndefined();
    const listed = await gql<{ members: { edges: Array<{ node: { memberNo: string } }> } }>(MEMBERS, { first: 100, consistentWith: own.data!.admitMember.result.position }, teller);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.members.edges.length).toBeGreaterThan(0);
    expect(listed.data!.members.edges.every((edge) => edge.node.memberNo.startsWith('KLG-'))).toBe(true);
    expect((await gql(MEMBERS, { first: 5 }, auditor)).errors).toBeUndefined();
  });
});

describe('control characters in personal data and search', () => {
  it('rejects a NUL in the name at input, appending nothing, and the read models keep projecting', async () => {
    const before = await head();
    const rejected = await gql<AdmitData>(ADMIT, { input: admitInput({}, { fullName: 'A\u0000B' }) });
    expect(rejected.errors?.[0].extensions).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'personal.fullName' });
    expect(rejected.errors?.[0].message).not.toContain('A\u0000B');
    expect(await head()).toBe(before);
    const admitted = await gql<AdmitData>(ADMIT, { input: admitInput() });
    expect(admitted.errors).toBeUndefined();
    const read = await gql<{ member: { memberNo: string } }>(MEMBER, { memberNo: admitted.data!.admitMember.memberNo, consistentWith: admitted.data!.admitMember.result.position });
    expect(read.errors).toBeUndefined();
  });

  it('answers a search holding a NUL with a typed error on field search, not INTERNAL', async () => {
    const searched = await gql(MEMBERS, { search: 'a\u0000b' });
    expect(searched.errors?.[0].extensions).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'search' });
  });
});

describe('health and metrics', () => {
  it('reports the database and the projection runner up', async () => {
    const response = await fetch(platform.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, projections: { status: 'up', runner: 'running' } } });
  });

  it('exposes commands, appends and projection lag', async () => {
    const response = await fetch(platform.url.replace('/graphql', '/metrics'));
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/samabay_commands_total\{command="AdmitMember",outcome="accepted",code=""\} \d+/);
    expect(text).toMatch(/samabay_commands_total\{command="AdmitMember",outcome="rejected",code="[A-Z_]+"\} \d+/);
    expect(text).toMatch(/samabay_event_store_appends_total\{outcome="ok"\} \d+/);
    expect(text).toMatch(/samabay_projection_lag_events \d+/);
    expect(text).toMatch(/samabay_projection_lag_seconds [\d.e-]+/);
    expect(text).toMatch(/samabay_projection_events_applied_total\{projection="[a-z_]+"\} \d+/);
  });
});
