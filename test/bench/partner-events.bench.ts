/**
 * Partner-events benchmark (prints numbers; not a test), issue 6 item 5, on PostgreSQL and a real
 * broker: throughput of the partner publisher (map, pseudonymise per partner, validate against the
 * JSON Schema, publish with acks=all, checkpoint) over a store holding N internal events (default
 * 20,000 DepositRecorded on savings accounts of 2,000 members), for 1 and for 3 partners.
 * Everything lives in temporary schemas and topics, removed at the end. Needs
 * SAMABAY_TEST_POSTGRES_URL (or --postgres <url>) and KAFKA_BROKERS (or --brokers host:port); skips otherwise.
 *
 *   node tools/build.mjs && node dist/test/bench/partner-events.bench.js [--events 20000] [--postgres <url>] [--brokers 127.0.0.1:9092]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSqlEventStore, type EventData } from '@samabay/event-store';
import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG } from '@samabay/messaging';
import { PartnerEventPublisher, partnerKey } from '@samabay/partner-events';
import { PostgresAdvisoryLock } from '@samabay/relay';
import { openPostgres, quoteIdentifier } from '@samabay/sql';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs the publisher throughput for 1 and 3 partners; prints one line per measurement. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const brokers = option(argv, '--brokers') ?? process.env.KAFKA_BROKERS;
  const events = Number(option(argv, '--events') ?? 20_000);
  console.log(`Partner-events benchmark: publisher throughput over ${events.toLocaleString('en-US')} deposit events; Node ${process.version}`);
  if (!postgresUrl || !brokers) {
    console.log('skipped: set SAMABAY_TEST_POSTGRES_URL and KAFKA_BROKERS (or pass --postgres <url> --brokers <host:port>)');
    return;
  }
  const unique = randomBytes(5).toString('hex');
  const db = await openPostgres({ connectionString: postgresUrl, maxConnections: 6 });
  const messaging = createKafkaMessaging({ ...DEFAULT_MESSAGING_CONFIG, brokers: brokers.split(','), clientId: `bench-${unique}`, partitions: 3 }, { logger: { ...silent, debug: () => undefined } });
  const storeSchema = `bench_pe_es_${unique}`;
  const topics: string[] = [];
  const publisherSchemas: string[] = [];
  try {
    const store = await createSqlEventStore({ db, schema: storeSchema, pollIntervalMs: 20 });
    const perMember = 10;
    for (let member = 0; member * perMember < events; member++) {
      const accountId = `SNG-${String(member + 1).padStart(6, '0')}-SD-01`;
      await store.appendToStream(`savingsAccount-${accountId}`, deposits(accountId, perMember), { expectedRevision: 'no_stream' });
    }
    // $all shows only settled transactions (below the oldest one still open on the server), so on a
    // shared server the tail may be hidden for a moment: measure from a head that covers every event.
    while ((await store.readAll({})).length < events) await new Promise((resolve) => setTimeout(resolve, 200));
    const head = await store.headPosition();
    if (head === 'start') throw new Error('nothing appended');
    for (const partnerCount of [1, 3]) {
      const partners = Array.from({ length: partnerCount }, (_, index) => partnerKey(`bench${unique}-p${partnerCount}-${index}`, randomBytes(32)));
      const schema = `bench_pe_${partnerCount}_${unique}`;
      publisherSchemas.push(schema);
      const publisher = new PartnerEventPublisher({
        db,
        store,
        messaging,
        lock: new PostgresAdvisoryLock(postgresUrl, schema),
        partners,
        partitions: 3,
        name: schema,
        schema,
        logger: silent,
      });
      topics.push(...publisher.topics());
      await publisher.start();
      const started = performance.now();
      if (!(await publisher.waitForPosition(head, 600_000))) throw new Error('the publisher did not catch up within 10 minutes');
      const seconds = (performance.now() - started) / 1000;
      const messages = [...publisher.publishedPerTopic.values()].reduce((sum, count) => sum + count, 0);
      await publisher.stop();
      console.log(
        `  partner publisher, ${partnerCount} partner(s): ${events.toLocaleString('en-US')} events → ${messages.toLocaleString('en-US')} messages in ${seconds.toFixed(1)} s = ${Math.round(events / seconds).toLocaleString('en-US')} events/s, ${Math.round(messages / seconds).toLocaleString('en-US')} messages/s`,
      );
    }
    await store.close();
  } finally {
    const admin = messaging.createTopicAdmin();
    await admin.deleteTopics(topics).catch(() => undefined);
    await admin.close().catch(() => undefined);
    for (const name of [storeSchema, ...publisherSchemas]) await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

function deposits(accountId: string, count: number): EventData[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'DepositRecorded',
    data: { accountId, businessDate: `2025-${String((index % 12) + 1).padStart(2, '0')}-15`, amountPaise: 10_000 + index, balancePaise: 10_000 * (index + 1) },
    metadata: { correlationId: randomUUID(), actor: 'bench', branchCode: 'SNG', occurredAt: new Date().toISOString(), businessDate: '2025-01-15', schemaVersion: 1 },
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
