import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { createMembership, DEFAULT_BRANCHES, defaultMembershipProducts, noExitStanding, noOpenDues, type Membership } from '@samabay/membership';
import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, deadLetterTopic, type MessagingClient } from '@samabay/messaging';
import { createSqlPersonalDataVault, type PersonalDataVault } from '@samabay/personal-data';
import { ensureTopicsExist } from '@samabay/projections';
import { CategoryTopics } from '@samabay/relay';
import { openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { kafkaTestNames, postgresTestUrl, waitFor, type KafkaTestNames } from '../support';
import { FAULT_BUSINESS_DATE } from './command-driver';
import { compareExactlyOnce, feedCaughtUp, foldAll, readActual, type ActualReadModels, type ExactlyOnceReport, type ExpectedReadModels } from './read-model-oracle';
import { ServiceProcess } from './service-process';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * Schemas inside the file's own database (each fault file gets a database of its own, so these
 * names are fixed; the projector is told the vault's with SAMABAY_VAULT_SCHEMA).
 */
export const FAULT_SCHEMAS = {
  store: 'eventstore',
  commands: 'commands',
  vault: 'vault',
  relay: 'relay',
  readModels: 'membership_rm',
  projections: 'projections',
  audit: 'fault_audit',
} as const;

/**
 * The projector's consumer-group liveness in the fault suite: a killed member is dropped after 6 s
 * (the broker's smallest accepted session timeout) instead of the production default of 30 s,
 * so scenarios (b) and (c) wait that much less for the group to hand its partitions on.
 */
export const FAULT_PROJECTOR_SESSION = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 } as const;

/** The table the audit triggers write: one row per effect applied (see installApplicationAudit). */
export const AUDIT_TABLE = `${FAULT_SCHEMAS.audit}.applications`;

/** Options of {@link FaultEnvironment.create}. */
export interface FaultEnvironmentOptions {
  /** Lower-case letters, digits and '-': names the database, topics and groups of the file. */
  readonly tag: string;
  /** Brokers of the processes and of the test's own client. */
  readonly brokers: readonly string[];
  /** Partitions of every topic (KAFKA_PARTITIONS of the processes). Default 3. */
  readonly partitions?: number;
}

/** The outcome of {@link FaultEnvironment.converge}. */
export interface Convergence {
  readonly expected: ExpectedReadModels;
  readonly actual: ActualReadModels;
  readonly report: ExactlyOnceReport;
}

/**
 * One fault file's world: a fresh PostgreSQL database (event store, command side, vault, relay
 * checkpoint, read models), the membership command side in the test process, the relay and
 * projector mains compiled into a private directory and run as child processes, topic and group
 * names no other file uses, and the oracle. `dispose()` kills every process, deletes the topics,
 * drops the database and the compiled files; call it in afterAll (it tolerates a failed create).
 */
export class FaultEnvironment {
  readonly names: KafkaTestNames;
  readonly topics: CategoryTopics;
  readonly groupId: string;
  readonly masterKey = randomBytes(32);
  db!: SqlDatabase;
  store!: EventStore;
  vault!: PersonalDataVault;
  membership!: Membership;
  messaging!: MessagingClient;
  private admin: SqlDatabase | undefined;
  private readonly databaseName: string;
  private readonly databaseUrl: string;
  private readonly compiledDir: string;
  private databaseCreated = false;
  private processNo = 0;
  private readonly processes: ServiceProcess[] = [];

  private constructor(private readonly options: FaultEnvironmentOptions) {
    this.names = kafkaTestNames(options.tag);
    this.topics = new CategoryTopics({ namespace: this.names.service });
    this.groupId = this.names.group('projector');
    const unique = randomBytes(6).toString('hex');
    this.databaseName = `fault_${options.tag.replace(/-/g, '_')}_${unique}`;
    const url = new URL(postgresTestUrl() as string);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    this.compiledDir = path.join(ROOT, 'tmp', `fault-services-${unique}`);
  }

