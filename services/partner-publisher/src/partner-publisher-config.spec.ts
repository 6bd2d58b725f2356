import { randomBytes } from 'node:crypto';
import { loadPartnerPublisherConfig, PartnerPublisherConfigError } from './partner-publisher-config';

const key = randomBytes(32).toString('base64');
const env = { SAMABAY_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', KAFKA_BROKERS: '127.0.0.1:9092', SAMABAY_PARTNER_KEYS: `ngo-a=${key}` };

describe('loadPartnerPublisherConfig', () => {
  it('reads the partners and defaults', () => {
    const config = loadPartnerPublisherConfig(env);
    expect(config.partners.map((partner) => partner.partnerId)).toEqual(['ngo-a']);
    expect(config).toMatchObject({ eventStoreSchema: 'eventstore', publisherSchema: 'partner_publisher', publisherName: 'partner-publisher', batchSize: 500 });
  });

  it('names the variable and the partner, never the key', () => {
    expect(() => loadPartnerPublisherConfig({ ...env, SAMABAY_PARTNER_KEYS: '' })).toThrow(/SAMABAY_PARTNER_KEYS: is required/);
    const short = randomBytes(8).toString('base64');
    const error = (() => {
      try {
        loadPartnerPublisherConfig({ ...env, SAMABAY_PARTNER_KEYS: `ngo-b=${short}` });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a refusal');
    })();
    expect(error).toBeInstanceOf(PartnerPublisherConfigError);
    expect(error.message).toMatch(/partner ngo-b must be at least 32 bytes/);
    expect(error.message).not.toContain(short);
    expect(() => loadPartnerPublisherConfig({ ...env, KAFKA_BROKERS: '' })).toThrow(PartnerPublisherConfigError);
  });
});
