import type { PGlite, Transaction } from '@electric-sql/pglite';
import { lockDataDirectory, type DataDirectoryLock } from './data-directory-lock';
import type { SqlDatabase, SqlExecutor, SqlListener, SqlResult } from './sql-database';
import { quoteIdentifier } from './sql-database';
import { SqlConnectionError, mapConnectionFailure } from './sql-errors';
import { keepAsText, PG_TYPE_OIDS } from './type-parsing';

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /** Directory of the database files; undefined = in-memory (lost on close). */
  readonly dataDir?: string;
}

/**
 * Opens embedded PostgreSQL (PGlite, WebAssembly; ~3 s to start). One connection only: PGlite runs
 * one statement at a time and `transaction` (PGlite's own) holds it until COMMIT, so other queries
 * wait. Only one process may open a data directory: `<dataDir>.lock` (the owner's pid) enforces it,
 * and a second process gets SqlConnectionError naming the first. Row types match {@link openPostgres} (see
 * type-parsing.ts). Durability is PGlite's default (each commit is flushed; relaxedDurability off).
 * Throws SqlConnectionError when the directory cannot be opened, and on calls after `close`.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<SqlDatabase> {
  const where = options.dataDir === undefined ? 'in-memory PGlite' : `PGlite at ${options.dataDir}`;
  const lock = options.dataDir === undefined ? undefined : await lockDataDirectory(options.dataDir);
  try {
    // PGlite ships ES modules that load WebAssembly; a dynamic import keeps CommonJS callers working.
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({
      dataDir: options.dataDir,
      parsers: { [PG_TYPE_OIDS.int8]: keepAsText, [PG_TYPE_OIDS.date]: keepAsText, [PG_TYPE_OIDS.numeric]: keepAsText },
    });
    return new PgliteDatabase(db, where, lock);
  } catch (error) {
    await lock?.release();
    throw new SqlConnectionError(`cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;

  constructor(
    private readonly db: PGlite,
    private readonly where: string,
    private readonly lock?: DataDirectoryLock,
  ) {}

  async query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    this.assertOpen();
    return this.guard(async () => toResult<Row>(await this.db.query<Row>(text, params as unknown[] | undefined)));
  }

  async exec(text: string): Promise<void> {
    this.assertOpen();
    return this.guard(async () => void (await this.db.exec(text)));
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.guard(() => this.db.transaction((tx) => work(transactionExecutor(tx))));
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<SqlListener> {
    this.assertOpen();
    const unsubscribe = await this.guard(() => this.db.listen(quoteIdentifier(channel).slice(1, -1), onNotify));
    let active = true;
    return {
      unlisten: async () => {
        if (!active || this.db.closed) return;
        active = false;
        await unsubscribe();
      },
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    await this.lock?.release();
  }

  private assertOpen(): void {
    if (this.db.closed) throw new SqlConnectionError(`${this.where} is closed`);
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (this.db.closed) throw new SqlConnectionError(`${this.where} was closed during the operation`, { cause: error });
      return mapConnectionFailure(error, `${this.where} failed`);
    }
  }
}

function transactionExecutor(tx: Transaction): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      return toResult<Row>(await tx.query<Row>(text, params as unknown[] | undefined));
    },
    async exec(text: string) {
      await tx.exec(text);
    },
  };
}

function toResult<Row>(result: { rows: Row[]; affectedRows?: number }): SqlResult<Row> {
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}
