// `npm start` as an operator runs it: the single-node platform built by tools/build.mjs and started as
// its own OS process (node <built>/gateway/src/main.js) on a temporary SAMABAY_DATA_DIR and a free
// SAMABAY_PORT. It prints the GraphQL URL and a development token; /health answers; a mutation with
// that token is accepted; SIGINT (Ctrl-C) and SIGTERM stop it with exit status 0 and its stop line; a
// restart on the same data directory keeps the member and the development secrets; a bad
// configuration value stops it with status 78 and a message that names the variable and echoes no secret.
// Needs neither PostgreSQL nor Kafka (PGlite on disk).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceProcess } from '../fault/service-process';
import { freePorts } from '../support';
import { announced, buildLikeNpm, postGraphql, singleNodePlatform } from './single-node-platform';

jest.setTimeout(120_000);

/** Exit status of `npm start` for a bad configuration value (gateway/src/main.ts; EX_CONFIG of sysexits.h). */
const EXIT_BAD_CONFIGURATION = 78;
const STOP_LINE = 'Samabay stopped.';
const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo result { position } } }`;
const MEMBER = `query ($memberNo: String!, $p: String) { member(memberNo: $memberNo, consistentWith: $p) { memberNo branchCode status sharesHeld fullName } }`;
/** Synthetic secrets given to the refused starts: neither may appear in what they print. */
const SYNTHETIC_JWT_SECRET = 'synthetic-jwt-secret-of-the-process-test-0123456789';
const SYNTHETIC_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

describe('npm start: the single-node platform as an OS process', () => {
  let builtDir: string;
  let dataDir: string;
  let port: number;
  let platform: ServiceProcess;
  let url: string;
  let token: string;
  let admitted: { memberNo: string; position: string };

  beforeAll(() => {
    builtDir = buildLikeNpm('single-node-process');
    dataDir = mkdtempSync(path.join(tmpdir(), 'samabay-single-node-'));
  });

  afterAll(async () => {
    await ServiceProcess.killAll();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(builtDir, { recursive: true, force: true });
  });

  it('prints the GraphQL URL and a development token, and answers /health with 200', async () => {
    [port] = await freePorts(1);
    platform = singleNodePlatform(builtDir, { SAMABAY_DATA_DIR: dataDir, SAMABAY_PORT: String(port) });
    await platform.start(90_000);
    const shown = announced(platform);
    expect(shown.shownUrl).toBe(`http://localhost:${port}/graphql`);
    expect(shown.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(platform.plainLines).toContain(`Development secrets: ${path.join(dataDir, 'dev-secrets.json')}`);
    // It listens on 127.0.0.1 (SAMABAY_HOST's default) and shows it as localhost.
    url = `http://127.0.0.1:${port}/graphql`;
    token = shown.token as string;

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up', kind: 'pglite' } } });
  });

  it('accepts a mutation sent with the printed token (admitMember, a synthetic member)', async () => {
    const answer = await postGraphql<{ admitMember: { memberNo: string; result: { position: string } } }>(url, token, ADMIT, {
      input: { idempotencyKey: 'process-test-admit-1', businessDate: '2025-04-01', branchCode: 'KLG', personal: { fullName: 'Synthetic Processova', dateOfBirth: '1988-03-14' }, shares: 3 },
    });
    expect(answer.errors).toBeUndefined();
    admitted = { memberNo: answer.data!.admitMember.memberNo, position: answer.data!.admitMember.result.position };
    expect(admitted.memberNo).toMatch(/^KLG-\d{6}$/);
  });

  it('stops on SIGINT (Ctrl-C) with exit status 0 and prints its stop line', async () => {
    const exit = await platform.stop(30_000, 'SIGINT');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(platform.plainLines.at(-1)).toBe(STOP_LINE);
    expect(platform.lines.filter((line) => line.msg === 'stopping').map((line) => line.signal)).toEqual(['SIGINT']);
  });

  it('keeps the member and the development secrets across a restart on the same data directory', async () => {
    await platform.start(90_000);
    expect(announced(platform).shownUrl).toBe(`http://localhost:${port}/graphql`);
    // The token printed by the first start still works: the JWT secret came back from dev-secrets.json.
    const answer = await postGraphql(url, token, MEMBER, { memberNo: admitted.memberNo, p: admitted.position });
    expect(answer).toEqual({ data: { member: { memberNo: admitted.memberNo, branchCode: 'KLG', status: 'ACTIVE', sharesHeld: 3, fullName: 'Synthetic Processova' } } });
  });

  it('stops on SIGTERM with exit status 0 and prints its stop line', async () => {
    const exit = await platform.stop(30_000, 'SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(platform.plainLines.filter((line) => line === STOP_LINE)).toHaveLength(2);
    expect(platform.plainLines.at(-1)).toBe(STOP_LINE);
    expect(platform.lines.filter((line) => line.msg === 'stopping').map((line) => line.signal)).toEqual(['SIGINT', 'SIGTERM']);
  });

  it.each([
    { variable: 'SAMABAY_PORT', env: { SAMABAY_PORT: 'abc' }, problem: 'must be a whole number from 0 to 65535', secrets: [SYNTHETIC_JWT_SECRET, SYNTHETIC_MASTER_KEY] },
    { variable: 'SAMABAY_JWT_SECRET', env: { SAMABAY_JWT_SECRET: 'too-short-secret-xyz' }, problem: 'must be at least 32 characters', secrets: ['too-short-secret-xyz', SYNTHETIC_MASTER_KEY] },
  ])('refuses a bad $variable with exit status 78 and a message naming it, echoing no secret', async ({ variable, env, problem, secrets }) => {
    const refused = singleNodePlatform(builtDir, { SAMABAY_DATA_DIR: dataDir, SAMABAY_PORT: String(port), SAMABAY_JWT_SECRET: SYNTHETIC_JWT_SECRET, SAMABAY_MASTER_KEY: SYNTHETIC_MASTER_KEY, ...env }, 'refused');
    const exit = await refused.runToExit(60_000);
    expect(exit).toEqual({ code: EXIT_BAD_CONFIGURATION, signal: null });
    const printed = [...refused.plainLines, ...refused.lines.map((line) => JSON.stringify(line))].join('\n');
    expect(printed).toMatch(new RegExp(`^Samabay cannot start: invalid configuration — ${variable}: ${problem}$`, 'm'));
    for (const secret of secrets) expect(printed).not.toContain(secret);
    expect(printed).not.toContain('Samabay GraphQL:');
  });
});
