import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lockDataDirectory } from './data-directory-lock';
import { openPglite } from './pglite-database';
import { SqlConnectionError } from './sql-errors';

describe('lockDataDirectory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'samabay-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.lock`, { force: true });
  });

  it('writes the owner pid, refuses a second claim while held and allows one after release', async () => {
    const lock = await lockDataDirectory(dir);
    expect((await readFile(`${dir}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await expect(lockDataDirectory(dir)).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
    await lock.release();
    await (await lockDataDirectory(dir)).release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0']);
    await writeFile(`${dir}.lock`, `${finished.pid}\n`);
    const lock = await lockDataDirectory(dir);
    expect((await readFile(`${dir}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });

  it('keeps a second PGlite off a data directory that is open, with a clear error', async () => {
    const first = await openPglite({ dataDir: dir });
    try {
      const second = openPglite({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(SqlConnectionError);
      await expect(second).rejects.toThrow(/PGlite allows one process per data directory/);
    } finally {
      await first.close();
    }
    const again = await openPglite({ dataDir: dir });
    await again.close();
  });
});