  /** Creates the database, the command side and the compiled services; opens the branches. */
  static async create(options: FaultEnvironmentOptions): Promise<FaultEnvironment> {
    const environment = new FaultEnvironment(options);
    await environment.setUp();
    return environment;
  }

  /** Names of the projections the projector applies (the same classes as membership's). */
  get projectionNames(): string[] {
    return this.membership.projections.map((projection) => projection.name);
  }

  /** Partitions of the topics. */
  get partitions(): number {
    return this.options.partitions ?? 3;
  }

  /** The topics the projector consumes (member, branch, loan). */
  get consumedTopics(): string[] {
    return ['member', 'branch', 'loan'].map((category) => this.topics.topicForCategory(category) as string);
  }

  private async setUp(): Promise<void> {
    const compiling = execFileAsync(process.execPath, [path.join(ROOT, 'test/fault/compile-services.mjs'), this.compiledDir], { cwd: ROOT });
    this.admin = await openPostgres({ connectionString: postgresTestUrl() as string, maxConnections: 1 });
    await this.admin.exec(`CREATE DATABASE ${quoteIdentifier(this.databaseName)}`);
    this.databaseCreated = true;
    this.db = await openPostgres({ connectionString: this.databaseUrl, maxConnections: 8 });
    this.store = await createSqlEventStore({ db: this.db, schema: FAULT_SCHEMAS.store, pollIntervalMs: 20 });
    this.vault = await createSqlPersonalDataVault({ db: this.db, schema: FAULT_SCHEMAS.vault, masterKey: this.masterKey });
    const handler = new CommandHandler({ store: this.store, idempotency: await createSqlIdempotencyStore({ db: this.db, schema: FAULT_SCHEMAS.commands }), clock: () => new Date(`${FAULT_BUSINESS_DATE}T06:00:00Z`) });
    this.membership = createMembership({
      handler,
      vault: this.vault,
      db: this.db,
      readModelSchema: FAULT_SCHEMAS.readModels,
      products: defaultMembershipProducts(),
      clock: () => new Date(`${FAULT_BUSINESS_DATE}T06:00:00Z`),
      openDues: noOpenDues,
      exitStanding: noExitStanding,
    });
    this.messaging = createKafkaMessaging(
      { ...DEFAULT_MESSAGING_CONFIG, brokers: this.options.brokers, clientId: `fault-${this.names.service}`, partitions: this.partitions },
      { logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } },
    );
    // The relay creates its topics at start, but the projector must be running (and audited) first.
    await ensureTopicsExist(this.messaging, this.topics.allTopics().map((topic) => ({ topic, partitions: this.partitions })));
    await this.membership.commands.ensureBranches(DEFAULT_BRANCHES, { idempotencyKey: `${this.names.service}-branches`, businessDate: FAULT_BUSINESS_DATE, actor: { userId: 'fault-driver', role: 'head_office', branchCode: 'SNG' } });
    await compiling;
  }

  /** A relay process of this file's store (not started). */
  relay(options: { supervise?: boolean } = {}): ServiceProcess {
    return this.track({
      label: `relay-${++this.processNo}`,
      script: path.join(this.compiledDir, 'services/relay/src/main.js'),
      readyMessage: 'relay holds the lock and publishes',
      supervise: options.supervise,
      env: {
        ...this.baseEnv(),
        SAMABAY_EVENT_STORE_SCHEMA: FAULT_SCHEMAS.store,
        SAMABAY_RELAY_SCHEMA: FAULT_SCHEMAS.relay,
        // Small batches: many publish → checkpoint cycles, so a kill lands between a publish and its checkpoint.
        SAMABAY_RELAY_BATCH_SIZE: '10',
        SAMABAY_RELAY_LOCK_RETRY_MS: '100',
      },
    });
  }

  /** A projector process of this file's group (not started). */
  projector(options: { supervise?: boolean } = {}): ServiceProcess {
    return this.track({
      label: `projector-${++this.processNo}`,
      script: path.join(this.compiledDir, 'services/projector/src/main.js'),
      readyMessage: 'Samabay projector running',
      supervise: options.supervise,
      env: {
        ...this.baseEnv(),
        SAMABAY_MASTER_KEY: this.masterKey.toString('base64'),
        SAMABAY_READ_MODEL_SCHEMA: FAULT_SCHEMAS.readModels,
        SAMABAY_PROJECTION_SCHEMA: FAULT_SCHEMAS.projections,
        SAMABAY_PROJECTOR_GROUP: this.groupId,
        SAMABAY_VAULT_SCHEMA: FAULT_SCHEMAS.vault,
        SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS: String(FAULT_PROJECTOR_SESSION.sessionTimeoutMs),
        SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS: String(FAULT_PROJECTOR_SESSION.heartbeatIntervalMs),
      },
    });
  }

  private track(options: ConstructorParameters<typeof ServiceProcess>[0]): ServiceProcess {
    const created = new ServiceProcess(options);
    this.processes.push(created);
    return created;
  }

  /** Every process of this file with its state and output tail: appended to a failed wait's message. */
  describeProcesses(): string {
    return this.processes.map((created) => created.describe()).join('\n');
  }

  /** waitFor, with the processes' output tails in the error when it times out. */
  async waitFor(condition: () => boolean | Promise<boolean>, description: string, timeoutMs: number, intervalMs = 20): Promise<void> {
    try {
      await waitFor(condition, description, timeoutMs, intervalMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.describeProcesses()}`);
    }
  }

  private baseEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    return {
      ...env,
      SAMABAY_DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: this.options.brokers.join(','),
      KAFKA_PARTITIONS: String(this.partitions),
      SAMABAY_TOPIC_NAMESPACE: this.names.service,
      SAMABAY_METRICS_PORT: '0',
      SAMABAY_LOG_LEVEL: 'info',
    };
  }

  /**
   * Installs triggers that log every effect into AUDIT_TABLE: each row the feed writes to
   * `kafka_applied_revisions` (source `applied:<projection>`) and each write of a member's row in
   * `member_directory` and `branch_summary_member` (with the row's stream revision). Call it after
   * the first projector created its tables and before any event is published.
   */
  async installApplicationAudit(): Promise<void> {
    const { audit, projections, readModels } = FAULT_SCHEMAS;
    await this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS ${audit};
      CREATE TABLE ${AUDIT_TABLE} (id bigserial PRIMARY KEY, source text NOT NULL, stream_id text NOT NULL, revision integer NOT NULL);
      CREATE FUNCTION ${audit}.log_applied() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${AUDIT_TABLE} (source, stream_id, revision) VALUES ('applied:' || NEW.projection, NEW.stream_id, NEW.revision); RETURN NULL; END $$;
      CREATE FUNCTION ${audit}.log_member_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${AUDIT_TABLE} (source, stream_id, revision) VALUES (TG_ARGV[0], 'member-' || NEW.member_no, NEW.stream_revision); RETURN NULL; END $$;
      CREATE TRIGGER fault_audit AFTER INSERT OR UPDATE ON ${projections}.kafka_applied_revisions FOR EACH ROW EXECUTE FUNCTION ${audit}.log_applied();
      CREATE TRIGGER fault_audit AFTER INSERT OR UPDATE ON ${readModels}.member_directory FOR EACH ROW EXECUTE FUNCTION ${audit}.log_member_row('member_directory');
      CREATE TRIGGER fault_audit AFTER INSERT OR UPDATE ON ${readModels}.branch_summary_member FOR EACH ROW EXECUTE FUNCTION ${audit}.log_member_row('branch_summary_member');`);
  }

  /**
   * Folds `$all`, waits (bounded) until the feed applied every stream to its last revision, then
   * reads the read models and compares them with the fold and the effect audit.
   */
  async converge(timeoutMs: number, exclude: ReadonlySet<string> = new Set()): Promise<Convergence> {
    // $all is read below the oldest transaction running anywhere on the server, so right after the
    // last command it may still lack the newest events: fold only once it holds every committed
    // event (the streams table is plain MVCC, without that bound).
    await this.waitFor(
      async () => {
        const { rows } = await this.db.query<{ total: string }>(`SELECT coalesce(sum(revision + 1), 0) AS total FROM ${FAULT_SCHEMAS.store}.streams`);
        return (await this.store.readAll({ maxCount: 1_000_000 })).length === Number(rows[0].total);
      },
      '$all to hold every committed event',
      timeoutMs,
      50,
    );
    const expected = await foldAll(this.store, this.vault, exclude);
    try {
      await waitFor(() => feedCaughtUp(this.db, FAULT_SCHEMAS.projections, this.projectionNames, expected), 'the projector to apply every event of $all', timeoutMs, 100);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await this.diagnose(expected)}\n${this.describeProcesses()}`);
    }
    const actual = await readActual(this.membership.reader);
    const report = await compareExactlyOnce(this.db, AUDIT_TABLE, this.projectionNames, expected, actual);
    return { expected, actual, report };
  }

  /** Where the pipeline stands: store head, relay checkpoint, streams the feed has not reached (for failure messages). */
  private async diagnose(expected: ExpectedReadModels): Promise<string> {
    const head = await this.store.headPosition();
    const { rows } = await this.db.query<{ projection: string; stream_id: string; revision: number }>(`SELECT projection, stream_id, revision FROM ${FAULT_SCHEMAS.projections}.kafka_applied_revisions`);
    const applied = new Map(rows.map((row) => [`${row.projection}|${row.stream_id}`, Number(row.revision)]));
    const behind: string[] = [];
    for (const [stream, length] of expected.streamLengths) {
      for (const projection of this.projectionNames) {
        const revision = applied.get(`${projection}|${stream}`) ?? -1;
        if (revision !== length - 1) behind.push(`${projection} ${stream} at ${revision} of ${length - 1}`);
      }
    }
    const { rows: parked } = await this.db.query(`SELECT stream_id, revision, reason, error FROM ${FAULT_SCHEMAS.projections}.kafka_parked_events`).catch(() => ({ rows: [] }));
    return [
      `store head ${head === 'start' ? 'start' : `C:${head.commit}/P:${head.prepare}`}, relay checkpoint commit ${await this.relayCheckpoint()}`,
      `${behind.length} (projection, stream) pairs behind, e.g. ${behind.slice(0, 6).join('; ')}`,
      `parked: ${JSON.stringify(parked)}`,
    ].join('\n');
  }

  /** The relay's checkpoint (commit position as text), or null before its first batch. */
  async relayCheckpoint(): Promise<string | null> {
    const { rows } = await this.db.query<{ commit_position: string }>(`SELECT commit_position::text AS commit_position FROM ${FAULT_SCHEMAS.relay}.relay_checkpoints`).catch(() => ({ rows: [] }));
    return rows[0]?.commit_position ?? null;
  }

  /** Events the projector has applied so far (rows of the audit for the member directory projection). */
  async appliedCount(): Promise<number> {
    const { rows } = await this.db.query<{ applied: string }>(`SELECT count(*) AS applied FROM ${AUDIT_TABLE} WHERE source = $1`, [`applied:${this.projectionNames[0]}`]);
    return Number(rows[0].applied);
  }

  /** Kills every process, deletes the file's topics, drops its database and compiled files. Never throws. */
  async dispose(): Promise<void> {
    await ServiceProcess.killAll();
    if (this.messaging) {
      const admin = this.messaging.createTopicAdmin();
      const topics = this.topics.allTopics();
      await admin
        .deleteTopics([...topics, ...topics.map((topic) => deadLetterTopic(topic))])
        .catch((error: unknown) => console.warn(`fault suite: could not delete topics of ${this.names.service}: ${String(error)}`));
      await admin.close().catch(() => undefined);
    }
    await this.store?.close().catch(() => undefined);
    await this.db?.close().catch(() => undefined);
    if (this.databaseCreated) await this.admin?.exec(`DROP DATABASE IF EXISTS ${quoteIdentifier(this.databaseName)} WITH (FORCE)`).catch((error: unknown) => console.warn(`fault suite: could not drop ${this.databaseName}: ${String(error)}`));
    await this.admin?.close().catch(() => undefined);
    await rm(this.compiledDir, { recursive: true, force: true });
  }
}
