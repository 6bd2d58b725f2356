import { randomBytes, randomUUID } from 'node:crypto';
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore, type Position } from '@samabay/event-store';
import { createMembership, DEFAULT_BRANCHES, defaultMembershipProducts, noExitStanding, type Membership } from '@samabay/membership';
import type { MessagingClient } from '@samabay/messaging';
import { createSqlPersonalDataVault } from '@samabay/personal-data';
import { KafkaProjectionFeed, ProjectionRunner, type RunnerLogger } from '@samabay/projections';
import { CategoryTopics, PostgresAdvisoryLock, Relay, type RelayLogger } from '@samabay/relay';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import { describeIfEnv, describeIfKafka, dropSchema, kafkaTestNames, postgresTestUrl, randomSchemaName, waitFor } from '../support';
import { readAllMessages, testMessaging } from './kafka-fixtures';

const silent: RunnerLogger & RelayLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = (): Date => new Date('2026-11-29T06:00:00Z');
const BUSINESS_DATE = '2026-11-29';
const MEMBERS = 24;

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'membership projections fed from Kafka', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    const names = kafkaTestNames('kafka-projections');
    const url = postgresTestUrl() as string;
    const schemas = {
      store: randomSchemaName('kp_es'),
      commands: randomSchemaName('kp_cmd'),
      vault: randomSchemaName('kp_vault'),
      relay: randomSchemaName('kp_relay'),
      storeFedReadModels: randomSchemaName('kp_rm_store'),
      storeFedRunner: randomSchemaName('kp_proj_store'),
      kafkaFedReadModels: randomSchemaName('kp_rm_kafka'),
      kafkaFeed: randomSchemaName('kp_proj_kafka'),
    };
    const topics = new CategoryTopics({ namespace: names.service });
    const feedTopics = ['member', 'branch', 'loan'].map((category) => topics.topicForCategory(category) as string);
    let db: SqlDatabase;
    let store: EventStore;
    let messaging: MessagingClient;
    let storeFed: Membership;
    let kafkaFed: Membership;
    let runner: ProjectionRunner;
    let relay: Relay;
    let feed: KafkaProjectionFeed;
    let head: Position;
    let keyNo = 0;

    const context = (): CommandContext => ({ idempotencyKey: `kafka-projections-${++keyNo}`, businessDate: BUSINESS_DATE, actor: { userId: 'staff-1', role: 'head_office', branchCode: 'SNG' } });

    /** Every projection of the Kafka feed has applied every membership stream up to its last revision. */
    async function feedCaughtUp(): Promise<boolean> {
      const events = (await store.readAll({ maxCount: 100_000 })).filter((event) => /^(member|branch)-/.test(event.streamId));
      const heads = new Map<string, number>();
      for (const event of events) heads.set(event.streamId, event.revision);
      const { rows } = await db.query<{ projection: string; stream_id: string; revision: number }>(`SELECT projection, stream_id, revision FROM ${schemas.kafkaFeed}.kafka_applied_revisions`);
      const reached = rows.filter((row) => heads.get(row.stream_id) === Number(row.revision)).length;
      return reached === heads.size * kafkaFed.projections.length;
    }

    async function readModels(membership: Membership) {
      const page = await membership.reader.listMembers({ first: 200 });
      return { summaries: await membership.reader.branchSummaries(), members: page.nodes, total: page.totalCount };
    }

    beforeAll(async () => {
      db = await openPostgres({ connectionString: url, maxConnections: 8 });
      store = await createSqlEventStore({ db, schema: schemas.store, pollIntervalMs: 20 });
      messaging = testMessaging(`kp-${names.service}`);
      const vault = await createSqlPersonalDataVault({ db, schema: schemas.vault, masterKey: randomBytes(32) });
      const handler = new CommandHandler({ store, idempotency: await createSqlIdempotencyStore({ db, schema: schemas.commands }), clock });
      const common = { handler, vault, db, products: defaultMembershipProducts(), clock, openDues: async () => [], exitStanding: noExitStanding };
      storeFed = createMembership({ ...common, readModelSchema: schemas.storeFedReadModels });
      kafkaFed = createMembership({ ...common, readModelSchema: schemas.kafkaFedReadModels });

      await storeFed.commands.ensureBranches(DEFAULT_BRANCHES, context());
      const memberNos: string[] = [];
      for (let index = 0; index < MEMBERS; index++) {
        const branchCode = DEFAULT_BRANCHES[index % DEFAULT_BRANCHES.length].code;
        const admitted = await storeFed.commands.admitMember(
          { branchCode, personal: { fullName: `Synthetic Member ${index}`, dateOfBirth: '1980-01-01', phone: null, locality: null }, nominee: null, shares: 1 + (index % 3) },
          context(),
        );
        memberNos.push(admitted.memberNo);
      }
      for (const [index, memberNo] of memberNos.entries()) {
        if (index % 2 === 0) await storeFed.commands.purchaseShares({ memberNo, shares: 2 }, context());
        if (index % 5 === 0) await storeFed.commands.exitMember({ memberNo }, context());
      }
      head = (await store.headPosition()) as Position;

      runner = new ProjectionRunner({ db, store, projections: storeFed.projections, schema: schemas.storeFedRunner, logger: silent });
      await runner.start();
      relay = new Relay({ db, store, messaging, lock: new PostgresAdvisoryLock(url, schemas.relay), partitions: 3, topics, schema: schemas.relay, lockRetryMs: 50, logger: silent });
      await relay.start();
      feed = new KafkaProjectionFeed({
        db,
        messaging,
        projections: kafkaFed.projections,
        topics: feedTopics,
        groupId: names.group('projector'),
        partitions: 3,
        schema: schemas.kafkaFeed,
        logger: silent,
        consumer: { maxWaitTimeMs: 100 },
      });
      await feed.start();
      expect(await runner.waitForPosition(head, 30_000)).toBe(true);
      expect(await relay.waitForPosition(head, 30_000)).toBe(true);
    });

    afterAll(async () => {
      await feed?.stop();
      await relay?.stop();
      await runner?.stop();
      await store?.close();
      for (const schema of Object.values(schemas)) await dropSchema(db, schema);
      await db?.close();
    });

    it('builds the same member directory and branch summaries as the store-fed runner', async () => {
      await waitFor(feedCaughtUp, 'the Kafka feed to apply every membership event', 30_000, 20);
      const expected = await readModels(storeFed);
      expect(expected.total).toBe(MEMBERS);
      expect(expected.summaries.reduce((sum, branch) => sum + branch.exitedMembers, 0)).toBe(Math.ceil(MEMBERS / 5));
      expect(await readModels(kafkaFed)).toEqual(expected);
      expect(feed.stats()).toMatchObject({ parked: 0, duplicates: 0 });
    });

    it('skips a redelivered message instead of applying it twice', async () => {
      await waitFor(feedCaughtUp, 'the Kafka feed to apply every membership event', 30_000, 20);
      const memberTopic = topics.topicForCategory('member') as string;
      const published = await readAllMessages(messaging, [memberTopic], names.group(`copy-${randomUUID().slice(0, 8)}`));
      const again = published.slice(0, 15).map((message) => ({ topic: message.topic, key: message.key as string, value: message.value as Buffer, headers: message.headers }));
      const before = feed.stats();
      const publisher = messaging.createPublisher();
      try {
        await publisher.publish(again);
      } finally {
        await publisher.close();
      }
      await waitFor(() => feed.stats().duplicates >= before.duplicates + again.length, 'the redelivered messages to reach the feed', 30_000, 20);
      expect(feed.stats()).toMatchObject({ applied: before.applied, duplicates: before.duplicates + again.length, parked: 0 });
      expect(await readModels(kafkaFed)).toEqual(await readModels(storeFed));
    });
  });
});
