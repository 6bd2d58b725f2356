import type { SqlDatabase } from '@samabay/sql';
import { readModelTables } from './read-model-schema';

/** SQLSTATE insufficient_privilege: PostgreSQL before 15 lets only a superuser run CHECKPOINT (15+: also pg_checkpoint members). */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Physically removes the old row versions of the member directory in `schema` (read-model schema,
 * default membership_rm), so that a forgotten member's plaintext name, phone, locality, date of birth
 * and nominee, still present in dead tuples left by every earlier UPDATE of her row, leave the table's
 * files (issue: plaintext found with grep under data/pglite/base after a forget). `VACUUM FULL` rewrites
 * the table and its indexes into new files and drops the old ones; `CHECKPOINT` then lets the server
 * unlink the emptied old files at once rather than at the next timed checkpoint. Works on PGlite and
 * PostgreSQL; both run outside any transaction. VACUUM FULL holds an ACCESS EXCLUSIVE lock on the
 * directory while it rewrites it (milliseconds for thousands of members; readers wait, nothing fails).
 * What this cannot reach (WAL segments until recycled, backups, replicas' WAL) is listed in the README's
 * "Forgetting a member" section. Throws what the database throws, except a CHECKPOINT refused for
 * want of privilege, which is skipped (the old files are then unlinked at the next checkpoint).
 */
export async function purgeForgottenRowVersions(db: SqlDatabase, schema?: string): Promise<void> {
  await db.exec(`VACUUM FULL ${readModelTables(schema).memberDirectory}`);
  try {
    await db.exec('CHECKPOINT');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== INSUFFICIENT_PRIVILEGE) throw error;
  }
}
