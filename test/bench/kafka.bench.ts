/**
 * Kafka benchmark (prints numbers; not a test), issue 3 item 7, on PostgreSQL and a real broker:
 *   - relay throughput: events/s from a store holding N events (default 20,000, member streams of
 *     10 events, appended before the relay starts) until Kafka acknowledged the last one (Relay,
 *     batches of 500, 3 partitions, idempotent producer, acks=all);
 *   - end-to-end latency p50/p99, from "command accepted" (CommandHandler returned) to "read model
 *     visible" (the member's directory row carries the command's revision), one command at a time
 *     (default 300: admissions, then share purchases), for
 *       single-node: the store-fed ProjectionRunner, and
 *       through Kafka: Relay + KafkaProjectionFeed (consumer group), in one process.
 *     Both read the store with a 20 ms poll interval; visibility is polled every 2 ms on both.
 * Everything lives in temporary schemas and topics, removed at the end. Needs
 * SAMABAY_TEST_POSTGRES_URL (or --postgres <url>) and KAFKA_BROKERS (or --brokers host:port); skips otherwise.
 *
 *   node tools/build.mjs && node dist/test/bench/kafka.bench.js [--events 20000] [--commands 300] [--postgres <url>] [--brokers 127.0.0.1:9092]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventData, type EventStore } from '@samabay/event-store';
import { createMembership, DEFAULT_BRANCHES, defaultMembershipProducts, noExitStanding, noOpenDues, type Membership } from '@samabay/membership';
import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, deadLetterTopic, type MessagingClient } from '@samabay/messaging';
import { createSqlPersonalDataVault } from '@samabay/personal-data';
import { KafkaProjectionFeed, ProjectionRunner } from '@samabay/projections';
import { CategoryTopics, PostgresAdvisoryLock, Relay } from '@samabay/relay';
import { openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';

const BUSINESS_DATE = '2026-11-29';
const clock = (): Date => new Date(`${BUSINESS_DATE}T06:00:00Z`);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const POLL_MS = 20;

/** Runs the relay throughput and both latency measurements; prints one line per number. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const postgresUrl = option(argv, '--postgres') ?? process.env.SAMABAY_TEST_POSTGRES_URL;
  const brokers = option(argv, '--brokers') ?? process.env.KAFKA_BROKERS;
  const events = Number(option(argv, '--events') ?? 20_000);
  const commands = Number(option(argv, '--commands') ?? 300);
  console.log(`Kafka benchmark: relay throughput over ${events.toLocaleString('en-US')} events; end-to-end latency over ${commands} commands; Node ${process.version}`);
  if (!postgresUrl || !brokers) {
    console.log('skipped: set SAMABAY_TEST_POSTGRES_URL and KAFKA_BROKERS (or pass --postgres <url> --brokers <host:port>)');
    return;
  }
  const unique = randomBytes(5).toString('hex');
  const db = await openPostgres({ connectionString: postgresUrl, maxConnections: 10 });
  const messaging = createKafkaMessaging({ ...DEFAULT_MESSAGING_CONFIG, brokers: brokers.split(','), clientId: `bench-${unique}`, partitions: 3 }, { logger: { ...silent, debug: () => undefined } });
  const schemas: string[] = [];
  const topics: string[] = [];
  const schema = (name: string): string => {
    schemas.push(`bench_${name}_${unique}`);
    return schemas[schemas.length - 1];
  };
  try {
    await relayThroughput({ db, url: postgresUrl, messaging, events, schema, topics, namespace: `bench${unique}a` });
    await latency({ db, url: postgresUrl, messaging, commands, schema, topics, namespace: `bench${unique}b` });
  } finally {
    const admin = messaging.createTopicAdmin();
    await admin.deleteTopics([...new Set(topics)]).catch(() => undefined);
    await admin.close().catch(() => undefined);
    for (const name of schemas) await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

interface BenchContext {
  readonly db: SqlDatabase;
  readonly url: string;
  readonly messaging: MessagingClient;
  readonly schema: (name: string) => string;
  /** Topics to delete at the end (filled by each measurement). */
  readonly topics: string[];
  readonly namespace: string;
}

async function relayThroughput(context: BenchContext & { events: number }): Promise<void> {
  const { db, messaging } = context;
  const store = await createSqlEventStore({ db, schema: context.schema('rel_es'), pollIntervalMs: POLL_MS });
  const perStream = 10;
  for (let stream = 0; stream * perStream < context.events; stream++) {
    await store.appendToStream(`member-BEN-${String(stream).padStart(6, '0')}`, batch(perStream), { expectedRevision: 'no_stream' });
  }
  const head = await store.headPosition();
  if (head === 'start') throw new Error('nothing appended');
  const categoryTopics = new CategoryTopics({ namespace: context.namespace });
  context.topics.push(...categoryTopics.allTopics());
  const relay = new Relay({ db, store, messaging, lock: new PostgresAdvisoryLock(context.url, context.schema('rel_lock')), partitions: 3, topics: categoryTopics, schema: context.schema('rel_cp'), logger: silent });
  const started = performance.now();
  await relay.start();
  const reached = await relay.waitForPosition(head, 300_000);
  const elapsedMs = performance.now() - started;
  await relay.stop();
  await store.close();
  if (!reached) throw new Error('the relay did not publish every event within 300 s');
  const perSecond = Math.round((context.events * 1000) / elapsedMs);
  console.log(`  relay throughput (PostgreSQL → Kafka, batches of 500, acks=all)   ${perSecond.toLocaleString('en-US').padStart(8)} events/s   [${context.events.toLocaleString('en-US')} events in ${(elapsedMs / 1000).toFixed(1)} s, topic creation and lock included]`);
}

