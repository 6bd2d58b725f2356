import type { Position } from '@samabay/event-store';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';

/** A projection's stored checkpoint: the full position of the last event it applied, and the projection version it was built with. */
export interface StoredCheckpoint {
  readonly name: string;
  readonly version: number;
  readonly position: Position | 'start';
}

/**
 * The `checkpoints` table of the runner's schema. Positions are stored whole (commit and prepare,
 * numeric(20) so a KurrentDB unsigned 64-bit log position fits); NULLs mean "start".
 * Every write goes through the caller's transaction.
 */
export class CheckpointStore {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.checkpoints`;
  }

  /** Creates the schema and table if absent. */
  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        name text PRIMARY KEY,
        version integer NOT NULL,
        commit_position numeric(20, 0),
        prepare_position numeric(20, 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );`);
  }

  /** All stored checkpoints, keyed by projection name. */
  async readAll(tx: SqlExecutor): Promise<Map<string, StoredCheckpoint>> {
    const { rows } = await tx.query<{ name: string; version: number; commit_position: string | null; prepare_position: string | null }>(
      `SELECT name, version, commit_position::text AS commit_position, prepare_position::text AS prepare_position FROM ${this.table}`,
    );
    return new Map(
      rows.map((row) => [
        row.name,
        {
          name: row.name,
          version: Number(row.version),
          position:
            row.commit_position === null || row.prepare_position === null
              ? 'start'
              : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        },
      ]),
    );
  }

  /** Inserts or overwrites one projection's checkpoint. */
  async write(tx: SqlExecutor, name: string, version: number, position: Position | 'start'): Promise<void> {
    const [commit, prepare] = position === 'start' ? [null, null] : [position.commit.toString(), position.prepare.toString()];
    await tx.query(
      `INSERT INTO ${this.table} (name, version, commit_position, prepare_position, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, commit_position = EXCLUDED.commit_position,
         prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
      [name, version, commit, prepare],
    );
  }
}
