import { open, readFile, rm } from 'node:fs/promises';
import { SqlConnectionError } from './sql-errors';

/** A held lock; `release` removes the lock file (idempotent). */
export interface DataDirectoryLock {
  release(): Promise<void>;
}

/**
 * Claims `<dataDir>.lock` for this process, because PGlite lets only one process use a data
 * directory and does not enforce it itself: two processes on one directory both start and
 * silently lose each other's commits. The file holds the owner's pid; a file left by a process
 * that no longer runs (a crash, kill -9) is taken over.
 * Throws SqlConnectionError naming the other process when it is still running.
 */
export async function lockDataDirectory(dataDir: string): Promise<DataDirectoryLock> {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new SqlConnectionError(
          `the embedded database at ${dataDir} is in use by process ${owner}: PGlite allows one process per data directory (stop it, or choose another SAMABAY_DATA_DIR)`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new SqlConnectionError(`could not claim ${lockFile}: another process keeps creating it`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
