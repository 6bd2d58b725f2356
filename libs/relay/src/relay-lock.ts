import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * The lease that makes one relay active per store (DESIGN §6). `tryAcquire` answers at once;
 * `onLost` fires when a held lock is lost (its connection died), after which the holder must stop
 * publishing; `release` gives it up. Implementations: {@link PostgresAdvisoryLock}.
 */
export interface RelayLock {
  /** True when this instance now holds the lock (or already did). Throws when the database cannot be reached. */
  tryAcquire(): Promise<boolean>;
  /** Registers the callback run once when a held lock is lost. */
  onLost(callback: () => void): void;
  /** Gives the lock up and closes its connection. Idempotent. */
  release(): Promise<void>;
}

/** Fixed first key of the two-key advisory lock: ASCII "SBAY", so Samabay's locks are recognisable in pg_locks. */
const LOCK_CLASS_ID = 0x53424159;

/**
 * The 32-bit second key of the advisory lock for `name` (first 4 bytes of its SHA-256, signed).
 * Every relay of one store must use the same name (by default the store's schema).
 */
export function advisoryLockKey(name: string): number {
  return createHash('sha256').update(`samabay.relay:${name}`).digest().readInt32BE(0);
}

/**
 * A PostgreSQL session advisory lock held on a dedicated connection: `pg_try_advisory_lock` never
 * waits, and the server releases the lock the moment the session ends — so when the holder's
 * process dies (even by kill -9) a standby's next attempt succeeds. A connection error or end while
 * holding fires `onLost`. The connection is opened on the first attempt and re-opened after a loss.
 */
export class PostgresAdvisoryLock implements RelayLock {
  private client: Client | undefined;
  private held = false;
  private lostCallbacks: Array<() => void> = [];
  private readonly key: number;

  /** `connectionString`: the store's database; `name`: what the relays of one store share (e.g. its schema). */
  constructor(
    private readonly connectionString: string,
    name: string,
  ) {
    this.key = advisoryLockKey(name);
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connection();
    const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::int4, $2::int4) AS acquired', [LOCK_CLASS_ID, this.key]);
    this.held = rows[0]?.acquired === true;
    return this.held;
  }

  onLost(callback: () => void): void {
    this.lostCallbacks.push(callback);
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    if (!client) return;
    // Ending the session releases the lock; an explicit unlock first keeps it quick when the server is slow to notice.
    await client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', [LOCK_CLASS_ID, this.key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000, application_name: 'samabay-relay-lock' });
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      const wasHeld = this.held;
      this.held = false;
      client.end().catch(() => undefined);
      if (wasHeld) for (const callback of this.lostCallbacks) callback();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }
}
