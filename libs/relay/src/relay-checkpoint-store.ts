import type { Position } from '@samabay/event-store';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';

/**
 * The relay's checkpoint: the full position (commit, prepare) of the last event Kafka acknowledged,
 * in `<schema>.relay_checkpoints` of the store's database, one row per relay name.
 * Writes only move a checkpoint forwards, so a deposed relay finishing a late batch can never
 * rewind it below what its successor published (it would only cause duplicates, never a loss).
 */
export class RelayCheckpointStore {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.relay_checkpoints`;
  }

  /** Creates the schema and table if absent. */
  async setup(db: SqlExecutor): Promise<void> {
    await db.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        name text PRIMARY KEY,
        commit_position numeric(20, 0) NOT NULL,
        prepare_position numeric(20, 0) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`);
  }

  /** The stored checkpoint of relay `name`, or 'start' when it never published. */
  async read(db: SqlExecutor, name: string): Promise<Position | 'start'> {
    const { rows } = await db.query<{ commit_position: string; prepare_position: string }>(
      `SELECT commit_position::text AS commit_position, prepare_position::text AS prepare_position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    const row = rows[0];
    return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : 'start';
  }

  /** Stores `position` for relay `name` unless the stored one is already at or beyond it. */
  async advance(db: SqlExecutor, name: string, position: Position): Promise<void> {
    await db.query(
      `INSERT INTO ${this.table} AS checkpoint (name, commit_position, prepare_position, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()
       WHERE (checkpoint.commit_position, checkpoint.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
      [name, position.commit.toString(), position.prepare.toString()],
    );
  }
}
