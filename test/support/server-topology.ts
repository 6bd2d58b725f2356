import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createKafkaMessaging, DEFAULT_MESSAGING_CONFIG, deadLetterTopic } from '@samabay/messaging';
import { CategoryTopics } from '@samabay/relay';
import { openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { postgresTestUrl } from './environment';
import { kafkaTestNames, type KafkaTestNames } from './kafka';
import { freePorts } from './ports';
import { waitFor } from './timing';

const execFileAsync = promisify(execFile);
/** The repository root, from test/support or from its compiled copy dist/test/support (benchmarks). */
const ROOT = [path.resolve(__dirname, '../..'), path.resolve(__dirname, '../../..')].find((dir) => existsSync(path.join(dir, 'tools/start-server.mjs'))) as string;

/** Options of {@link ServerTopology.start}. */
export interface ServerTopologyOptions {
  /** Lower-case letters, digits and '-': names the database, topics and groups of the file. */
  readonly tag: string;
  readonly brokers: readonly string[];
  /** SAMABAY_CONSISTENCY_TIMEOUT_MS of the gateway and the services. */
  readonly consistencyTimeoutMs: number;
  /** Run the code already built there (npm run build: `<root>/dist`) instead of compiling a private copy. */
  readonly builtDir?: string;
  /** PostgreSQL server URL (a database is created on it). Default SAMABAY_TEST_POSTGRES_URL. */
  readonly postgresUrl?: string;
}

/** How the supervisor ended. */
export interface SupervisorExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * The single-server topology as `npm run start:server` runs it, for one test file: a fresh
 * PostgreSQL database, topic and group names no other file uses, the code compiled into a private
 * directory (test/fault/compile-services.mjs --all; or a build given as `builtDir`), and
 * tools/start-server.mjs started on it with
 * free ports — relay, projector, membership, savings and lending services and gateway as six
 * processes under the supervisor. `stop()` sends the supervisor SIGTERM (as Ctrl-C would) and
 * resolves with its exit; `dispose()` kills whatever still runs, deletes topics and the database.
 */
export class ServerTopology {
  readonly names: KafkaTestNames;
  readonly jwtSecret = randomBytes(32).toString('base64');
  readonly masterKey = randomBytes(32).toString('base64');
  /** GraphQL URL of the gateway process, once started. */
  url = '';
  /** TCP ports the three services answer commands on (127.0.0.1). */
  rpcPorts: Readonly<Record<'membership' | 'savings' | 'lending', number>> = { membership: 0, savings: 0, lending: 0 };
  private readonly output: string[] = [];
  private supervisor: ChildProcess | undefined;
  private exited: Promise<SupervisorExit> | undefined;
  private admin: SqlDatabase | undefined;
  private databaseCreated = false;
  private readonly databaseName: string;
  private readonly databaseUrl: string;
  private readonly compiledDir: string;
  private env: NodeJS.ProcessEnv = {};

  private constructor(private readonly options: ServerTopologyOptions) {
    this.names = kafkaTestNames(options.tag);
    const unique = randomBytes(6).toString('hex');
    this.databaseName = `server_${options.tag.replace(/-/g, '_')}_${unique}`;
    const url = new URL(options.postgresUrl ?? (postgresTestUrl() as string));
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    this.compiledDir = options.builtDir ?? path.join(ROOT, 'tmp', `server-topology-${unique}`);
  }

  /** Creates the database, compiles, and starts the supervisor; resolves once it says the topology runs. */
  static async start(options: ServerTopologyOptions): Promise<ServerTopology> {
    const topology = new ServerTopology(options);
    await topology.setUp();
    return topology;
  }

  /** The output of the supervisor (prefixed lines of all six processes), last `lines` lines. */
  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  /** Lines of the output that contain `text`. */
  linesWith(text: string): string[] {
    return this.output.filter((line) => line.includes(text));
  }

  private async setUp(): Promise<void> {
    const compiling = this.options.builtDir ? Promise.resolve() : execFileAsync(process.execPath, [path.join(ROOT, 'test/fault/compile-services.mjs'), this.compiledDir, '--all'], { cwd: ROOT });
    this.admin = await openPostgres({ connectionString: this.options.postgresUrl ?? (postgresTestUrl() as string), maxConnections: 1 });
    await this.admin.exec(`CREATE DATABASE ${quoteIdentifier(this.databaseName)}`);
    this.databaseCreated = true;
    const [membershipPort, savingsPort, lendingPort] = await freePorts(3);
    this.rpcPorts = { membership: membershipPort, savings: savingsPort, lending: lendingPort };
    await compiling;
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      SAMABAY_DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: this.options.brokers.join(','),
      KAFKA_PARTITIONS: '3',
      SAMABAY_TOPIC_NAMESPACE: this.names.service,
      SAMABAY_PROJECTOR_GROUP: this.names.group('projector'),
      SAMABAY_METRICS_PORT: '0',
      SAMABAY_MEMBERSHIP_METRICS_PORT: '0',
      SAMABAY_SAVINGS_METRICS_PORT: '0',
      SAMABAY_LENDING_METRICS_PORT: '0',
      SAMABAY_HOST: '127.0.0.1',
      SAMABAY_PORT: '0',
      SAMABAY_MEMBERSHIP_RPC_PORT: String(membershipPort),
      SAMABAY_SAVINGS_RPC_PORT: String(savingsPort),
      SAMABAY_LENDING_RPC_PORT: String(lendingPort),
      SAMABAY_JWT_SECRET: this.jwtSecret,
      SAMABAY_MASTER_KEY: this.masterKey,
      SAMABAY_CONSISTENCY_TIMEOUT_MS: String(this.options.consistencyTimeoutMs),
      SAMABAY_DATA_DIR: path.join(ROOT, 'tmp'),
      // info: the supervisor waits for the processes' ready lines, logged at info.
      SAMABAY_LOG_LEVEL: 'info',
    };
    const child = this.spawnSupervisor(this.env);
    this.supervisor = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr] as NodeJS.ReadableStream[]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const part of parts) this.output.push(part.length > 800 ? `${part.slice(0, 800)}…` : part);
        if (this.output.length > 20_000) this.output.splice(0, 10_000);
      });
    }
    let ended = false;
    this.exited.then(() => (ended = true));
    await waitFor(
      () => {
        if (ended) throw new Error(`the supervisor exited during start-up:\n${this.tail()}`);
        return this.output.some((line) => line.startsWith('[supervisor] single-server topology running'));
      },
      'the single-server topology to start',
      180_000,
      50,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${this.tail()}`);
    });
    const announced = this.output.map((line) => /Samabay GraphQL: (\S+)/.exec(line)).find(Boolean);
    if (!announced) throw new Error(`the gateway announced no URL:\n${this.tail()}`);
    this.url = announced[1].replace('//localhost:', '//127.0.0.1:');
  }

  private spawnSupervisor(env: NodeJS.ProcessEnv): ChildProcess {
    return spawn(process.execPath, [path.join(ROOT, 'tools/start-server.mjs'), '--dist', this.compiledDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /**
   * Runs the supervisor once more on the same database and code with `overrides` in its environment
   * (after stop(): a start that is meant to fail) and resolves with its exit and output once it exits
   * (at most `timeoutMs`, then it is killed and the promise rejects).
   */
  async runSupervisorUntilExit(overrides: NodeJS.ProcessEnv, timeoutMs: number): Promise<SupervisorExit & { output: string }> {
    const child = this.spawnSupervisor({ ...this.env, ...overrides });
    let output = '';
    for (const stream of [child.stdout, child.stderr] as NodeJS.ReadableStream[]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (output += chunk));
    }
    const exited = new Promise<SupervisorExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the supervisor did not exit within ${timeoutMs} ms:\n${output.slice(-4000)}`));
      }, timeoutMs);
    });
    try {
      return { ...(await Promise.race([exited, timedOut])), output };
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM to the supervisor (what Ctrl-C does); resolves with its exit status once every process stopped. */
  async stop(): Promise<SupervisorExit> {
    if (!this.supervisor || !this.exited) throw new Error('the topology is not running');
    this.supervisor.kill('SIGTERM');
    return this.exited;
  }

  /** Process ids of the topology's processes still alive (from the supervisor's start line). */
  pids(): number[] {
    const line = this.output.find((text) => text.startsWith('[supervisor] single-server topology running')) ?? '';
    return [...line.matchAll(/pid (\d+)/g)].map((match) => Number(match[1]));
  }

  /** Kills whatever still runs, deletes the topics and the database, removes the compiled files. Tolerates a failed start. */
  async dispose(): Promise<void> {
    if (this.supervisor && this.supervisor.exitCode === null && this.supervisor.signalCode === null) {
      this.supervisor.kill('SIGTERM');
      const timer = setTimeout(() => this.supervisor?.kill('SIGKILL'), 30_000);
      await this.exited;
      clearTimeout(timer);
    }
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const messaging = createKafkaMessaging(
      { ...DEFAULT_MESSAGING_CONFIG, brokers: this.options.brokers, clientId: `server-${this.names.service}`, partitions: 3 },
      { logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } },
    );
    const admin = messaging.createTopicAdmin();
    const topics = new CategoryTopics({ namespace: this.names.service }).allTopics();
    await admin.deleteTopics([...topics, ...topics.map((topic) => deadLetterTopic(topic))]).catch((error: unknown) => console.warn(`server suite: could not delete topics: ${String(error)}`));
    await admin.close().catch(() => undefined);
    if (this.databaseCreated) await this.admin?.exec(`DROP DATABASE IF EXISTS ${quoteIdentifier(this.databaseName)} WITH (FORCE)`).catch((error: unknown) => console.warn(`server suite: could not drop ${this.databaseName}: ${String(error)}`));
    await this.admin?.close().catch(() => undefined);
    if (!this.options.builtDir) await rm(this.compiledDir, { recursive: true, force: true });
  }
}