async function latency(context: BenchContext & { commands: number }): Promise<void> {
  const { db, messaging } = context;
  const store = await createSqlEventStore({ db, schema: context.schema('lat_es'), pollIntervalMs: POLL_MS });
  const vault = await createSqlPersonalDataVault({ db, schema: context.schema('lat_vault'), masterKey: randomBytes(32) });
  const handler = new CommandHandler({ store, idempotency: await createSqlIdempotencyStore({ db, schema: context.schema('lat_cmd') }), clock });
  const membershipFor = (readModelSchema: string): Membership => createMembership({ handler, vault, db, readModelSchema, products: defaultMembershipProducts(), clock, openDues: noOpenDues, exitStanding: noExitStanding });

  const singleSchema = context.schema('lat_rm_single');
  const single = membershipFor(singleSchema);
  await single.commands.ensureBranches(DEFAULT_BRANCHES, commandContext());
  const runner = new ProjectionRunner({ db, store, projections: single.projections, schema: context.schema('lat_proj_single'), logger: silent });
  await runner.start();
  const singleNode = await measureLatency(db, single, singleSchema, context.commands, 'single');
  await runner.stop();
  report('single-node (store-fed ProjectionRunner)', singleNode);

  const kafkaSchema = context.schema('lat_rm_kafka');
  const viaKafka = membershipFor(kafkaSchema);
  const categoryTopics = new CategoryTopics({ namespace: context.namespace });
  const feedTopics = ['member', 'branch', 'loan'].map((category) => categoryTopics.topicForCategory(category) as string);
  context.topics.push(...categoryTopics.allTopics(), ...feedTopics.map(deadLetterTopic));
  const relay = new Relay({ db, store, messaging, lock: new PostgresAdvisoryLock(context.url, context.schema('lat_lock')), partitions: 3, topics: categoryTopics, schema: context.schema('lat_cp'), logger: silent });
  await relay.start();
  const feed = new KafkaProjectionFeed({ db, messaging, projections: viaKafka.projections, topics: feedTopics, groupId: `bench.${context.namespace}`, partitions: 3, schema: context.schema('lat_proj_kafka'), logger: silent, consumer: { maxWaitTimeMs: 100 } });
  await feed.start();
  // The Kafka read models first catch up with the single-node run's events, so both measure new commands only.
  const head = await store.headPosition();
  if (head !== 'start' && !(await relay.waitForPosition(head, 120_000))) throw new Error('the relay did not catch up');
  const throughKafka = await measureLatency(db, viaKafka, kafkaSchema, context.commands, 'kafka');
  await feed.stop();
  await relay.stop();
  await store.close();
  report('through Kafka (relay + KafkaProjectionFeed)', throughKafka);
}

/** One command at a time: admissions for the first third, then share purchases; ms from accepted to visible. */
async function measureLatency(db: SqlDatabase, membership: Membership, readModelSchema: string, commands: number, label: string): Promise<number[]> {
  const samples: number[] = [];
  const members: string[] = [];
  for (let index = 0; index < commands; index++) {
    let memberNo: string;
    let revision: number;
    // The revision the command wrote last: its events end at nextExpectedRevision.
    if (index < Math.ceil(commands / 3)) {
      const admitted = await membership.commands.admitMember(
        { branchCode: DEFAULT_BRANCHES[index % 3].code, personal: { fullName: `Bench Member ${index}`, dateOfBirth: '1980-01-01', phone: null, locality: null }, nominee: null, shares: 1 },
        commandContext(`${label}-${index}`),
      );
      memberNo = admitted.memberNo;
      revision = admitted.nextExpectedRevision;
      members.push(memberNo);
    } else {
      memberNo = members[index % members.length];
      const purchased = await membership.commands.purchaseShares({ memberNo, shares: 1 }, commandContext(`${label}-${index}`));
      revision = purchased.nextExpectedRevision;
    }
    const accepted = performance.now();
    await waitUntilVisible(db, readModelSchema, memberNo, revision);
    samples.push(performance.now() - accepted);
  }
  return samples;
}

/** Polls the member directory every 2 ms until the member's row carries `revision` (bounded: 60 s). */
async function waitUntilVisible(db: SqlDatabase, readModelSchema: string, memberNo: string, revision: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.query<{ stream_revision: number }>(`SELECT stream_revision FROM ${quoteIdentifier(readModelSchema)}.member_directory WHERE member_no = $1`, [memberNo]);
    if (rows.length > 0 && Number(rows[0].stream_revision) >= revision) return;
    if (Date.now() > deadline) throw new Error(`member ${memberNo} did not reach revision ${revision} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)].toFixed(1);
  console.log(`  end-to-end latency, ${label.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p99 ${at(0.99).padStart(7)} ms   max ${sorted[sorted.length - 1].toFixed(1)} ms   [${samples.length} commands]`);
}

function commandContext(key: string = randomUUID()): CommandContext {
  return { idempotencyKey: `bench-${key}`, businessDate: BUSINESS_DATE, actor: { userId: 'bench', role: 'head_office', branchCode: 'SNG' } };
}

function batch(size: number): EventData[] {
  return Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: index === 0 ? 'MemberAdmitted' : 'SharesPurchased',
    data: { memberNo: 'BEN-000000', sharesPurchased: 1, shareFaceValuePaise: 1000, amountPaise: 1000, sharesHeld: index + 1, shareCapitalPaise: (index + 1) * 1000 },
    metadata: { correlationId: randomUUID(), actor: 'bench', branchCode: 'SNG', occurredAt: clock().toISOString(), businessDate: BUSINESS_DATE, schemaVersion: 1 },
  }));
}

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}
