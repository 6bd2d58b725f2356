// Forgetting a member leaves no plaintext of hers in the PGlite table files (issue: her name, phone and
// locality were found with grep under data/pglite/base/... after a forget, in old row versions of the
// member directory; her wrapped data key likewise stayed in an old row version of vault.data_keys).
// The platform runs on a PGlite data directory on disk; after the forget and a restart, every file
// under base/ (tables, indexes, TOAST) is searched byte for byte. WAL segments
// (pg_wal/) are not searched: they keep the inserts until the server recycles them (README, "Forgetting a member").
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inMemoryConfig, issueDevToken, startPlatform, type PlatformConfig, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(180_000);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** Synthetic personal data, unlike anything else in the platform, so that a byte search finds only her. */
const NAME = 'Zubaidakhatun Diskgrepova';
const OTHER_NAME = 'Rehanabibi Keepondiskova';
const PHONE = '9000064646';
const LOCALITY = 'Vacuumpara Fullgoli';

let dataRoot: string;
let config: PlatformConfig;
let keyCounter = 0;
const key = (label: string): string => `forget-disk-${label}-${++keyCounter}`;

beforeAll(() => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'samabay-forget-disk-'));
  config = inMemoryConfig({ dataDir: dataRoot, database: { kind: 'pglite', dataDir: path.join(dataRoot, 'pglite') } });
});

afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

async function gql<T>(platform: RunningPlatform, query: string, variables: Record<string, unknown>, userId: string): Promise<T> {
  const token = issueDevToken({ secret: config.jwtSecret, userId, role: 'head_office', branch: 'SNG' });
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLResponse<T>;
  if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

/** Every file under `dir` (recursively) whose bytes contain `needle` as UTF-8, relative to `dir`. */
function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (readFileSync(full).includes(bytes)) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found;
}

const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
const EXIT = `mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`;
const REQUEST = `mutation ($input: ForgetMemberInput!) { requestForgetMember(input: $input) { position } }`;
const APPROVE = `mutation ($input: ForgetMemberInput!) { approveForgetMember(input: $input) { position } }`;
const MEMBER = `query ($memberNo: String!, $consistentWith: String) { member(memberNo: $memberNo, consistentWith: $consistentWith) { fullName personalDataForgotten } }`;

describe('forgetting a member on a PGlite data directory', () => {
  it('leaves none of her plaintext nor her wrapped data key in the table files after the forget and a restart, while a member not forgotten is still there', async () => {
    let platform = await startPlatform(config);
    let memberNo: string;
    let wrappedKey: string;
    try {
      const admit = (fullName: string, phone: string) =>
        gql<{ admitMember: { memberNo: string } }>(
          platform,
          ADMIT,
          { input: { idempotencyKey: key('admit'), businessDate: '2015-01-05', branchCode: 'SNG', personal: { fullName, dateOfBirth: '1972-03-09', phone, locality: LOCALITY }, shares: 1 } },
          'ho-maker',
        );
      memberNo = (await admit(NAME, PHONE)).admitMember.memberNo;
      // Her data key as the vault keeps it, wrapped by the master key (which sits in <dataDir>/dev-secrets.json here).
      wrappedKey = (await platform.db.query<{ wrapped_key: string }>(`SELECT wrapped_key FROM vault.data_keys WHERE subject_id = $1`, [memberNo])).rows[0].wrapped_key;
      await admit(OTHER_NAME, '9000064647');
      await gql(platform, EXIT, { input: { idempotencyKey: key('exit'), businessDate: '2020-06-15', memberNo } }, 'ho-maker');
      await gql(platform, REQUEST, { input: { idempotencyKey: key('forget'), businessDate: '2026-01-05', memberNo } }, 'ho-maker');
      const approved = await gql<{ approveForgetMember: { position: string } }>(
        platform,
        APPROVE,
        { input: { idempotencyKey: key('forget'), businessDate: '2026-01-05', memberNo } },
        'ho-checker',
      );
      const read = await gql<{ member: { fullName: string; personalDataForgotten: boolean } }>(platform, MEMBER, { memberNo, consistentWith: approved.approveForgetMember.position }, 'ho-maker');
      expect(read.member).toEqual({ fullName: '[forgotten]', personalDataForgotten: true });
    } finally {
      await platform.stop();
    }
    platform = await startPlatform(config);
    await platform.stop();

    const base = path.join(dataRoot, 'pglite', 'base');
    expect(filesContaining(base, NAME)).toEqual([]);
    expect(filesContaining(base, PHONE)).toEqual([]);
    expect(filesContaining(base, wrappedKey)).toEqual([]);
    // The search can find what is there: the member not forgotten is in the directory's table file.
    expect(filesContaining(base, OTHER_NAME).length).toBeGreaterThan(0);
  });
});
