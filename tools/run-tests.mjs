#!/usr/bin/env node
// `npm test` runs this after typecheck and lint. It runs Jest (with the flag PGlite needs, at most
// two workers, JSON results in tmp/), then says which tests were skipped and which environment
// variable would enable them — skipped tests carry `[skipped: set VAR]` in their title or in a
// describe title — and ends with one plain line: `tests: <n> passed, <n> failed, <n> skipped`.
// With SAMABAY_REQUIRE_ALL_SUITES=1 (CI) any skipped test fails the run.
// Arguments are passed on to Jest (e.g. `node tools/run-tests.mjs test/e2e`).
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'tmp', 'jest-results.json');
const requireAll = process.env.SAMABAY_REQUIRE_ALL_SUITES === '1';
const SKIP_MARK = /\[skipped: set ([A-Za-z_][A-Za-z0-9_]*)\]/;

/** Runs Jest and resolves with its exit code (or 1 when it died from a signal). */
async function runJest(extraArgs) {
  const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
  const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ');
  const args = [jestBin, '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Every test's file, titles and status from Jest's JSON report. */
function testsOf(results) {
  return results.testResults.flatMap((suite) =>
    suite.assertionResults.map((test) => ({
      file: path.relative(root, suite.name),
      titles: [...test.ancestorTitles, test.title],
      status: test.status,
    })),
  );
}

/** Suites that failed outside any test (syntax error, failing beforeAll, open handle crash). */
function brokenSuites(results) {
  return results.testResults.filter((suite) => suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed'));
}

function reportSkipped(skipped) {
  if (skipped.length === 0) return;
  const byVariable = new Map();
  for (const test of skipped) {
    const variable = test.titles.map((title) => SKIP_MARK.exec(title)?.[1]).find(Boolean) ?? '';
    const files = byVariable.get(variable) ?? new Map();
    files.set(test.file, (files.get(test.file) ?? 0) + 1);
    byVariable.set(variable, files);
  }
  console.log('\nskipped tests:');
  for (const [variable, files] of byVariable) {
    console.log(variable ? `  enable with ${variable} (see README):` : '  skipped without a [skipped: set VAR] mark (it.skip / it.todo?):');
    for (const [file, count] of files) console.log(`    ${file}: ${count} test(s)`);
  }
}

const extraArgs = process.argv.slice(2);
await mkdir(path.dirname(resultsFile), { recursive: true });
await rm(resultsFile, { force: true });
const jestExit = await runJest(extraArgs);

let results;
try {
  results = JSON.parse(await readFile(resultsFile, 'utf8'));
} catch {
  console.error(`\nJest wrote no results to ${path.relative(root, resultsFile)} (exit code ${jestExit}); see its output above.`);
  console.log('tests: 0 passed, 1 failed, 0 skipped');
  process.exit(jestExit || 1);
}

const tests = testsOf(results);
const passed = tests.filter((test) => test.status === 'passed').length;
const skipped = tests.filter((test) => ['pending', 'skipped', 'todo', 'disabled'].includes(test.status));
const broken = brokenSuites(results);
const failed = tests.filter((test) => test.status === 'failed').length + broken.length;

for (const suite of broken) console.log(`\nsuite failed to run: ${path.relative(root, suite.name)}`);
reportSkipped(skipped);

let exitCode = jestExit !== 0 || failed > 0 || !results.success ? 1 : 0;
if (requireAll && skipped.length > 0) {
  console.log(`\nSAMABAY_REQUIRE_ALL_SUITES=1: ${skipped.length} test(s) were skipped; every suite must run here.`);
  exitCode = 1;
}
if (tests.length === 0 && broken.length === 0) {
  console.log('\nno tests ran.');
  exitCode = 1;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(exitCode);
