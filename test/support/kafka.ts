import { randomBytes } from 'node:crypto';
import { describeIfEnv } from './environment';

/** Environment variable naming the Kafka brokers of the tests (deploy/kafka/start.sh prints it: 127.0.0.1:9092). */
export const KAFKA_BROKERS_VARIABLE = 'KAFKA_BROKERS';

/**
 * `describe` when KAFKA_BROKERS is set; otherwise the suite is skipped with
 * `[skipped: set KAFKA_BROKERS]` in its title (see describeIfEnv).
 */
export function describeIfKafka(title: string, body: () => void): void {
  describeIfEnv(KAFKA_BROKERS_VARIABLE, title, body);
}

/** The brokers of the tests (`host:port` each) from KAFKA_BROKERS; throws when it is not set (use inside describeIfKafka). */
export function kafkaTestBrokers(): string[] {
  const value = process.env[KAFKA_BROKERS_VARIABLE]?.trim() ?? '';
  if (value === '') throw new Error(`${KAFKA_BROKERS_VARIABLE} is not set: start a broker with deploy/kafka/start.sh`);
  return value.split(',').map((broker) => broker.trim());
}

/** Names that no other test file or run uses, so files may share one broker in parallel. */
export interface KafkaTestNames {
  /** A service name for topicForStream: `t<12 hex>` (topics then read `samabay.t<12 hex>.<category>.v1`). */
  readonly service: string;
  /** A topic `test.<file tag>.<12 hex>.<name>`. */
  topic(name: string): string;
  /** A consumer group id `test.<file tag>.<12 hex>.<name>`. */
  group(name: string): string;
}

/** Fresh names for one test file; `fileTag` (letters, digits, '-') says which file made a leftover topic. */
export function kafkaTestNames(fileTag: string): KafkaTestNames {
  if (!/^[a-z0-9-]+$/.test(fileTag)) throw new Error(`file tag "${fileTag}" must be lower-case letters, digits and '-'`);
  const unique = randomBytes(6).toString('hex');
  const name = (suffix: string) => {
    if (!/^[A-Za-z0-9_-]+$/.test(suffix)) throw new Error(`name "${suffix}" must be letters, digits, '_' and '-'`);
    return `test.${fileTag}.${unique}.${suffix}`;
  };
  return { service: `t${unique}`, topic: name, group: name };
}
