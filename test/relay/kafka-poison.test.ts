import type { RecordedEvent } from '@samabay/event-store';
import { eventToMessage, topicName, type MessagingClient, type OutgoingMessage } from '@samabay/messaging';
import { DEAD_LETTER_HEADERS, ensureTopicsExist, KafkaProjectionFeed, replayDeadLetters, type Projection, type RunnerLogger } from '@samabay/projections';
import { openPostgres, quoteIdentifier, SqlConnectionError, type SqlDatabase, type SqlExecutor } from '@samabay/sql';
import { Registry } from 'prom-client';
import { describeIfEnv, describeIfKafka, dropSchema, kafkaTestNames, postgresTestUrl, randomSchemaName, waitFor } from '../support';
import { readAllMessages, testMessaging } from './kafka-fixtures';

/** Appears in the poison error's message and in event data; must never reach a log line or a dead-letter header. */
const PERSONAL_MARKER = 'Sunita Testkar';
const STREAMS = 4;
const REVISIONS = 5;
const POISON = { streamId: 'member-SNG-000003', revision: 1 };

/** Counts applications per stream: a double application shows at once. */
class TallyProjection implements Projection {
  readonly name = 'tally';
  readonly version = 1;
  failWhen: ((event: RecordedEvent) => boolean) | undefined;
  /** Simulates the read-model database being unreachable while true. */
  outage = false;

  constructor(private readonly schema: string) {}

