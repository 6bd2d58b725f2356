import { randomBytes } from 'node:crypto';
import { loadProjectorConfig, ProjectorConfigError } from './projector-config';

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
