/**
 * @samabay/test-support: helpers shared by the test suites (contract, integration, end-to-end).
 * Suites that need PostgreSQL run only when SAMABAY_TEST_POSTGRES_URL is set and are otherwise
 * skipped visibly (the skip reason is in the suite title); each test file works in its own
 * randomly named schema so that files may run in parallel on one database. Kafka suites run only
 * when KAFKA_BROKERS is set (deploy/kafka/start.sh) and use topic and group names unique per file.
 */
export { describeIfEnv, postgresTestUrl, POSTGRES_URL_VARIABLE } from './environment';
export { describeIfKafka, kafkaTestBrokers, kafkaTestNames, KAFKA_BROKERS_VARIABLE, type KafkaTestNames } from './kafka';
export { freePorts } from './ports';
export { randomSchemaName, dropSchema } from './schemas';
export { Gate, delay, waitFor } from './timing';
export { FIXTURES_DIR, registerExpectation, type RegisterExpectation } from './register-fixtures';
