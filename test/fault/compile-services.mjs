// Compiles libs/ and services/ (the relay and projector the fault suites run and the services the
// projector imports; with --all the gateway too; not specs) with the build's own swc options (tools/swc-options.cjs)
// into the directory given as the only argument, keeping the folder layout, and copies the services'
// config/ folders — what tools/build.mjs does, but into a private directory. The fault suites spawn
// the relay and projector mains from there: build.mjs empties the shared dist/ first, which would pull
// the files from under a process another Jest worker is (re)starting.
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('../../tools/swc-options.cjs');
const outDir = process.argv[2];
if (!outDir || !path.isAbsolute(outDir) || !path.resolve(outDir).startsWith(path.join(root, 'tmp') + path.sep)) {
  console.error('usage: node test/fault/compile-services.mjs <absolute directory under tmp/> [--all]');
  process.exit(2);
}

const files = [];
// `--all`: every library, service and the gateway (the single-server suite runs the whole topology).
const all = process.argv.includes('--all');
// The projector composes membership's, savings' and lending's projections, so every service is compiled.
const SOURCE_DIRS = all ? ['libs', 'services', 'gateway'] : ['libs', 'services'];
for (const dir of SOURCE_DIRS) {
  for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && full.endsWith('.ts') && !full.endsWith('.spec.ts') && !full.endsWith('.d.ts')) files.push(full);
  }
}
await Promise.all(
  files.map(async (file) => {
    const outFile = path.join(outDir, path.relative(root, file).replace(/\.ts$/, '.js'));
    const { code } = await transformFile(file, { ...swcOptions({ sourceMaps: false }), filename: file });
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, code);
  }),
);
for (const service of await readdir(path.join(root, 'services'))) {
  await cp(path.join(root, 'services', service, 'config'), path.join(outDir, 'services', service, 'config'), { recursive: true }).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
console.log(`compiled ${files.length} files into ${path.relative(root, outDir)}`);
