import { randomUUID } from 'node:crypto';
import { createSqlEventStore, formatPosition, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import { EVENT_HEADERS, type IncomingMessage, type MessagingClient } from '@samabay/messaging';
import { advisoryLockKey, CategoryTopics, PostgresAdvisoryLock, Relay, type RelayLock, type RelayLogger } from '@samabay/relay';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import { Registry } from 'prom-client';
import { describeIfEnv, describeIfKafka, dropSchema, kafkaTestNames, postgresTestUrl, randomSchemaName, waitFor } from '../support';
import { byKey, readAllMessages, testMessaging } from './kafka-fixtures';

/** Streams of four routed categories and one the category table does not know. */
const STREAMS = ['member-SNG-000001', 'member-SNG-000002', 'branch-SNG', 'loan-L0001', 'savingsAccount-SA0001'];
const UNROUTED_STREAM = 'scratch-1';

/**
 * The lock of a relay whose process died with its session: after the loss it never acquires again
 * (a dead process does not come back), so the standby's takeover is the only outcome.
 */
class LockOfADyingProcess implements RelayLock {
  private dead = false;

  constructor(private readonly inner: RelayLock) {}

  tryAcquire(): Promise<boolean> {
    return this.dead ? Promise.resolve(false) : this.inner.tryAcquire();
  }

  onLost(callback: () => void): void {
    this.inner.onLost(() => {
      this.dead = true;
      callback();
    });
  }

  release(): Promise<void> {
    return this.inner.release();
  }
}

const silentLogger = (): RelayLogger & { lines: string[] } => {
  const lines: string[] = [];
  const push = (details: object, message: string) => lines.push(`${message} ${JSON.stringify(details)}`);
  return { lines, info: push, warn: push, error: push };
};

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'relay against PostgreSQL', () => {
  describeIfKafka('and a real Kafka broker', () => {
    const names = kafkaTestNames('relay');
    const url = postgresTestUrl() as string;
    const storeSchema = randomSchemaName('relay_es');
    const relaySchema = randomSchemaName('relay_cp');
    let db: SqlDatabase;
    let store: EventStore;
    let messaging: MessagingClient;
    let testNo = 0;
    const relays: Relay[] = [];

    beforeAll(async () => {
      db = await openPostgres({ connectionString: url, maxConnections: 6 });
      store = await createSqlEventStore({ db, schema: storeSchema, pollIntervalMs: 20 });
      messaging = testMessaging(`relay-test-${names.service}`);
    });

    afterEach(async () => {
      for (const relay of relays.splice(0)) await relay.stop();
    });

    afterAll(async () => {
      await store.close();
      await dropSchema(db, storeSchema);
      await dropSchema(db, relaySchema);
      await db.close();
    });

    /** Per test: its own topics (namespace), checkpoint row and lock name. */
    function scope() {
      testNo++;
      const topics = new CategoryTopics({ namespace: `${names.service}-${testNo}` });
      const lockName = `${relaySchema}-${testNo}`;
      const relay = (options: { registry?: Registry; logger?: RelayLogger; batchSize?: number; dies?: boolean } = {}) => {
        const lock = new PostgresAdvisoryLock(url, lockName);
        const created = new Relay({
          db,
          store,
          messaging,
          lock: options.dies ? new LockOfADyingProcess(lock) : lock,
          partitions: 3,
          topics,
          name: `relay-${testNo}`,
          schema: relaySchema,
          batchSize: options.batchSize ?? 7,
          lockRetryMs: 50,
          failureBackoffMs: 50,
          registry: options.registry,
          logger: options.logger ?? silentLogger(),
        });
        relays.push(created);
        return created;
      };
      const routedTopics = [...new Set(STREAMS.map((stream) => topics.topicForStream(stream) as string))];
      return { topics, lockName, relay, routedTopics, read: () => readAllMessages(messaging, routedTopics, names.group(`read-${testNo}-${randomUUID().slice(0, 8)}`)) };
    }

    /** Appends `rounds` events to each stream (streams interleaved in $all) and returns the last position. */
    async function append(rounds: number, streams: readonly string[] = STREAMS): Promise<Position> {
      let last: Position | undefined;
      for (let round = 0; round < rounds; round++) {
        for (const stream of streams) {
          const result = await store.appendToStream(stream, [{ id: randomUUID(), type: round === 0 ? 'Opened' : 'Changed', data: { round }, metadata: { idempotencyKey: `k-${round}` } }], {
            expectedRevision: 'any',
          });
          last = result.position;
        }
      }
      return last as Position;
    }

    /** The store's events of the routed streams, by stream, in revision order. */
    async function storedEvents(): Promise<Map<string, RecordedEvent[]>> {
      const result = new Map<string, RecordedEvent[]>();
      for (const stream of STREAMS) result.set(stream, await store.readStream(stream));
      return result;
    }

    function expectExactlyTheStoredEvents(messages: readonly IncomingMessage[], stored: Map<string, RecordedEvent[]>, topics: CategoryTopics): void {
      const grouped = byKey(messages);
      expect([...grouped.keys()].sort()).toEqual([...STREAMS].sort());
      for (const [stream, events] of stored) {
        const received = grouped.get(stream) ?? [];
        expect(received.map((message) => message.headers[EVENT_HEADERS.revision])).toEqual(events.map((event) => String(event.revision)));
        received.forEach((message, index) => {
          const event = events[index];
          expect(message.topic).toBe(topics.topicForStream(stream));
          expect(message.key).toBe(stream);
          expect(message.headers).toEqual({
            [EVENT_HEADERS.type]: event.type,
            [EVENT_HEADERS.eventId]: event.id,
            [EVENT_HEADERS.position]: formatPosition(event.position),
            [EVENT_HEADERS.streamId]: stream,
            [EVENT_HEADERS.revision]: String(event.revision),
          });
          expect(JSON.parse((message.value as Buffer).toString('utf8'))).toMatchObject({ eventId: event.id, streamId: stream, revision: event.revision, data: event.data });
        });
      }
    }

    it('publishes every routed event once, in per-stream order, with the envelope headers, and exposes its metrics', async () => {
      const { topics, relay, read } = scope();
      await append(4);
      await store.appendToStream(UNROUTED_STREAM, [{ id: randomUUID(), type: 'Scribbled', data: {}, metadata: {} }], { expectedRevision: 'any' });
      const head = await append(2);
      const registry = new Registry();
      const logger = silentLogger();
      const active = relay({ registry, logger });
      await active.start();
      expect(await active.waitForPosition(head, 20_000)).toBe(true);

      expectExactlyTheStoredEvents(await read(), await storedEvents(), topics);
      const metrics = await registry.metrics();
      const publishedTotal = [...metrics.matchAll(/^samabay_relay_events_published_total\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
      expect(publishedTotal).toBe(STREAMS.length * 6);
      expect(metrics).toContain('samabay_relay_events_unrouted_total{category="scratch"} 1');
      expect(metrics).toContain('samabay_relay_lag_events 0');
      expect(metrics).toContain('samabay_relay_lag_seconds 0');
      expect(metrics).toContain('samabay_relay_active 1');
      expect(logger.lines.filter((line) => line.includes('no owning service'))).toHaveLength(1);
    });

    it('resumes from its checkpoint after a restart: nothing missing, nothing twice after a clean stop', async () => {
      const { topics, relay, read } = scope();
      const firstHead = await append(3);
      const first = relay();
      await first.start();
      expect(await first.waitForPosition(firstHead, 20_000)).toBe(true);
      await first.stop();
      const { rows } = await db.query<{ commit_position: string; prepare_position: string }>(
        `SELECT commit_position::text AS commit_position, prepare_position::text AS prepare_position FROM ${relaySchema}.relay_checkpoints WHERE name = $1`,
        [`relay-${testNo}`],
      );
      expect(rows).toEqual([{ commit_position: firstHead.commit.toString(), prepare_position: firstHead.prepare.toString() }]);

      const secondHead = await append(2);
      const second = relay();
      await second.start();
      expect(await second.waitForPosition(secondHead, 20_000)).toBe(true);
      expect(formatPosition(second.position())).toBe(formatPosition(secondHead));
      expectExactlyTheStoredEvents(await read(), await storedEvents(), topics);
    });

    it('runs one active relay per store: the standby publishes nothing until the active one stops, then takes over', async () => {
      const { topics, relay, read, lockName } = scope();
      const firstHead = await append(2);
      const firstRegistry = new Registry();
      const standbyRegistry = new Registry();
      const first = relay({ registry: firstRegistry });
      const standby = relay({ registry: standbyRegistry });
      await first.start();
      await waitFor(() => first.role() === 'active', 'the first relay to take the lock', 10_000);
      await standby.start();
      expect(await first.waitForPosition(firstHead, 20_000)).toBe(true);
      expect(standby.role()).toBe('standby');
      const holders = await db.query<{ holders: string }>(`SELECT count(*)::text AS holders FROM pg_locks WHERE locktype = 'advisory' AND objid = ($1::int4)::oid AND granted`, [advisoryLockKey(lockName)]);
      expect(holders.rows[0].holders).toBe('1');
      expect(await standbyRegistry.metrics()).toContain('samabay_relay_active 0');

      await first.stop();
      await waitFor(() => standby.role() === 'active', 'the standby to take over', 10_000);
      const secondHead = await append(2);
      expect(await standby.waitForPosition(secondHead, 20_000)).toBe(true);
      expect(await standbyRegistry.metrics()).toMatch(/samabay_relay_events_published_total\{[^}]*\} [1-9]/);
      expectExactlyTheStoredEvents(await read(), await storedEvents(), topics);
    });

    it('hands over when the active relay\'s database session dies (as on kill -9), losing no event', async () => {
      const { relay, read, lockName } = scope();
      const first = relay({ dies: true });
      const standby = relay();
      await first.start();
      await waitFor(() => first.role() === 'active', 'the first relay to take the lock', 10_000);
      await standby.start();
      const firstHead = await append(2);
      expect(await first.waitForPosition(firstHead, 20_000)).toBe(true);

      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = ($1::int4)::oid AND granted`, [advisoryLockKey(lockName)]);
      await waitFor(() => standby.role() === 'active', 'the standby to take over', 10_000);
      const secondHead = await append(2);
      expect(await standby.waitForPosition(secondHead, 20_000)).toBe(true);
      expect(first.role()).toBe('standby');

      const stored = await storedEvents();
      const grouped = byKey(await read());
      for (const [stream, events] of stored) {
        const revisions = (grouped.get(stream) ?? []).map((message) => Number(message.headers[EVENT_HEADERS.revision]));
        // Duplicates are allowed after a takeover; a gap or a step back within one relay's run is not.
        expect([...new Set(revisions)].sort((a, b) => a - b)).toEqual(events.map((event) => event.revision));
      }
    });
  });
});
