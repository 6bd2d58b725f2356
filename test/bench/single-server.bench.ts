/**
 * Single-server benchmark (prints numbers; not a test): the register import and command latency
 * through the gateway, for
 *   - single-node on PGlite in memory (the platform in this process),
 *   - single-node on PostgreSQL (the platform in this process, its own database),
 *   - single-server: the six processes of `npm run start:server` from dist/ (supervisor, relay,
 *     projector, three services over TCP, gateway), their own database and topics.
 * Import: the first N rows of test/fixtures/member-register.csv (default all 2,000), batches of 200,
 * opening balances included, from start to the summary. Latency: M sequential purchaseShares
 * mutations (default 100), request to answer, p50/p95/p99; and for single-server the transport alone
 * (M request–responses of the membership service's built-in ping over TCP).
 * Needs SAMABAY_TEST_POSTGRES_URL (or --postgres) and KAFKA_BROKERS (or --brokers); skips otherwise.
 *
 *   npm run build && node dist/test/bench/single-server.bench.js [--rows 2000] [--commands 100]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inMemoryConfig, issueDevToken, startPlatform } from '@samabay/gateway';
import { openPostgres, quoteIdentifier } from '@samabay/sql';
import { createGraphqlClient, importRegister } from '@samabay/register-import';
import { CommandClient } from '@samabay/service-rpc';
import { ServerTopology } from '../support/server-topology';

/** The repository root from dist/test/bench (or test/bench under ts runners). */
const ROOT = path.basename(path.resolve(__dirname, '../..')) === 'dist' ? path.resolve(__dirname, '../../..') : path.resolve(__dirname, '../..');

interface Target {
  readonly url: string;
  readonly token: string;
}

/** Runs the three set-ups in turn and prints one line per number. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const brokers = option(argv, '--brokers') ?? process.env.KAFKA_BROKERS;
  const rows = Number(option(argv, '--rows') ?? 2000);
  const commands = Number(option(argv, '--commands') ?? 100);
  console.log(`Single-server benchmark: import of ${rows} register rows (batch 200) and ${commands} sequential purchaseShares, through GraphQL; Node ${process.version}`);
  if (!postgresUrl || !brokers) {
    console.log('skipped: set SAMABAY_TEST_POSTGRES_URL and KAFKA_BROKERS (or pass --postgres <url> --brokers <host:port>)');
    return;
  }
  const lines = readFileSync(path.join(ROOT, 'test/fixtures/member-register.csv'), 'utf8').split('\n');
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const slice = path.join(ROOT, 'tmp', `bench-register-${process.pid}.csv`);
  writeFileSync(slice, `${lines.slice(0, rows + 1).join('\n')}\n`);

  const pglite = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 60_000 }));
  try {
    await measure('single-node, PGlite in memory', { url: pglite.url, token: issueDevToken({ secret: pglite.config.jwtSecret }) }, slice, rows, commands);
  } finally {
    await pglite.stop();
  }

  const admin = await openPostgres({ connectionString: postgresUrl, maxConnections: 1 });
  const database = `bench_single_node_${process.pid}`;
  await admin.exec(`CREATE DATABASE ${quoteIdentifier(database)}`);
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const onPostgres = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 60_000, database: { kind: 'postgres', url: url.toString() } }));
    try {
      await measure('single-node, PostgreSQL', { url: onPostgres.url, token: issueDevToken({ secret: onPostgres.config.jwtSecret }) }, slice, rows, commands);
    } finally {
      await onPostgres.stop();
    }
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.close();
  }

  const topology = await ServerTopology.start({ tag: 'bench', brokers: brokers.split(','), consistencyTimeoutMs: 60_000, builtDir: path.join(ROOT, 'dist'), postgresUrl });
  try {
    await measure('single-server (6 processes, TCP, Kafka)', { url: topology.url, token: issueDevToken({ secret: topology.jwtSecret }) }, slice, rows, commands);
    // The transport alone: the gateway's client asking the membership service for its built-in ping.
    const client = new CommandClient({ service: 'membership', transport: 'tcp', host: '127.0.0.1', port: topology.rpcPorts.membership, timeoutMs: 10_000 });
    try {
      await client.ping();
      const samples: number[] = [];
      for (let i = 0; i < commands; i++) {
        const begin = process.hrtime.bigint();
        await client.ping();
        samples.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
      console.log(`single-server: one request-response over TCP (@nestjs/microservices, built-in ping) ${percentiles(samples)}`);
    } finally {
      await client.close();
    }
  } finally {
    await topology.dispose();
  }
}

async function measure(label: string, target: Target, file: string, rows: number, commands: number): Promise<void> {
  const request = createGraphqlClient({ url: target.url, token: target.token });
  const started = process.hrtime.bigint();
  const result = await importRegister({ source: { path: file }, request, batchSize: 200 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label}: import ${result.summary.accepted}/${rows} rows in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s)`);
  const samples: number[] = [];
  for (let i = 0; i < commands; i++) {
    const begin = process.hrtime.bigint();
    await request(`mutation ($input: PurchaseSharesInput!) { purchaseShares(input: $input) { position } }`, {
      input: { idempotencyKey: `bench-latency-${i}`, businessDate: '2025-04-01', memberNo: 'SNG-000004', shares: 1 },
    });
    samples.push(Number(process.hrtime.bigint() - begin) / 1e6);
  }
  console.log(`${label}: purchaseShares through GraphQL ${percentiles(samples)}`);
}

/** "p50 … ms, p95 … ms, p99 … ms" of latency samples in ms. */
function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))].toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`;
}

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