  private get table(): string {
    return `${quoteIdentifier(this.schema)}.tally`;
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (stream_id text PRIMARY KEY, applications integer NOT NULL, last_revision integer NOT NULL)`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(event: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (this.outage) throw new SqlConnectionError('read-model database unreachable (test)');
    if (this.failWhen?.(event)) throw new Error(`cannot fold the event of ${PERSONAL_MARKER}`);
    await tx.query(
      `INSERT INTO ${this.table} (stream_id, applications, last_revision) VALUES ($1, 1, $2)
       ON CONFLICT (stream_id) DO UPDATE SET applications = ${this.table}.applications + 1, last_revision = EXCLUDED.last_revision`,
      [event.streamId, event.revision],
    );
  }

  async rows(db: SqlDatabase): Promise<Record<string, { applications: number; lastRevision: number }>> {
    const { rows } = await db.query<{ stream_id: string; applications: number; last_revision: number }>(`SELECT stream_id, applications, last_revision FROM ${this.table} ORDER BY stream_id`);
    return Object.fromEntries(rows.map((row) => [row.stream_id, { applications: Number(row.applications), lastRevision: Number(row.last_revision) }]));
  }
}

/** `REVISIONS` events on each of `STREAMS` member streams, interleaved as $all would order them. */
function events(): RecordedEvent[] {
  const result: RecordedEvent[] = [];
  for (let revision = 0; revision < REVISIONS; revision++) {
    for (let stream = 1; stream <= STREAMS; stream++) {
      const sequence = BigInt(result.length);
      result.push({
        id: `00000000-0000-4000-8000-${String(result.length).padStart(12, '0')}`,
        type: revision === 0 ? 'MemberAdmitted' : 'SharesPurchased',
        streamId: `member-SNG-${String(stream).padStart(6, '0')}`,
        revision,
        position: { commit: 5000n + sequence, prepare: sequence },
        recordedAt: new Date(Date.UTC(2026, 10, 29, 6, 0, 0, result.length)),
        data: { sealed: PERSONAL_MARKER },
        metadata: {},
      });
    }
  }
  return result;
}

function logCollector(): RunnerLogger & { lines: Array<{ level: string; message: string; details: object }> } {
  const lines: Array<{ level: string; message: string; details: object }> = [];
  const at = (level: string) => (details: object, message: string) => lines.push({ level, message, details });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'Kafka-fed projection: poison events and redelivery', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    const names = kafkaTestNames('kafka-poison');
    const schema = randomSchemaName('kpoison');
    const topic = topicName(names.service, 'member');
    const groupId = names.group('projector');
    let db: SqlDatabase;
    let messaging: MessagingClient;
    let feed: KafkaProjectionFeed;
    const tally = new TallyProjection(schema);
    const logger = logCollector();
    const registry = new Registry();
    const messages: OutgoingMessage[] = events().map((event) => eventToMessage(names.service, event));

    const startFeed = async (): Promise<KafkaProjectionFeed> => {
      const started = new KafkaProjectionFeed({ db, messaging, projections: [tally], topics: [topic], groupId, partitions: 1, schema, maxAttempts: 3, retryDelayMs: 1, registry: feeds.length === 0 ? registry : undefined, logger, consumer: { maxWaitTimeMs: 100 } });
      feeds.push(started);
      await started.start();
      return started;
    };
    const feeds: KafkaProjectionFeed[] = [];

    async function publish(batch: readonly OutgoingMessage[]): Promise<void> {
      const publisher = messaging.createPublisher();
      try {
        await publisher.publish(batch);
      } finally {
        await publisher.close();
      }
    }

    beforeAll(async () => {
      db = await openPostgres({ connectionString: postgresTestUrl() as string, maxConnections: 4 });
      messaging = testMessaging(`kpoison-${names.service}`, 1);
      // One partition: a consumer that blocked on the poison event would stall every other key.
      await ensureTopicsExist(messaging, [{ topic, partitions: 1 }]);
      feed = await startFeed();
    });

    afterAll(async () => {
      for (const started of feeds) await started.stop();
      await dropSchema(db, schema);
      await db?.close();
    });

    it('parks a poison event on <topic>.dlq after bounded retries, queues its stream behind it, and keeps other keys flowing', async () => {
      tally.failWhen = (event) => event.streamId === POISON.streamId && event.revision === POISON.revision;
      await publish(messages);
      await waitFor(() => feed.stats().applied + feed.stats().parked >= messages.length, 'every message to be applied or parked', 30_000, 10);

      expect(feed.stats()).toMatchObject({ applied: messages.length - 4, parked: 4, duplicates: 0 });
      expect(await tally.rows(db)).toEqual({
        'member-SNG-000001': { applications: 5, lastRevision: 4 },
        'member-SNG-000002': { applications: 5, lastRevision: 4 },
        'member-SNG-000003': { applications: 1, lastRevision: 0 },
        'member-SNG-000004': { applications: 5, lastRevision: 4 },
      });
      expect((await feed.parkedEvents()).map(({ streamId, revision, reason, error }) => ({ streamId, revision, reason, error }))).toEqual([
        { streamId: POISON.streamId, revision: 1, reason: 'POISON', error: 'Error' },
        { streamId: POISON.streamId, revision: 2, reason: 'STREAM_BLOCKED', error: 'StreamBlockedError' },
        { streamId: POISON.streamId, revision: 3, reason: 'STREAM_BLOCKED', error: 'StreamBlockedError' },
        { streamId: POISON.streamId, revision: 4, reason: 'STREAM_BLOCKED', error: 'StreamBlockedError' },
      ]);

      const parked = await readAllMessages(messaging, [`${topic}.dlq`], names.group('dlq-reader'));
      expect(parked.map((message) => [message.key, message.headers.revision, message.headers[DEAD_LETTER_HEADERS.reason]])).toEqual([
        [POISON.streamId, '1', 'POISON'],
        [POISON.streamId, '2', 'STREAM_BLOCKED'],
        [POISON.streamId, '3', 'STREAM_BLOCKED'],
        [POISON.streamId, '4', 'STREAM_BLOCKED'],
      ]);
      expect(parked[0].headers).toMatchObject({ [DEAD_LETTER_HEADERS.sourceTopic]: topic, [DEAD_LETTER_HEADERS.group]: groupId, [DEAD_LETTER_HEADERS.error]: 'Error', [DEAD_LETTER_HEADERS.attempts]: '3' });
      for (const message of parked) expect(JSON.stringify(message.headers)).not.toContain(PERSONAL_MARKER);

      const parkedLines = logger.lines.filter((line) => line.level === 'error' && line.message.includes('parked on the dead-letter topic'));
      expect(parkedLines).toHaveLength(4);
      expect(JSON.stringify(logger.lines)).not.toContain(PERSONAL_MARKER);
      await waitFor(async () => (await feed.lag()) === 0, 'the group to commit every offset', 30_000, 20);
      expect(await registry.getSingleMetricAsString('samabay_kafka_projection_lag_messages')).toMatch(/samabay_kafka_projection_lag_messages 0$/m);
      expect(await registry.getSingleMetricAsString('samabay_kafka_projection_events_parked_total')).toContain(`samabay_kafka_projection_events_parked_total{group="${groupId}",topic="${topic}",reason="POISON"} 1`);
    });

    it('re-feeds parked events with the replay command once the projection is fixed, each applied once', async () => {
      tally.failWhen = undefined;
      const before = feed.stats();
      expect(await replayDeadLetters({ messaging, topic, timeoutMs: 30_000 })).toEqual({ replayed: 4 });
      await waitFor(() => feed.stats().applied >= before.applied + 4, 'the replayed events to be applied', 30_000, 10);
      expect((await tally.rows(db))[POISON.streamId]).toEqual({ applications: 5, lastRevision: 4 });
      expect(await feed.parkedEvents()).toEqual([]);
      expect(await replayDeadLetters({ messaging, topic, timeoutMs: 30_000 })).toEqual({ replayed: 0 });
    });

    it('skips every redelivered message by (stream, revision)', async () => {
      const before = feed.stats();
      const rowsBefore = await tally.rows(db);
      await publish(messages);
      await waitFor(() => feed.stats().duplicates >= before.duplicates + messages.length, 'the redelivered messages to reach the feed', 30_000, 10);
      expect(feed.stats()).toMatchObject({ applied: before.applied, parked: before.parked, duplicates: before.duplicates + messages.length });
      expect(await tally.rows(db)).toEqual(rowsBefore);
    });

    it('treats a database outage as no poison: the consumer stops without committing and a restarted feed applies the message', async () => {
      const outageEvent: RecordedEvent = { ...events()[0], id: '00000000-0000-4000-8000-00000000ffff', streamId: 'member-SNG-000009', position: { commit: 9000n, prepare: 0n } };
      const parkedBefore = feed.stats().parked;
      let stopReason: string | undefined;
      const stopped = feed.whenStopped().then((reason) => (stopReason = reason.kind === 'failed' ? reason.error.code : reason.kind));
      tally.outage = true;
      await publish([eventToMessage(names.service, outageEvent)]);
      await waitFor(() => stopReason !== undefined, 'the consumer to stop on the outage', 30_000, 10);
      await stopped;
      expect(stopReason).toBe('HANDLER_FAILED');
      expect(feed.stats().parked).toBe(parkedBefore);
      expect(await feed.lag()).toBe(1);
      expect((await tally.rows(db))['member-SNG-000009']).toBeUndefined();
      await feed.stop();

      tally.outage = false;
      feed = await startFeed();
      await waitFor(async () => (await tally.rows(db))['member-SNG-000009'] !== undefined, 'the restarted feed to apply the message', 30_000, 20);
      expect((await tally.rows(db))['member-SNG-000009']).toEqual({ applications: 1, lastRevision: 0 });
      await waitFor(async () => (await feed.lag()) === 0, 'the restarted group to commit', 30_000, 20);
      expect(await feed.parkedEvents()).toEqual([]);
    });
  });
});
