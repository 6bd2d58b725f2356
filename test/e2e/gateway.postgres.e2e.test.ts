// The same single-node composition on PostgreSQL instead of PGlite (SAMABAY_DATABASE_URL): only the
// adapter differs. Runs in a throw-away database so that the platform's fixed schemas cannot meet
// another suite's tables; skipped visibly without SAMABAY_TEST_POSTGRES_URL.
import { openPostgres, quoteIdentifier } from '@samabay/sql';
import { describeIfEnv, POSTGRES_URL_VARIABLE, postgresTestUrl } from '../support';
import { randomBytes } from 'node:crypto';
import { inMemoryConfig, type PlatformConfig } from '@samabay/gateway';
import { issueDevToken } from '@samabay/gateway';
import { startPlatform, type RunningPlatform } from '@samabay/gateway';

jest.setTimeout(120_000);

async function gql<T>(platform: RunningPlatform, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${issueDevToken({ secret: platform.config.jwtSecret })}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

describeIfEnv(POSTGRES_URL_VARIABLE, 'gateway on PostgreSQL', () => {
  const database = `samabay_gw_${randomBytes(5).toString('hex')}`;
  let config: PlatformConfig;
  let platform: RunningPlatform | undefined;

  async function admin<T>(work: (db: Awaited<ReturnType<typeof openPostgres>>) => Promise<T>): Promise<T> {
    const db = await openPostgres({ connectionString: postgresTestUrl()!, maxConnections: 1 });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    await admin((db) => db.exec(`CREATE DATABASE ${quoteIdentifier(database)}`));
    const url = new URL(postgresTestUrl()!);
    url.pathname = `/${database}`;
    config = inMemoryConfig({ database: { kind: 'postgres', url: url.toString() } });
  });

  afterAll(async () => {
    await platform?.stop();
    await admin((db) => db.exec(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`));
  });

  it('admits, reads its own write, and keeps both across a restart', async () => {
    platform = await startPlatform(config);
    const admitted = await gql<{ admitMember: { memberNo: string; result: { position: string } } }>(
      platform,
      `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`,
      { input: { idempotencyKey: 'pg-e2e-admit-1', businessDate: '2024-04-01', branchCode: 'SNG', personal: { fullName: 'Postgres Member', dateOfBirth: '1980-01-01' }, shares: 4 } },
    );
    expect(admitted.errors).toBeUndefined();
    const { memberNo, result } = admitted.data!.admitMember;
    const read = await gql<{ member: unknown }>(platform, `query ($m: String!, $p: String) { member(memberNo: $m, consistentWith: $p) { fullName shareCapital } }`, { m: memberNo, p: result.position });
    expect(read.data!.member).toEqual({ fullName: 'Postgres Member', shareCapital: '40.00' });
    await platform.stop();

    platform = await startPlatform(config);
    const summaries = await gql<{ branchSummaries: Array<{ branchCode: string; totalMembers: number; sharesHeld: number }> }>(platform, `{ branchSummaries { branchCode totalMembers sharesHeld } }`);
    expect(summaries.data!.branchSummaries).toEqual([
      { branchCode: 'DHT', totalMembers: 0, sharesHeld: 0 },
      { branchCode: 'KLG', totalMembers: 0, sharesHeld: 0 },
      { branchCode: 'SNG', totalMembers: 1, sharesHeld: 4 },
    ]);
    const again = await gql<{ member: unknown }>(platform, `query ($m: String!) { member(memberNo: $m) { fullName } }`, { m: memberNo });
    expect(again.data!.member).toEqual({ fullName: 'Postgres Member' });
  });
});
