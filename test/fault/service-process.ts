import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from '../support';

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Options of {@link ServiceProcess}. */
export interface ServiceProcessOptions {
  /** Shown in errors: e.g. 'relay', 'projector-2'. */
  readonly label: string;
  /** The compiled main (absolute path). */
  readonly script: string;
  /** Command-line arguments after the script (a CLI's file and flags). Default none. */
  readonly args?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** A log message (pino `msg`), or the start of a plain output line (`Samabay GraphQL:`), that says the process is ready. */
  readonly readyMessage: string;
  /**
   * Act as the supervisor of the deployment (systemd, Kubernetes): start the process again when it
   * exits on its own (the projector exits 1 when its consumer stops, the relay when it cannot reach
   * the broker at start), after `restartDelayMs`. Default false: an exit of its own stays an exit.
   */
  readonly supervise?: boolean;
  /** Pause before a supervised restart, ms (a supervisor's back-off, not a synchronisation). Default 500. */
  readonly restartDelayMs?: number;
}

/** One parsed pino log line of the process. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const MAX_KEPT_LINES = 5000;

/**
 * A service main (relay, projector) run as a child process of the test, as the single-server
 * topology runs it — or any compiled main (`npm start`'s platform, the register-import CLI). Keeps
 * its pino log lines (parsed) and its plain output lines, can be killed with SIGKILL (a crash: no
 * shutdown hook runs), stopped with SIGTERM or SIGINT (Ctrl-C), restarted, run to its own exit,
 * and optionally supervised. Every process started here is killed by {@link ServiceProcess.killAll}
 * (call it in afterAll).
 */
