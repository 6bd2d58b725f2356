import { DEFAULT_MESSAGING_CONFIG, messagingConfigFromEnv } from './messaging-config';

describe('messagingConfigFromEnv', () => {
  it('reads brokers, client id and partitions, with defaults for the rest', () => {
    expect(messagingConfigFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092, kafka-2.internal:19092', KAFKA_CLIENT_ID: 'relay-1', KAFKA_PARTITIONS: '6' })).toEqual({
      ...DEFAULT_MESSAGING_CONFIG,
      brokers: ['127.0.0.1:9092', 'kafka-2.internal:19092'],
      clientId: 'relay-1',
      partitions: 6,
    });
    expect(messagingConfigFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092' })).toMatchObject({ clientId: 'samabay', partitions: 3 });
  });

  it.each([
    [{}, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: '  ' }, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: '127.0.0.1' }, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: '127.0.0.1:9092,' }, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: '127.0.0.1:70000' }, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_PARTITIONS: '0' }, 'KAFKA_PARTITIONS'],
    [{ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_PARTITIONS: '2.5' }, 'KAFKA_PARTITIONS'],
    [{ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_PARTITIONS: '1001' }, 'KAFKA_PARTITIONS'],
    [{ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_CLIENT_ID: 'relay 1' }, 'KAFKA_CLIENT_ID'],
  ])('rejects %p naming %s', (env, field) => {
    expect(() => messagingConfigFromEnv(env)).toThrow(expect.objectContaining({ code: 'MESSAGING_CONFIG_INVALID', field }));
  });
});
