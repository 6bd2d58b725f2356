import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { ServiceProcess } from '../fault/service-process';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');

/**
 * Compiles the repository as `npm run build` does (tools/build.mjs) into a fresh directory under
 * tmp/ — inside the repository so the compiled code resolves node_modules, never the shared dist/
 * that other runs use — and returns it. Throws with the build's output when it fails.
 */
export function buildLikeNpm(label: string): string {
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, 'tmp', `${label}-`));
  const build = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], { cwd: ROOT, env: { ...process.env, SAMABAY_BUILD_DIR: out }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tools/build.mjs failed (status ${build.status}):\n${build.stdout}\n${build.stderr}`);
  return out;
}

/**
 * The single-node platform as `npm start` runs it after the build: `node <built>/gateway/src/main.js`
 * with only PATH, HOME and `env` in its environment (no NODE_ENV: development, as in a shell). Ready
 * once it printed the last line of its announcement, `Development secrets: <file>` (printed after the
 * URL and the token when the secrets come from the data directory, as they do without
 * SAMABAY_JWT_SECRET and SAMABAY_MASTER_KEY). Start it with `start()`; read what it printed with {@link announced}.
 */
export function singleNodePlatform(builtDir: string, env: NodeJS.ProcessEnv, label = 'platform'): ServiceProcess {
  return new ServiceProcess({
    label,
    script: path.join(builtDir, 'gateway/src/main.js'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    readyMessage: 'Development secrets: ',
  });
}

/** What the platform printed at its latest start: the GraphQL URL as shown and the development token (undefined when none). */
export function announced(platform: ServiceProcess): { shownUrl: string; token: string | undefined } {
  const lines = platform.plainLines;
  const urlLine = lines.findLast((line) => line.startsWith('Samabay GraphQL: '));
  if (!urlLine) throw new Error(`the platform printed no GraphQL URL:\n${platform.describe()}`);
  const tokenHeading = lines.findLastIndex((line) => line.startsWith('Development token'));
  return { shownUrl: urlLine.slice('Samabay GraphQL: '.length), token: tokenHeading >= 0 ? lines[tokenHeading + 1] : undefined };
}

/** A GraphQL answer as a client sees it (data and errors). */
export interface GraphqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs `query` with `variables` and `token` to `url` and returns the whole answer. */
export async function postGraphql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer<T>;
}
