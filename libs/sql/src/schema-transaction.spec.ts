import type { SqlDatabase, SqlExecutor } from './sql-database';
import { schemaTransaction } from './schema-transaction';

/** A database whose transactions fail with the given errors, in turn, then succeed. */
function failingThen(errors: unknown[]): { db: SqlDatabase; runs: () => number } {
  let runs = 0;
  const db = {
    transaction: async (work: (tx: SqlExecutor) => Promise<unknown>) => {
      runs++;
      const error = errors.shift();
      if (error) throw error;
      return work({} as SqlExecutor);
    },
  } as unknown as SqlDatabase;
  return { db, runs: () => runs };
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('schemaTransaction', () => {
  it('runs the set-up again after a deadlock and succeeds', async () => {
    const { db, runs } = failingThen([deadlock, deadlock]);
    let done = 0;
    await schemaTransaction(db, async () => void done++);
    expect(runs()).toBe(3);
    expect(done).toBe(1);
  });

  it('throws any other error at once', async () => {
    const { db, runs } = failingThen([Object.assign(new Error('syntax error'), { code: '42601' })]);
    await expect(schemaTransaction(db, async () => undefined)).rejects.toThrow('syntax error');
    expect(runs()).toBe(1);
  });

  it('gives up after the last attempt with the deadlock', async () => {
    const { db, runs } = failingThen([deadlock, deadlock, deadlock]);
    await expect(schemaTransaction(db, async () => undefined, 3)).rejects.toBe(deadlock);
    expect(runs()).toBe(3);
  });
});
