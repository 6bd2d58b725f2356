import { Client, type ClientConfig } from 'pg';
import type { SqlListener } from './sql-database';
import { mapConnectionFailure } from './sql-errors';
import { quoteIdentifier } from './sql-database';

type Callback = (payload: string) => void;

/**
 * LISTEN/NOTIFY for the pg adapter on one dedicated connection (never a pooled one: a pooled client
 * goes back to the pool and would silently stop listening). Channels are multiplexed: the first
 * listener of a channel issues LISTEN, the last `unlisten` issues UNLISTEN. When the connection is
 * lost it reconnects on the next `listen`, or after `reconnectDelayMs` while channels are in use;
 * notifications sent meanwhile are lost, so consumers must also poll (the event store does).
 */
export class PostgresNotificationListener {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly callbacks = new Map<string, Set<Callback>>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly describeTarget: string,
    private readonly reconnectDelayMs = 1000,
  ) {}

  /** Registers `onNotify` for `channel` (a lower-case identifier). Throws SqlConnectionError when unreachable. */
  async listen(channel: string, onNotify: Callback): Promise<SqlListener> {
    quoteIdentifier(channel);
    if (this.closed) throw new Error('the database has been closed');
    let set = this.callbacks.get(channel);
    const first = !set;
    if (!set) this.callbacks.set(channel, (set = new Set()));
    set.add(onNotify);
    try {
      const client = await this.connected();
      if (first) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      this.remove(channel, onNotify);
      mapConnectionFailure(error, `cannot LISTEN on ${this.describeTarget}`);
    }
    let active = true;
    return {
      unlisten: async () => {
        if (!active) return;
        active = false;
        if (this.remove(channel, onNotify) && this.client) {
          await this.client.query(`UNLISTEN ${quoteIdentifier(channel)}`).catch(() => undefined);
        }
      },
    };
  }

  /** Closes the dedicated connection; registered callbacks receive nothing more. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.callbacks.clear();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Removes one callback; true when the channel has no listener left. */
  private remove(channel: string, onNotify: Callback): boolean {
    const set = this.callbacks.get(channel);
    if (!set) return false;
    set.delete(onNotify);
    if (set.size > 0) return false;
    this.callbacks.delete(channel);
    return true;
  }

  private connected(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client(this.config);
    client.on('notification', (message) => {
      for (const callback of this.callbacks.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.callbacks.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    if (this.closed) {
      await client.end();
      throw new Error('the database has been closed');
    }
    this.client = client;
    return client;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.callbacks.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connected().catch(() => this.scheduleReconnect());
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }
}
