// The build and the token CLI as `npm run token` runs them: build chatter on stderr, the token alone on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// Inside the repository (tmp/ is git-ignored) so the built code resolves node_modules; never dist/, which other runs use.
mkdirSync(path.join(root, 'tmp'), { recursive: true });
const out = mkdtempSync(path.join(root, 'tmp', 'build-spec-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('tools/build.mjs', () => {
  it('writes nothing on stdout, so the tool run after it owns stdout', () => {
    const build = spawnSync(process.execPath, [path.join(root, 'tools/build.mjs')], { cwd: root, env: { ...process.env, SAMABAY_BUILD_DIR: out }, encoding: 'utf8' });
    expect(build.status).toBe(0);
    expect(build.stdout).toBe('');
    expect(build.stderr).toMatch(/^built \d+ files into /);
    expect(existsSync(path.join(out, 'tools/staff-token/src/main.js'))).toBe(true);

    const token = execFileSync(process.execPath, [path.join(out, 'tools/staff-token/src/main.js'), '--user', 'teller-7', '--role', 'teller', '--branch', 'KLG'], {
      env: { ...process.env, SAMABAY_JWT_SECRET: 'q'.repeat(40) },
      encoding: 'utf8',
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
  }, 120_000);
});
