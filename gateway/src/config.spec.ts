import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const key = Buffer.alloc(32, 7).toString('base64');
const secret = 's'.repeat(40);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'samabay-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('defaults to single-node on PGlite under the data directory, port 4000', () => {
    const config = loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key });
    expect(config).toMatchObject({ topology: 'single-node', nodeEnv: 'development', port: 4000, logLevel: 'info', database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') } });
    expect(config.masterKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(config.devSecretsFile).toBeUndefined();
  });

  it('uses PostgreSQL when SAMABAY_DATABASE_URL is set, and SAMABAY_PORT over PORT', () => {
    const config = loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PORT: '8080', SAMABAY_PORT: '9090', SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.port).toBe(9090);
    expect(loadConfig({ SAMABAY_DATA_DIR: dir, PORT: '8080', SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key }).port).toBe(8080);
  });

  it("reads the services' endpoints in the single-server topology (TCP by default)", () => {
    const config = loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_TOPOLOGY: 'single-server', SAMABAY_DATABASE_URL: 'postgres://h/db', SAMABAY_LENDING_RPC_PORT: '5103' });
    expect(config.topology).toBe('single-server');
    expect(config.rpc?.membership).toMatchObject({ transport: 'tcp', host: '127.0.0.1', port: 4101 });
    expect(config.rpc?.lending.port).toBe(5103);
    expect(loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key }).rpc).toBeUndefined();
  });

  it.each([
    [{ SAMABAY_PORT: 'eighty' }, /SAMABAY_PORT: must be a whole number from 0 to 65535/],
    [{ SAMABAY_PORT: '70000' }, /SAMABAY_PORT: must be a whole number from 0 to 65535/],
    [{ PORT: '-1' }, /PORT: must be a whole number/],
    [{ SAMABAY_TOPOLOGY: 'cluster' }, /SAMABAY_TOPOLOGY/],
    [{ SAMABAY_TOPOLOGY: 'distributed' }, /SAMABAY_TOPOLOGY: "distributed" is not composed/],
    [{ SAMABAY_TOPOLOGY: 'single-server' }, /SAMABAY_DATABASE_URL: required when SAMABAY_TOPOLOGY=single-server/],
    [{ SAMABAY_TOPOLOGY: 'single-server', SAMABAY_DATABASE_URL: 'postgres://h/db', SAMABAY_RPC_TRANSPORT: 'grpc' }, /SAMABAY_RPC_TRANSPORT: must be tcp/],
    [{ SAMABAY_TOPOLOGY: 'single-server', SAMABAY_DATABASE_URL: 'postgres://h/db', SAMABAY_SAVINGS_RPC_PORT: '99999' }, /SAMABAY_SAVINGS_RPC_PORT/],
    [{ SAMABAY_DATABASE_URL: 'mysql://x' }, /SAMABAY_DATABASE_URL/],
    [{ SAMABAY_LOG_LEVEL: 'loud' }, /SAMABAY_LOG_LEVEL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ SAMABAY_JWT_SECRET: 'short' }, /SAMABAY_JWT_SECRET: must be at least 32 characters/],
    [{ SAMABAY_MASTER_KEY: Buffer.alloc(16).toString('base64') }, /SAMABAY_MASTER_KEY: the master key must be 32 bytes; it decodes to 16 bytes/],
    [{ SAMABAY_MASTER_KEY: 'not base64!' }, /SAMABAY_MASTER_KEY: the master key must be standard base64/],
  ])('names the variable of a bad value: %j', (env, message) => {
    const attempt = () => loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it('reads RS256/ES256 public keys at start-up and refuses a key that does not fit', () => {
    const rsaFile = path.join(dir, 'rsa.pem');
    writeFileSync(rsaFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const config = loadConfig({ NODE_ENV: 'production', SAMABAY_DATA_DIR: dir, SAMABAY_MASTER_KEY: key, SAMABAY_JWT_ALGORITHM: 'RS256', SAMABAY_JWT_PUBLIC_KEY_FILE: rsaFile });
    expect(config.jwtVerification?.algorithm).toBe('RS256');
    expect(config.requireRegisteredStaff).toBe(true);
    expect(() => loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_JWT_ALGORITHM: 'ES256', SAMABAY_JWT_PUBLIC_KEY_FILE: rsaFile })).toThrow(
      /SAMABAY_JWT_PUBLIC_KEY_FILE \/ SAMABAY_JWT_JWKS_FILE: .*P-256/,
    );
    expect(() => loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_JWT_ALGORITHM: 'ES256' })).toThrow(ConfigError);
    expect(() => loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_JWT_ALGORITHM: 'PS256' })).toThrow(/SAMABAY_JWT_ALGORITHM/);
  });

  it('requires registered staff in production and lets development choose', () => {
    expect(loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key }).requireRegisteredStaff).toBe(false);
    expect(loadConfig({ SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_REQUIRE_REGISTERED_STAFF: 'true' }).requireRegisteredStaff).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key, SAMABAY_REQUIRE_REGISTERED_STAFF: 'false' })).toThrow(
      /SAMABAY_REQUIRE_REGISTERED_STAFF/,
    );
  });

  it('bounds the lifetime of staff tokens: 12 h by default, SAMABAY_JWT_MAX_TTL_SECONDS validated at start-up', () => {
    const base = { SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret, SAMABAY_MASTER_KEY: key };
    expect(loadConfig(base).jwtMaxTtlSeconds).toBe(43_200);
    expect(loadConfig({ ...base, SAMABAY_JWT_MAX_TTL_SECONDS: '3600' }).jwtMaxTtlSeconds).toBe(3600);
    for (const bad of ['0', '30', '-5', '1.5', 'forever', String(10 * 365 * 86400)]) {
      expect(() => loadConfig({ ...base, SAMABAY_JWT_MAX_TTL_SECONDS: bad })).toThrow(/SAMABAY_JWT_MAX_TTL_SECONDS/);
    }
  });

  it('requires the JWT secret and the master key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SAMABAY_DATA_DIR: dir, SAMABAY_MASTER_KEY: key })).toThrow(/SAMABAY_JWT_SECRET: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', SAMABAY_DATA_DIR: dir, SAMABAY_JWT_SECRET: secret })).toThrow(/SAMABAY_MASTER_KEY: required when NODE_ENV=production/);
  });

  it('outside production generates the secrets once and keeps them in <dataDir>/dev-secrets.json', () => {
    const first = loadConfig({ SAMABAY_DATA_DIR: dir });
    const second = loadConfig({ SAMABAY_DATA_DIR: dir });
    const file = path.join(dir, 'dev-secrets.json');
    expect(first.devSecretsFile).toBe(file);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(first.masterKey).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ jwtSecret: first.jwtSecret, masterKey: first.masterKey.toString('base64') });
  });

  it.each([
    ['a master key that is too short', { SAMABAY_MASTER_KEY: 'short' }, /SAMABAY_MASTER_KEY: /],
    ['a master key that is not base64', { SAMABAY_MASTER_KEY: 'not base64!' }, /SAMABAY_MASTER_KEY: /],
    ['ES256 without a public key', { SAMABAY_JWT_ALGORITHM: 'ES256' }, /SAMABAY_JWT_PUBLIC_KEY_FILE \/ SAMABAY_JWT_JWKS_FILE: /],
    ['an unreadable public key file', { SAMABAY_JWT_ALGORITHM: 'RS256', SAMABAY_JWT_PUBLIC_KEY_FILE: '/nonexistent/rsa.pem' }, /SAMABAY_JWT_PUBLIC_KEY_FILE/],
    ['a bad services endpoint', { SAMABAY_TOPOLOGY: 'single-server', SAMABAY_DATABASE_URL: 'postgres://h/db', SAMABAY_SAVINGS_RPC_PORT: '99999' }, /SAMABAY_SAVINGS_RPC_PORT/],
  ])('refuses %s before generating or writing any development secret', (_name, env, message) => {
    const dataDir = path.join(dir, 'data');
    expect(() => loadConfig({ SAMABAY_DATA_DIR: dataDir, ...env })).toThrow(message);
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the development secrets file when the master key kept there is bad, and leaves the file as it was', () => {
    const file = path.join(dir, 'dev-secrets.json');
    const content = `${JSON.stringify({ jwtSecret: secret, masterKey: 'short' })}\n`;
    writeFileSync(file, content);
    expect(() => loadConfig({ SAMABAY_DATA_DIR: dir })).toThrow(new RegExp(`masterKey in ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
