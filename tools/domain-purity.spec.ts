// Domain code is pure (DESIGN §10): loading the domain kit, or any service's domain folder, must not load a
// database driver, PGlite, NestJS or Kafka — not even indirectly through another @samabay library. Lint checks
// the import statements; this checks what Node actually loads. Each case runs in a fresh Node process (Jest's
// own module registry hides what is loaded) that compiles the TypeScript sources on the fly with the build's
// swc options, requires the entry points and prints every module file Node loaded.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** node_modules packages that pure code must never load: SQL drivers, PGlite, NestJS, Kafka. */
const FORBIDDEN = /[\\/]node_modules[\\/](pg|pg-[^\\/]+|@electric-sql[\\/][^\\/]+|@nestjs[\\/][^\\/]+|kafkajs)[\\/]/;

const LOADER = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const { swcOptions } = require('./tools/swc-options.cjs');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions({ sourceMaps: false }), filename });
  module._compile(code, filename);
};
for (const entry of JSON.parse(process.argv[1])) require(entry);
process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

/** Requires `entries` (absolute .ts paths) in a fresh Node process; returns the files Node loaded. */
function modulesLoadedBy(entries: readonly string[]): string[] {
  const child = spawnSync(process.execPath, ['-e', LOADER, JSON.stringify(entries)], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (child.status !== 0) throw new Error(`loading ${entries.length} module(s) failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
}

/** The packages among `files` that pure code must not load, one entry per package. */
function forbiddenPackages(files: readonly string[]): string[] {
  return [...new Set(files.map((file) => FORBIDDEN.exec(file)?.[1]).filter((name): name is string => name !== undefined))].sort();
}

/** Every non-spec TypeScript file under `dir`. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('domain purity (DESIGN §10)', () => {
  it('the domain kit loads no database driver, PGlite, NestJS or Kafka', () => {
    const loaded = modulesLoadedBy([path.join(root, 'libs/domain-kit/src/index.ts')]);
    expect(loaded).toContain(path.join(root, 'libs/domain-kit/src/command-handler.ts'));
    expect(forbiddenPackages(loaded)).toEqual([]);
  }, 60_000);

  const services = readdirSync(path.join(root, 'services')).filter((name) => readdirSync(path.join(root, 'services', name)).includes('src') && readdirSync(path.join(root, 'services', name, 'src')).includes('domain'));

  it.each(services)('the %s domain loads no database driver, PGlite, NestJS or Kafka', (service) => {
    const sources = sourcesUnder(path.join(root, 'services', service, 'src', 'domain'));
    expect(sources.length).toBeGreaterThan(0);
    expect(forbiddenPackages(modulesLoadedBy(sources))).toEqual([]);
  }, 60_000);
});
