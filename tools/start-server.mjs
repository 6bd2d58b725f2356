// `npm run start:server`: the single-server topology (DESIGN §2) — relay, projector, the membership,
// savings and lending services and the gateway, each its own process against PostgreSQL
// (SAMABAY_DATABASE_URL) and Kafka (KAFKA_BROKERS). A small supervisor: starts them in dependency
// order (relay creates the topics, the projector subscribes, the services answer commands, the
// gateway connects to them), waits for each one's ready line, prefixes every output line with the
// process's name, and on Ctrl-C / SIGTERM stops them in reverse order (SIGTERM, SIGKILL after 20 s).
// Exit status: 0 after a clean stop; 78 for missing configuration; 1 when a process dies at
// start-up or later (the others are stopped first, so a system supervisor can restart the set).
//
// Usage: node tools/start-server.mjs [--dist <compiled root>]   (default: dist/, built by npm run build)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distArg = process.argv.indexOf('--dist');
const dist = distArg >= 0 ? path.resolve(process.argv[distArg + 1] ?? '') : path.join(root, 'dist');
const START_TIMEOUT_MS = Number(process.env.SAMABAY_START_TIMEOUT_MS ?? 120_000);
const STOP_TIMEOUT_MS = 20_000;

function fail(status, message) {
  process.stderr.write(`[supervisor] ${message}\n`);
  process.exit(status);
}

for (const variable of ['SAMABAY_DATABASE_URL', 'KAFKA_BROKERS']) {
  if (!process.env[variable]?.trim()) fail(78, `${variable} is required for the single-server topology (e.g. SAMABAY_DATABASE_URL=postgres://postgres@127.0.0.1:5432/samabay, KAFKA_BROKERS=127.0.0.1:9092)`);
}

/**
 * The JWT secret and master key every process must share. From the environment; outside production
 * a missing one comes from <SAMABAY_DATA_DIR>/dev-secrets.json (created once, mode 0600, the same file
 * and format `npm start` uses), so tokens and sealed personal data survive restarts.
 */
function sharedSecrets() {
  let jwtSecret = process.env.SAMABAY_JWT_SECRET?.trim() || undefined;
  let masterKey = process.env.SAMABAY_MASTER_KEY?.trim() || undefined;
  if (jwtSecret && masterKey) return { jwtSecret, masterKey };
  if (process.env.NODE_ENV === 'production') fail(78, 'SAMABAY_JWT_SECRET and SAMABAY_MASTER_KEY are required when NODE_ENV=production');
  const file = path.resolve(process.env.SAMABAY_DATA_DIR?.trim() || './data', 'dev-secrets.json');
  let secrets;
  if (existsSync(file)) {
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      fail(78, `${file} is not valid JSON; fix it or set SAMABAY_JWT_SECRET and SAMABAY_MASTER_KEY`);
    }
  } else {
    secrets = { jwtSecret: randomBytes(48).toString('base64url'), masterKey: randomBytes(32).toString('base64') };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  jwtSecret ??= secrets.jwtSecret;
  masterKey ??= secrets.masterKey;
  return { jwtSecret, masterKey };
}

const secrets = sharedSecrets();
const baseEnv = { ...process.env, SAMABAY_JWT_SECRET: secrets.jwtSecret, SAMABAY_MASTER_KEY: secrets.masterKey, SAMABAY_TOPOLOGY: 'single-server' };

/** The processes, in start order; `ready` is a pino `msg` (or a plain stdout line start) that says it is up. */
const STAGES = [
  [{ name: 'relay', script: 'services/relay/src/main.js', ready: 'Samabay relay running' }],
  [{ name: 'projector', script: 'services/projector/src/main.js', ready: 'Samabay projector running', env: { SAMABAY_PROJECTOR_FEEDS: process.env.SAMABAY_PROJECTOR_FEEDS ?? 'membership,savings,lending' } }],
  [
    { name: 'membership', script: 'services/membership/src/main.js', ready: 'Samabay membership service listening' },
    { name: 'savings', script: 'services/savings/src/main.js', ready: 'Samabay savings service listening' },
    { name: 'lending', script: 'services/lending/src/main.js', ready: 'Samabay lending service listening' },
  ],
  [{ name: 'gateway', script: 'gateway/src/main.js', ready: 'Samabay GraphQL:' }],
];
const width = Math.max(...STAGES.flat().map((stage) => stage.name.length));
const running = new Map();
let stopping = false;

function prefixLines(name, stream, target, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      target.write(`[${name.padEnd(width)}] ${line}\n`);
      onLine(line);
    }
  });
  stream.on('end', () => {
    if (pending) target.write(`[${name.padEnd(width)}] ${pending}\n`);
  });
}

function isReadyLine(line, ready) {
  if (line.startsWith(ready)) return true;
  if (!line.startsWith('{')) return false;
  try {
    return JSON.parse(line).msg === ready;
  } catch {
    return false;
  }
}

function start(stage) {
  const script = path.join(dist, stage.script);
  if (!existsSync(script)) return Promise.reject(new Error(`${script} is missing: run npm run build first (npm run start:server does)`));
  return new Promise((resolve, reject) => {
    // Own process group: Ctrl-C reaches the supervisor only, which stops the processes in order.
    const child = spawn(process.execPath, [script], { env: { ...baseEnv, ...stage.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const entry = { stage, child, ready: false, exited: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal }))) };
    running.set(stage.name, entry);
    const timer = setTimeout(() => reject(new Error(`${stage.name} did not log "${stage.ready}" within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onLine = (line) => {
      if (!entry.ready && isReadyLine(line, stage.ready)) {
        entry.ready = true;
        clearTimeout(timer);
        resolve();
      }
    };
    prefixLines(stage.name, child.stdout, process.stdout, onLine);
    prefixLines(stage.name, child.stderr, process.stderr, onLine);
    entry.exited.then(({ code, signal }) => {
      running.delete(stage.name);
      clearTimeout(timer);
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!entry.ready) reject(new Error(`${stage.name} exited during start-up (${how})`));
      else shutdown(1, `${stage.name} exited (${how}); stopping the others`);
    });
  });
}

async function stopOne(entry) {
  const timer = setTimeout(() => entry.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  entry.child.kill('SIGTERM');
  const result = await entry.exited;
  clearTimeout(timer);
  return result;
}

async function shutdown(status, reason) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`[supervisor] ${reason}\n`);
  let clean = true;
  for (const stage of [...STAGES].reverse()) {
    const results = await Promise.all(stage.map((item) => running.get(item.name)).filter(Boolean).map(stopOne));
    if (results.some((result) => result.code !== 0)) clean = false;
  }
  process.stderr.write(`[supervisor] all processes stopped${clean ? '' : ' (not all cleanly)'}\n`);
  process.exit(status !== 0 ? status : clean ? 0 : 1);
}

process.once('SIGINT', () => shutdown(0, 'SIGINT: stopping gateway, services, projector, relay'));
process.once('SIGTERM', () => shutdown(0, 'SIGTERM: stopping gateway, services, projector, relay'));

try {
  for (const stage of STAGES) await Promise.all(stage.map(start));
  process.stderr.write(`[supervisor] single-server topology running: ${STAGES.flat().map((stage) => `${stage.name} (pid ${running.get(stage.name)?.child.pid})`).join(', ')}\n`);
} catch (error) {
  await shutdown(1, `start-up failed: ${error.message}`);
}
