import { randomBytes } from 'node:crypto';
import { loadProjectorConfig, ProjectorConfigError } from './projector-config';

/** The required variables, valid. */
const REQUIRED = {
  SAMABAY_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  SAMABAY_MASTER_KEY: randomBytes(32).toString('base64'),
  KAFKA_BROKERS: '127.0.0.1:9092',
};

function configError(env: NodeJS.ProcessEnv): ProjectorConfigError {
  try {
    loadProjectorConfig(env);
  } catch (error) {
    if (error instanceof ProjectorConfigError) return error;
    throw error;
  }
  throw new Error('expected a ProjectorConfigError');
}

describe('loadProjectorConfig', () => {
  it('defaults: session timeout 30 s, heartbeat 3 s, vault schema "vault"', () => {
    const config = loadProjectorConfig({ ...REQUIRED });
    expect(config.sessionTimeoutMs).toBe(30_000);
    expect(config.heartbeatIntervalMs).toBe(3000);
    expect(config.vaultSchema).toBe('vault');
  });

  it('takes the session timeout, the heartbeat interval and the vault schema from the environment', () => {
    const config = loadProjectorConfig({ ...REQUIRED, SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS: '9000', SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS: '1000', SAMABAY_VAULT_SCHEMA: 'vault_branch' });
    expect(config).toMatchObject({ sessionTimeoutMs: 9000, heartbeatIntervalMs: 1000, vaultSchema: 'vault_branch' });
  });

  it('lowers the default heartbeat to a third of a short session timeout', () => {
    expect(loadProjectorConfig({ ...REQUIRED, SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS: '6000' }).heartbeatIntervalMs).toBe(2000);
  });

  it.each([
    ['SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS', '5999'],
    ['SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS', '1800001'],
    ['SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS', '10s'],
    ['SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS', '99'],
    ['SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS', '2.5'],
    ['SAMABAY_VAULT_SCHEMA', 'Vault; DROP'],
  ])('rejects %s=%s, naming the variable', (variable, value) => {
    expect(configError({ ...REQUIRED, [variable]: value }).message).toContain(variable);
  });

  it('rejects a heartbeat interval above a third of the session timeout, naming both variables', () => {
    const error = configError({ ...REQUIRED, SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS: '6000', SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS: '2001' });
    expect(error.message).toContain('SAMABAY_PROJECTOR_HEARTBEAT_INTERVAL_MS');
    expect(error.message).toContain('SAMABAY_PROJECTOR_SESSION_TIMEOUT_MS');
  });
});

const base = { SAMABAY_DATABASE_URL: 'postgres://h/db', SAMABAY_MASTER_KEY: randomBytes(32).toString('base64'), KAFKA_BROKERS: '127.0.0.1:9092' };

describe('loadProjectorConfig: the feeds', () => {
  it('applies membership only unless told otherwise (the projector as it ran before single-server)', () => {
    expect(loadProjectorConfig(base).feeds).toEqual(['membership']);
  });

  it('reads a comma-separated list of services, without duplicates', () => {
    expect(loadProjectorConfig({ ...base, SAMABAY_PROJECTOR_FEEDS: 'membership, savings,lending,savings' }).feeds).toEqual(['membership', 'savings', 'lending']);
  });

  it('refuses an unknown service, naming the variable', () => {
    expect(() => loadProjectorConfig({ ...base, SAMABAY_PROJECTOR_FEEDS: 'membership,welfare' })).toThrow(ProjectorConfigError);
    expect(() => loadProjectorConfig({ ...base, SAMABAY_PROJECTOR_FEEDS: 'membership,welfare' })).toThrow(/SAMABAY_PROJECTOR_FEEDS/);
  });
});
