/**
 * `node dist/test/bench/auth.bench.js` (also part of `npm run bench`): what authentication costs per
 * request. Token verification per algorithm (HS256, RS256, ES256), the staff directory on a cache hit
 * and on a cold read of the staff read model (PGlite), and whole GraphQL requests of a registered
 * user through the gateway. Prints numbers; asserts nothing.
 */
import { inMemoryConfig, issueDevToken, startPlatform } from '@samabay/gateway';
import { issueStaffToken, loadVerificationKey, verifyStaffToken } from '@samabay/staff-auth';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const VERIFICATIONS = 2_000;
const STAFF = 200;
const REQUESTS = 300;

export async function main(): Promise<void> {
  console.log(`auth benchmark: Node ${process.version}`);
  verification();
  await gateway();
}

function verification(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-bench-'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const secret = 's'.repeat(48);
  const cases = [
    { name: 'HS256', key: loadVerificationKey({ algorithm: 'HS256', secret }), token: issueStaffToken({ secret }) },
    {
      name: 'RS256 (2048-bit PEM)',
      key: loadVerificationKey({ algorithm: 'RS256', publicKeyFile: write(dir, 'rsa.pem', rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()) }),
      token: issueStaffToken({ privateKey: { key: rsa.privateKey, algorithm: 'RS256' } }),
    },
    {
      name: 'ES256 (JWKS, kid)',
      key: loadVerificationKey({ algorithm: 'ES256', jwksFile: write(dir, 'jwks.json', JSON.stringify({ keys: [{ ...ec.publicKey.export({ format: 'jwk' }), kid: 'k1' }] })) }),
      token: issueStaffToken({ privateKey: { key: ec.privateKey, algorithm: 'ES256', kid: 'k1' } }),
    },
  ];
  console.log(`\ntoken verification, ${VERIFICATIONS} tokens each after a warm-up`);
  for (const { name, key, token } of cases) {
    for (let index = 0; index < VERIFICATIONS / 4; index++) verifyStaffToken(token, key);
    const begin = performance.now();
    for (let index = 0; index < VERIFICATIONS; index++) verifyStaffToken(token, key);
    const elapsed = performance.now() - begin;
    console.log(`  ${name.padEnd(24)} ${((elapsed * 1000) / VERIFICATIONS).toFixed(1).padStart(8)} µs/token`);
  }
}

async function gateway(): Promise<void> {
  const platform = await startPlatform(inMemoryConfig({ requireRegisteredStaff: true, bootstrapAdmin: 'bench-admin' }));
  try {
    const context = (index: number) => ({ idempotencyKey: `auth-bench-register-${index}`, businessDate: '2025-04-01', actor: { userId: 'bench-admin', role: 'admin' as const, branchCode: 'SNG' } });
    for (let index = 0; index < STAFF; index++) await platform.staff.commands.register({ userId: `bench-teller-${index}`, role: 'teller', branchCode: 'KLG' }, context(index));
    await platform.runner.waitForPosition(await platform.store.headPosition(), 30_000);

    console.log(`\nstaff directory, ${STAFF} registered users`);
    let begin = performance.now();
    for (let index = 0; index < STAFF; index++) await platform.staff.directory.find(`bench-teller-${index}`);
    console.log(`  ${'cache hit'.padEnd(24)} ${((performance.now() - begin) * 1000 / STAFF).toFixed(1).padStart(8)} µs/lookup`);
    platform.staff.directory.clear();
    begin = performance.now();
    for (let index = 0; index < STAFF; index++) await platform.staff.directory.find(`bench-teller-${index}`);
    console.log(`  ${'cold (read model)'.padEnd(24)} ${((performance.now() - begin) * 1000 / STAFF).toFixed(1).padStart(8)} µs/lookup`);

    const token = issueDevToken({ secret: platform.config.jwtSecret, userId: 'bench-teller-7', role: 'teller', branch: 'KLG' });
    const latencies: number[] = [];
    for (let index = 0; index < REQUESTS; index++) {
      const started = performance.now();
      const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ branchSummaries { branchCode totalMembers } }' }) });
      await response.json();
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))].toFixed(2);
    console.log(`\nGraphQL branchSummaries of a registered teller, ${REQUESTS} sequential requests`);
    console.log(`  p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   p99 ${at(0.99)} ms`);
  } finally {
    await platform.stop();
  }
}

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
