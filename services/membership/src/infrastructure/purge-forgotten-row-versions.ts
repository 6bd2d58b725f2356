import type { SqlDatabase } from '@samabay/sql';
import { readModelTables } from './read-model-schema';

/** SQLSTATE insufficient_privilege: PostgreSQL before 15 lets only a superuser run CHECKPOINT (15+: also pg_checkpoint members). */
const INSUFFICIENT_PRIVILEGE = '42501';

/** Where the SQL vault of @samabay/personal-data keeps its wrapped data keys by default (README, "Key table backups"). */
export const DEFAULT_VAULT_KEY_TABLE = 'vault.data_keys';

/**
 * Physically removes old row versions that still hold a forgotten member's secrets from the table
 * files: in the member directory of read-model `schema` (default membership_rm), her plaintext name,
 * phone, locality, date of birth and nominee, left in dead tuples by every earlier UPDATE of her row
 * (issue: found with grep under data/pglite/base after a forget); in `vaultKeyTable` (schema-qualified,
 * default vault.data_keys; skipped when no such table exists, as with an in-memory vault), her wrapped
 * data key, which with the master key would open every sealed copy again. `VACUUM FULL` rewrites each
 * table and its indexes into new files and drops the old ones; `CHECKPOINT` then lets the server unlink
 * the emptied old files at once rather than at the next timed checkpoint. Works on PGlite and PostgreSQL,
 * outside any transaction. VACUUM FULL holds an ACCESS EXCLUSIVE lock while it rewrites a table
 * (milliseconds for thousands of members; readers wait, nothing fails). What this cannot reach (WAL
 * segments until recycled, backups, replicas) is listed in the README's forgetting section.
 * Throws what the database throws, except a CHECKPOINT refused for want of privilege, which is skipped
 * (the old files are then unlinked at the next checkpoint). Throws Error for a malformed `vaultKeyTable`.
 */
export async function purgeForgottenRowVersions(db: SqlDatabase, schema?: string, vaultKeyTable = DEFAULT_VAULT_KEY_TABLE): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(vaultKeyTable)) throw new Error(`vault key table must be schema.table in lower case, got ${JSON.stringify(vaultKeyTable)}`);
  await db.exec(`VACUUM FULL ${readModelTables(schema).memberDirectory}`);
  const { rows } = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [vaultKeyTable]);
  if (rows[0]?.found) await db.exec(`VACUUM FULL ${vaultKeyTable}`);
  try {
    await db.exec('CHECKPOINT');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== INSUFFICIENT_PRIVILEGE) throw error;
  }
}
