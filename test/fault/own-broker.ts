import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
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

  /** Stops the broker and deletes its data directory. Never throws (afterAll). */
  async destroy(): Promise<void> {
    if (!this.dataDir) return;
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
