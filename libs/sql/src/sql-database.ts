/**
 * The project's minimal SQL port, implemented by node-postgres (`pg`) and PGlite so that the
 * event store, projections, key store and idempotency records share one SQL implementation.
 */

/** One result of a query: rows as plain objects; `affectedRows` for INSERT/UPDATE/DELETE. */
export interface SqlResult<Row> {
  rows: Row[];
  affectedRows: number;
}

/** Something that runs parameterised SQL (`$1`, `$2`, …): a pool, a connection or a transaction. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** Runs several statements without parameters (DDL, migrations). */
  exec(text: string): Promise<void>;
}

/** A notification listener registration; `unlisten` stops delivery. */
export interface SqlListener {
  unlisten(): Promise<void>;
}

/**
 * A database: runs queries, transactions (committed when `work` resolves, rolled back when it
 * throws) and LISTEN/NOTIFY (delivered after the notifying transaction commits). `close` releases
 * every connection. Both adapters return the same JavaScript types (int8 and numeric as string,
 * date as 'YYYY-MM-DD', timestamptz as Date, json/jsonb parsed: see type-parsing.ts) and throw
 * SqlConnectionError when the database cannot be reached or has been closed.
 */
export interface SqlDatabase extends SqlExecutor {
  /** 'postgres' for a server reached through pg, 'pglite' for the embedded engine. */
  readonly kind: 'postgres' | 'pglite';
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<SqlListener>;
  close(): Promise<void>;
}

/** Quotes an SQL identifier (schema, table) after checking it is a plain lower-case name. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`invalid SQL identifier "${name}": use lower-case letters, digits and _`);
  }
  return `"${name}"`;
}
