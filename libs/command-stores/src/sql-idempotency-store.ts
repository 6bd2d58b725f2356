import { quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import type { IdempotencyRecord, IdempotencyStore, StoredCommandAnswer } from '@samabay/domain-kit';

/** Options of {@link createSqlIdempotencyStore}. */
export interface SqlIdempotencyStoreOptions {
  readonly db: SqlDatabase;
  /** Schema of the `idempotency_records` table; created if absent. Default 'commands'. */
  readonly schema?: string;
}

interface RecordRow {
  idempotency_key: string;
  scope: string;
  command_type: string;
  command_hash: string;
  answer: StoredCommandAnswer | string;
  recorded_at: Date | string;
}

/**
 * An IdempotencyStore in PostgreSQL or PGlite: table `<schema>.idempotency_records` with primary
 * key (idempotency_key, scope); `record` is INSERT … ON CONFLICT DO NOTHING followed by a re-read,
 * so concurrent writers of one key all see the first record; `findMany` / `recordMany` do the same
 * for a command batch in one statement each. Creates schema and table if absent
 * (under a transaction-scoped advisory lock, so processes starting together do not race).
 * Throws Error for an invalid schema name; database errors propagate.
 */
export async function createSqlIdempotencyStore(options: SqlIdempotencyStoreOptions): Promise<IdempotencyStore> {
  const schema = quoteIdentifier(options.schema ?? 'commands');
  const table = `${schema}.idempotency_records`;
  const { db } = options;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samabay.idempotency.${schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${table} (
        idempotency_key text NOT NULL,
        scope text NOT NULL,
        command_type text NOT NULL,
        command_hash text NOT NULL,
        answer jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (idempotency_key, scope)
      );`);
  });

  const select = `SELECT idempotency_key, scope, command_type, command_hash, answer, recorded_at FROM ${table} WHERE idempotency_key = $1 AND scope = $2`;

  async function find(idempotencyKey: string, scope: string): Promise<IdempotencyRecord | null> {
    const { rows } = await db.query<RecordRow>(select, [idempotencyKey, scope]);
    return rows.length === 0 ? null : fromRow(rows[0]);
  }

  async function findMany(keys: ReadonlyArray<{ readonly idempotencyKey: string; readonly scope: string }>): Promise<Array<IdempotencyRecord | null>> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<RecordRow>(
      `SELECT r.idempotency_key, r.scope, r.command_type, r.command_hash, r.answer, r.recorded_at
       FROM unnest($1::text[], $2::text[]) AS k(idempotency_key, scope)
       JOIN ${table} AS r ON r.idempotency_key = k.idempotency_key AND r.scope = k.scope`,
      [keys.map((key) => key.idempotencyKey), keys.map((key) => key.scope)],
    );
    const found = new Map(rows.map((row) => [JSON.stringify([row.idempotency_key, row.scope]), fromRow(row)]));
    return keys.map((key) => found.get(JSON.stringify([key.idempotencyKey, key.scope])) ?? null);
  }

  return {
    find,
    findMany,
    async recordMany(records) {
      if (records.length === 0) return [];
      const { rows } = await db.query<{ idempotency_key: string; scope: string }>(
        `INSERT INTO ${table} (idempotency_key, scope, command_type, command_hash, answer, recorded_at)
         SELECT r.value->>'idempotencyKey', r.value->>'scope', r.value->>'commandType', r.value->>'commandHash', r.value->'answer', (r.value->>'recordedAt')::timestamptz
         FROM jsonb_array_elements($1::jsonb) AS r(value)
         ON CONFLICT (idempotency_key, scope) DO NOTHING
         RETURNING idempotency_key, scope`,
        [JSON.stringify(records)],
      );
      // Only the keys recorded earlier (by another writer) are read back.
      const written = new Set(rows.map((row) => JSON.stringify([row.idempotency_key, row.scope])));
      const earlier = records.filter((record) => !written.has(JSON.stringify([record.idempotencyKey, record.scope])));
      const stored = new Map((await findMany(earlier)).map((record, index) => [JSON.stringify([earlier[index].idempotencyKey, earlier[index].scope]), record]));
      return records.map((record) => {
        const key = JSON.stringify([record.idempotencyKey, record.scope]);
        if (written.has(key)) return record;
        const found = stored.get(key);
        if (!found) throw new Error('idempotency record vanished between insert and read');
        return found;
      });
    },
    async record(record) {
      const inserted = await db.query(
        `INSERT INTO ${table} (idempotency_key, scope, command_type, command_hash, answer, recorded_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (idempotency_key, scope) DO NOTHING`,
        [record.idempotencyKey, record.scope, record.commandType, record.commandHash, JSON.stringify(record.answer), record.recordedAt],
      );
      if (inserted.affectedRows === 1) return record;
      const stored = await find(record.idempotencyKey, record.scope);
      if (!stored) throw new Error('idempotency record vanished between insert and read');
      return stored;
    },
  };
}

function fromRow(row: RecordRow): IdempotencyRecord {
  return {
    idempotencyKey: row.idempotency_key,
    scope: row.scope,
    commandType: row.command_type,
    commandHash: row.command_hash,
    answer: typeof row.answer === 'string' ? (JSON.parse(row.answer) as StoredCommandAnswer) : row.answer,
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at.toISOString() : new Date(row.recorded_at).toISOString(),
  };
}
