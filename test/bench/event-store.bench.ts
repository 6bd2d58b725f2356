/**
 * Event-store throughput benchmark (prints numbers; not a test). Measures single-event appends/s and
 * 100-event-batch events/s with 1 and 8 concurrent writers, each writer appending to its own stream
 * with an exact expected revision, on in-memory PGlite and — when a URL is given through
 * SAMABAY_TEST_POSTGRES_URL or `--postgres <url>` — on PostgreSQL (in a temporary schema, dropped after).
 *
 *   node tools/build.mjs && node dist/test/bench/event-store.bench.js [--postgres <url>] [--seconds <n>]
 */
import { randomUUID } from 'node:crypto';
import { createSqlEventStore, type EventData, type EventStore, type ExpectedRevision } from '@samabay/event-store';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';

interface Scenario {
  readonly label: string;
  readonly writers: number;
  readonly batchSize: number;
}

const scenarios: Scenario[] = [
  { label: 'single-event appends, 1 writer', writers: 1, batchSize: 1 },
  { label: 'single-event appends, 8 writers', writers: 8, batchSize: 1 },
  { label: '100-event batches, 1 writer', writers: 1, batchSize: 100 },
  { label: '100-event batches, 8 writers', writers: 8, batchSize: 100 },
];

/** Runs every scenario on PGlite and, if configured, on PostgreSQL; prints one line per scenario. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const seconds = Number(option(argv, '--seconds') ?? 3);
  console.log(`event-store benchmark: ${seconds} s per scenario, Node ${process.version}`);
  await runOn('PGlite (in-memory)', () => openPglite(), seconds);
  if (postgresUrl) await runOn(`PostgreSQL (${new URL(postgresUrl).host})`, () => openPostgres({ connectionString: postgresUrl, maxConnections: 10 }), seconds);
  else console.log('PostgreSQL: skipped (set SAMABAY_TEST_POSTGRES_URL or pass --postgres <url>)');
}

async function runOn(name: string, open: () => Promise<SqlDatabase>, seconds: number): Promise<void> {
  const db = await open();
  const schema = `bench_${Date.now().toString(36)}`;
  try {
    const store = await createSqlEventStore({ db, schema });
    console.log(`\n${name}`);
    for (const scenario of scenarios) {
      const { events, appends, elapsedMs } = await measure(store, scenario, seconds * 1000);
      const perSecond = (count: number) => Math.round((count * 1000) / elapsedMs).toLocaleString('en-US');
      const rate = scenario.batchSize === 1 ? `${perSecond(appends)} appends/s` : `${perSecond(events)} events/s (${perSecond(appends)} batches/s)`;
      console.log(`  ${scenario.label.padEnd(34)} ${rate.padStart(34)}   [${events.toLocaleString('en-US')} events in ${(elapsedMs / 1000).toFixed(1)} s]`);
    }
    await store.close();
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

async function measure(store: EventStore, scenario: Scenario, durationMs: number): Promise<{ events: number; appends: number; elapsedMs: number }> {
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const deadline = started + durationMs;
  let appends = 0;
  await Promise.all(
    Array.from({ length: scenario.writers }, async (_, writer) => {
      let expected: ExpectedRevision = 'no_stream';
      while (performance.now() < deadline) {
        const result = await store.appendToStream(`bench-${run}-${writer}`, batch(scenario.batchSize), { expectedRevision: expected });
        expected = result.nextExpectedRevision;
        appends += 1;
      }
    }),
  );
  return { events: appends * scenario.batchSize, appends, elapsedMs: performance.now() - started };
}

function batch(size: number): EventData[] {
  return Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: 'DepositRecorded',
    data: { accountNo: 'SNG-000123-SD', amountPaise: 5000 + index, balancePaise: 125_000 + index },
    metadata: { correlationId: randomUUID(), actor: 'staff-1', branchCode: 'SNG', occurredAt: new Date().toISOString(), businessDate: '2024-04-01', schemaVersion: 1 },
  }));
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