export class ServiceProcess {
  /** Every instance ever started: a supervised one may be between an exit and its restart, not running. */
  private static readonly started = new Set<ServiceProcess>();
  private child: ChildProcess | undefined;
  private exited: Promise<ProcessExit> | undefined;
  private expectingExit = false;
  private readonly logLines: LogLine[] = [];
  private readonly textLines: string[] = [];
  private readonly rawTail: string[] = [];
  /** Starts so far (the first one included). */
  starts = 0;
  /** Supervised restarts after an exit of the process's own. */
  supervisedRestarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ServiceProcessOptions) {}

  /**
   * Kills (SIGKILL) every process started by any ServiceProcess and still running, and stops the
   * supervision of all of them — also of one waiting to be restarted after an exit of its own,
   * which would otherwise come back after the test and keep Jest from exiting.
   */
  static async killAll(): Promise<void> {
    await Promise.all([...ServiceProcess.started].map((process) => process.kill9()));
  }

  /** The process id, or undefined when not running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Parsed log lines since construction (every start), oldest first. */
  get lines(): readonly LogLine[] {
    return this.logLines;
  }

  /** Output lines (stdout and stderr) that are not pino JSON, since construction (every start), oldest first, whole. */
  get plainLines(): readonly string[] {
    return this.textLines;
  }

  /** True while the process runs. */
  isRunning(): boolean {
    return this.child !== undefined;
  }

  /** Spawns the process and resolves once it logged its ready message; rejects if it exits first or after `timeoutMs`. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error(`${this.options.label} is already running`);
    const readyBefore = this.countReadyLines();
    this.spawnChild();
    await this.waitUntil(() => this.countReadyLines() > readyBefore, `${this.options.label} to log "${this.options.readyMessage}"`, timeoutMs);
  }

  /**
   * Spawns a process meant to end by itself (a CLI, a start-up that is refused) and resolves with
   * its exit; after `timeoutMs` (a liveness bound) it is killed and the promise rejects with its output tail.
   */
  async runToExit(timeoutMs = 60_000): Promise<ProcessExit> {
    if (this.child) throw new Error(`${this.options.label} is already running`);
    this.spawnChild();
    this.expectingExit = true;
    const exited = this.exited as Promise<ProcessExit>;
    try {
      await this.waitUntil(() => this.child === undefined, `${this.options.label} to exit`, timeoutMs);
    } catch (error) {
      await this.kill9();
      throw error;
    }
    return exited;
  }

  private countReadyLines(): number {
    const ready = this.options.readyMessage;
    return this.countLines(ready) + this.textLines.filter((line) => line.startsWith(ready)).length;
  }

  /** Resolves once `condition` holds; rejects with the process's log tail when it does not within `timeoutMs` or the unsupervised process exits. */
  async waitUntil(condition: () => boolean, description: string, timeoutMs: number): Promise<void> {
    try {
      await waitFor(
        () => {
          if (condition()) return true;
          if (!this.child && !this.options.supervise) throw new Error(`${this.options.label} exited while waiting for ${description}`);
          return false;
        },
        description,
        timeoutMs,
        20,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- last output of ${this.options.label} ---\n${this.rawTail.slice(-30).join('\n')}`);
    }
  }

  /** Whether it runs, and its last `lines` lines of output (for failure messages). */
  describe(lines = 25): string {
    return `--- ${this.options.label} (${this.child ? `running, pid ${this.child.pid}` : 'not running'}, started ${this.starts}×) ---\n${this.rawTail.slice(-lines).join('\n')}`;
  }

  /** How many log lines of this process have `msg` containing `text`. */
  countLines(text: string): number {
    return this.logLines.filter((line) => line.msg.includes(text)).length;
  }

  /**
   * The sum of a counter or gauge over all its label sets, read from the running process's
   * GET /metrics (port from its latest log line with a `metricsPort`). Throws when not running.
   */
  async metric(name: string): Promise<number> {
    const ready = [...this.logLines].reverse().find((line) => typeof line.metricsPort === 'number');
    if (!this.child || !ready) throw new Error(`${this.options.label} is not running or logged no metricsPort`);
    const response = await fetch(`http://127.0.0.1:${ready.metricsPort as number}/metrics`);
    const text = await response.text();
    const pattern = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm');
    return [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
  }

  /**
   * A crash: SIGKILL, no shutdown hook runs; resolves once the process is gone, with its exit
   * (undefined when it was not running). Supervision stops. Safe when not running.
   */
  async kill9(): Promise<ProcessExit | undefined> {
    return this.end('SIGKILL');
  }

  /**
   * A clean stop: `signal` (SIGTERM, or SIGINT as Ctrl-C sends), then SIGKILL after `timeoutMs`;
   * resolves with the exit (undefined when it was not running). Supervision stops. Safe when not running.
   */
  async stop(timeoutMs = 20_000, signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM'): Promise<ProcessExit | undefined> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) return this.end('SIGKILL');
    this.expectingExit = true;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  }

  private async end(signal: NodeJS.Signals): Promise<ProcessExit | undefined> {
    this.expectingExit = true;
    clearTimeout(this.restartTimer);
    const { child, exited } = this;
    if (!child || !exited) return undefined;
    child.kill(signal);
    return exited;
  }

  private spawnChild(): void {
    this.expectingExit = false;
    this.starts++;
    const child = spawn(process.execPath, [this.options.script, ...(this.options.args ?? [])], { env: this.options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    ServiceProcess.started.add(this);
    const collect = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const part of parts) this.record(part);
      });
      stream.on('end', () => this.record(pending));
    };
    collect(child.stdout as NodeJS.ReadableStream);
    collect(child.stderr as NodeJS.ReadableStream);
    this.exited = new Promise<ProcessExit>((resolve) => {
      // 'close', not 'exit': every line it wrote has been read by then (a CLI's summary, a refused start's message).
      child.once('close', (code, signal) => {
        this.child = undefined;
        this.rawTail.push(`[${this.options.label} exited: code ${code}, signal ${signal}]`);
        if (!this.expectingExit && this.options.supervise) {
          this.supervisedRestarts++;
          this.restartTimer = setTimeout(() => {
            if (!this.expectingExit && !this.child) this.spawnChild();
          }, this.options.restartDelayMs ?? 500);
        }
        resolve({ code, signal });
      });
    });
  }

  private record(text: string): void {
    if (text.trim() === '') return;
    this.rawTail.push(text.length > 600 ? `${text.slice(0, 600)}…` : text);
    if (this.rawTail.length > 200) this.rawTail.shift();
    try {
      const parsed = JSON.parse(text) as LogLine;
      if (typeof parsed.msg === 'string') {
        this.logLines.push(parsed);
        if (this.logLines.length > MAX_KEPT_LINES) this.logLines.shift();
      } else this.keepText(text);
    } catch {
      // not a pino line (a start-up failure on stderr, a CLI's output)
      this.keepText(text);
    }
  }

  private keepText(text: string): void {
    this.textLines.push(text);
    if (this.textLines.length > MAX_KEPT_LINES) this.textLines.shift();
  }
}
