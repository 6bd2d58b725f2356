import { Pool, types as pgTypes, type PoolClient, type PoolConfig } from 'pg';
import type { SqlDatabase, SqlExecutor, SqlListener, SqlResult } from './sql-database';
import { mapConnectionFailure, isConnectionFailure } from './sql-errors';
import { keepAsText, PG_TYPE_OIDS } from './type-parsing';
import { PostgresNotificationListener } from './postgres-listener';

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** libpq-style URL, e.g. postgres://postgres@127.0.0.1:5432/test. */
  readonly connectionString: string;
  /** Pool size (default 10); one more connection is opened for LISTEN when first needed. */
  readonly maxConnections?: number;
}

/**
 * Opens a PostgreSQL database through a pg Pool and checks it answers (`SELECT 1`).
 * Queries run on any pooled connection; `transaction` runs BEGIN … COMMIT on one checked-out
 * connection (READ COMMITTED, server defaults otherwise: synchronous_commit is never relaxed);
 * `listen` uses one dedicated connection. Row types: see type-parsing.ts (int8/numeric as string,
 * date as 'YYYY-MM-DD'). Throws SqlConnectionError (no password in the message) when the server
 * cannot be reached, at open and on any later call.
 */
export async function openPostgres(options: PostgresOptions): Promise<SqlDatabase> {
  const target = describeTarget(options.connectionString);
  const config: PoolConfig = {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (isTextOverride(oid) ? keepAsText : pgTypes.getTypeParser(oid, format))) as typeof pgTypes.getTypeParser },
  };
  const pool = new Pool(config);
  // An idle pooled client that loses its connection emits 'error' on the pool; without a handler
  // Node would crash. The next checkout simply opens a new connection.
  pool.on('error', () => undefined);
  const database = new PostgresDatabase(pool, new PostgresNotificationListener(config, target), target);
  try {
    await database.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return database;
}

function isTextOverride(oid: number): boolean {
  return oid === PG_TYPE_OIDS.date || oid === PG_TYPE_OIDS.int8 || oid === PG_TYPE_OIDS.numeric;
}

/** "PostgreSQL at host:port/database" from a connection string, without user or password. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || ''}`;
  } catch {
    return 'PostgreSQL (unparseable connection string)';
  }
}

class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly listener: PostgresNotificationListener,
    private readonly target: string,
  ) {}

  async query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    try {
      return toResult<Row>(await this.pool.query(text, params as unknown[] | undefined));
    } catch (error) {
      return mapConnectionFailure(error, `cannot query ${this.target}`);
    }
  }

  async exec(text: string): Promise<void> {
    try {
      await this.pool.query(text);
    } catch (error) {
      mapConnectionFailure(error, `cannot query ${this.target}`);
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      return mapConnectionFailure(error, `cannot connect to ${this.target}`);
    }
    let failure: unknown;
    // A checked-out client whose connection dies emits 'error'; unhandled, Node would crash. The
    // failing query rejects as well, which is what the caller sees.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const result = await work(clientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failure = error;
      await client.query('ROLLBACK').catch(() => undefined);
      return mapConnectionFailure(error, `transaction on ${this.target} failed`);
    } finally {
      client.off('error', ignore);
      // A client whose connection broke is destroyed rather than returned to the pool.
      client.release(isConnectionFailure(failure) ? (failure as Error) : undefined);
    }
  }

  listen(channel: string, onNotify: (payload: string) => void): Promise<SqlListener> {
    return this.listener.listen(channel, onNotify);
  }

  /** Closes the listener connection and the pool. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.close();
    await this.pool.end();
  }
}

function clientExecutor(client: PoolClient): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      return toResult<Row>(await client.query(text, params as unknown[] | undefined));
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

function toResult<Row>(result: { rows: unknown[]; rowCount: number | null }): SqlResult<Row> {
  return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
}
