// Compiles every TypeScript source (not specs) to dist/ (or SAMABAY_BUILD_DIR, which it empties first) with swc,
// keeping the folder layout. Type checking is `npm run typecheck` (tsc --noEmit); swc only strips types, so the
// build takes ~1 s. Its own chatter goes to stderr: stdout belongs to the tool run after it (`npm run token`
// prints only the token there, so `$(npm run -s token …)` captures the token alone).
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const sourceRoots = ['libs', 'services', 'gateway', 'tools', 'test/bench', 'test/support'];
const dist = process.env.SAMABAY_BUILD_DIR ? path.resolve(process.env.SAMABAY_BUILD_DIR) : path.join(root, 'dist');

async function sources() {
  const files = [];
  for (const dir of sourceRoots) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && full.endsWith('.ts') && !full.endsWith('.spec.ts') && !full.endsWith('.d.ts')) files.push(full);
    }
  }
  return files;
}

await rm(dist, { recursive: true, force: true });
const files = await sources();
await Promise.all(
  files.map(async (file) => {
    const relative = path.relative(root, file);
    const outFile = path.join(dist, relative.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, { ...swcOptions(), filename: file, sourceFileName: path.relative(path.dirname(outFile), file) });
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, map ? `${code}\n//# sourceMappingURL=${path.basename(outFile)}.map` : code);
    if (map) await writeFile(`${outFile}.map`, map);
  }),
);
// Product configuration travels with the compiled services (services/<name>/config/*.json).
const services = await readdir(path.join(root, 'services'));
for (const service of services) {
  const config = path.join(root, 'services', service, 'config');
  await cp(config, path.join(dist, 'services', service, 'config'), { recursive: true }).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
// Checked-in JSON Schemas travel with the compiled libraries that validate against them (libs/<name>/schemas).
for (const lib of await readdir(path.join(root, 'libs'))) {
  await cp(path.join(root, 'libs', lib, 'schemas'), path.join(dist, 'libs', lib, 'schemas'), { recursive: true }).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
console.error(`built ${files.length} files into ${path.relative(root, dist) || '.'}/`);
