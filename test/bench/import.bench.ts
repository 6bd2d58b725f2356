/**
 * Register-import and admission benchmark (prints numbers; not a test). Starts the whole single-node
 * platform in-process — on in-memory PGlite and on PGlite in a temporary directory (what `npm start`
 * uses) — and measures:
 *   - importing test/fixtures/member-register.csv through GraphQL importMembers (rows/s), and the
 *     idempotent re-import of the same file (every row replayed);
 *   - admit-member commands/s through the command path (membership.commands.admitMember: reserve the
 *     number on the branch stream, seal personal data, append the member stream), 1 and 8 at a time.
 *
 *   node tools/build.mjs && node dist/test/bench/import.bench.js [--file test/fixtures/member-register.csv] [--batch 200] [--admissions 300]
 */
import { todayInKolkata, type CommandContext } from '@samabay/domain-kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inMemoryConfig } from '@samabay/gateway';
import { issueDevToken } from '@samabay/gateway';
import { startPlatform, type RunningPlatform } from '@samabay/gateway';
import { createGraphqlClient } from '@samabay/register-import';
import { importRegister } from '@samabay/register-import';

const BRANCHES = ['SNG', 'KLG', 'DHT'] as const;

/** Runs the import and admission measurements on both PGlite variants and prints one line per measurement. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const batchSize = Number(option(argv, '--batch') ?? 200);
  const admissions = Number(option(argv, '--admissions') ?? 300);
  // Relative to the working directory: `npm run bench` runs at the repository root (the script runs from dist/).
  const register = path.resolve(option(argv, '--file') ?? 'test/fixtures/member-register.csv');
  console.log(`import benchmark: ${path.basename(register)}, batch ${batchSize}, ${admissions} admissions per scenario, Node ${process.version}`);

  await runOn('PGlite (in-memory)', undefined, register, batchSize, admissions);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samabay-bench-'));
  try {
    await runOn('PGlite (on disk, as npm start)', path.join(dataDir, 'pglite'), register, batchSize, admissions);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runOn(name: string, dataDir: string | undefined, register: string, batchSize: number, admissions: number): Promise<void> {
  const started = performance.now();
  const platform = await startPlatform(inMemoryConfig({ database: { kind: 'pglite', dataDir } }));
  console.log(`\n${name} — platform started in ${seconds(performance.now() - started)}`);
  try {
    const request = createGraphqlClient({ url: platform.url, token: issueDevToken({ secret: platform.config.jwtSecret }) });
    for (const label of ['import member-register.csv', 're-import (all replayed)']) {
      const begin = performance.now();
      const { summary } = await importRegister({ source: { path: register }, request, batchSize });
      const elapsed = performance.now() - begin;
      const outcome = `${summary.accepted} accepted, ${summary.replayed} replayed, ${summary.rejected} rejected`;
      console.log(`  ${label.padEnd(34)} ${seconds(elapsed).padStart(8)}  ${rate(summary.rows, elapsed, 'rows/s').padStart(14)}   [${outcome}]`);
    }
    await measureAdmissions(platform, 'admitMember, 1 at a time', admissions, 1);
    await measureAdmissions(platform, 'admitMember, 8 at a time', admissions, 8);
  } finally {
    await platform.stop();
  }
}

async function measureAdmissions(platform: RunningPlatform, label: string, count: number, concurrency: number): Promise<void> {
  const businessDate = todayInKolkata(() => new Date());
  const run = Date.now().toString(36);
  let next = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const context: CommandContext = { idempotencyKey: `bench-admit-${run}-${index}`, businessDate, actor: { userId: 'bench', role: 'head_office', branchCode: 'SNG' } };
        await platform.membership.commands.admitMember(
          {
            branchCode: BRANCHES[index % BRANCHES.length],
            personal: { fullName: `Bench Member ${index}`, dateOfBirth: '1980-01-01', phone: null, locality: 'Bench Lane' },
            nominee: { name: `Bench Nominee ${index}`, relation: 'sister' },
            shares: 1,
          },
          context,
        );
      }
    }),
  );
  const elapsed = performance.now() - begin;
  console.log(`  ${label.padEnd(34)} ${seconds(elapsed).padStart(8)}  ${rate(count, elapsed, 'commands/s').padStart(14)}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (count: number, ms: number, unit: string) => `${Math.round((count * 1000) / ms).toLocaleString('en-US')} ${unit}`;

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
