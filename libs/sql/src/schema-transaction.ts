import type { SqlDatabase, SqlExecutor } from './sql-database';

/** SQLSTATE 40P01: PostgreSQL's deadlock detector aborted this transaction to break a lock cycle. */
const DEADLOCK_DETECTED = '40P01';

/**
 * Runs schema set-up (CREATE … IF NOT EXISTS, ADD COLUMN IF NOT EXISTS) in one transaction,
 * starting it again when PostgreSQL aborts it as a deadlock victim. A second projector joining a
 * running one takes table locks for its DDL while the first one's transactions write those tables,
 * and the detector then aborts one of them: the set-up is idempotent and has written nothing, so
 * running it again is the standard remedy (PostgreSQL manual, "Deadlocks": retry the transaction).
 * At most `attempts` runs, 20 ms × attempt apart; any other error, or the last deadlock, is thrown.
 */
export async function schemaTransaction(db: SqlDatabase, work: (tx: SqlExecutor) => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction(work);
      return;
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown } | null)?.code !== DEADLOCK_DETECTED) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
