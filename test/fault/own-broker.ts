import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const KAFKA_DIR = path.resolve(__dirname, '../../deploy/kafka');

/**
 * A second single-node broker of the test's own (deploy/kafka/start.sh on other ports, with its own
 * data directory), so a scenario can stop and restart a broker without touching the shared one.
 * Its topics and committed offsets survive a stop/start (same data directory); `destroy()` stops it
 * and deletes the data directory (stop.sh --purge).
 */
export class OwnBroker {
  private dataDir: string | undefined;

  constructor(
    readonly port = 29092,
    readonly controllerPort = 29093,
  ) {}

  /**
   * A broker on two ports the operating system reports free right now (bound to port 0, then
   * released), so that several engineers' or files' own brokers on one machine never collide.
   */
  static async onFreePorts(): Promise<OwnBroker> {
    const servers: Server[] = [createServer(), createServer()];
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    const [port, controllerPort] = servers.map((server) => (server.address() as { port: number }).port);
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    return new OwnBroker(port, controllerPort);
  }

  /** `host:port` of the broker. */
  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Starts the broker (formatting a fresh data directory the first time) and resolves once it answers. Throws with the script's output. */
  async start(): Promise<void> {
    this.dataDir ??= await mkdtemp(path.join(tmpdir(), 'samabay-fault-kafka-'));
    await this.script('start.sh', []);
  }

  /** Stops the broker: controlled shutdown (SIGTERM), or a crash (SIGKILL) with `{ kill: true }`. Keeps the data directory. */
  async stop(options: { kill?: boolean } = {}): Promise<void> {
    await this.script('stop.sh', options.kill ? ['--kill'] : []);
  }

  /**
   * Freezes the broker process (SIGSTOP): it keeps its sockets but answers nothing, as in a long
   * GC pause or a network stall. Requests sent meanwhile wait in its socket buffers and are
   * processed after {@link thaw} — also those whose client already gave up on them.
   */
  async freeze(): Promise<void> {
    process.kill(await this.pid(), 'SIGSTOP');
  }

  /** Lets a frozen broker run again (SIGCONT). */
  async thaw(): Promise<void> {
    process.kill(await this.pid(), 'SIGCONT');
  }

  /** The broker's process id, from start.sh's pid file. Throws when it is not running. */
  private async pid(): Promise<number> {
    const text = await readFile(path.join(KAFKA_DIR, 'target/run', `broker-${this.port}.pid`), 'utf8').catch(() => '');
    const pid = Number(text.trim());
    if (!Number.isSafeInteger(pid) || pid <= 0) throw new Error(`no broker of port ${this.port} is running (no pid file)`);
    return pid;
  }

  /** Stops the broker and deletes its data directory. Never throws (afterAll). */
  async destroy(): Promise<void> {
    if (!this.dataDir) return;
    await this.thaw().catch(() => undefined);
    await this.script('stop.sh', ['--purge']).catch((error: unknown) => console.warn(`fault suite: could not stop the broker on ${this.port}: ${String(error)}`));
  }

  private async script(name: string, args: string[]): Promise<void> {
    const env = { ...process.env, KAFKA_PORT: String(this.port), KAFKA_CONTROLLER_PORT: String(this.controllerPort), KAFKA_DATA_DIR: this.dataDir };
    try {
      await execFileAsync(path.join(KAFKA_DIR, name), args, { env, timeout: 150_000 });
    } catch (error) {
      const failed = error as { stderr?: string; message: string };
      throw new Error(`${name} ${args.join(' ')} failed for port ${this.port}: ${failed.message}\n${failed.stderr ?? ''}`);
    }
  }
}
