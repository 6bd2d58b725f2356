export type { Projection } from './projection';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionRunnerStatus,
  type ProjectionRunnerFailure,
  type RebuildProgress,
} from './projection-runner';
export type { RunnerLogger } from './runner-logger';
export { SubscriptionBuffer } from './subscription-buffer';
export { KafkaProjectionFeed, type KafkaProjectionFeedOptions, type KafkaFeedStats, type KafkaFeedConsumerSettings } from './kafka-feed';
export { KafkaFeedTables, type ParkedEventRow } from './kafka-feed-tables';
export {
  DEAD_LETTER_HEADERS,
  NO_KEY,
  deadLetterMessage,
  replayDeadLetters,
  replayMessage,
  type ParkDetails,
  type ParkReason,
  type ReplayDeadLettersOptions,
} from './kafka-feed-dead-letters';
export { ensureTopicsExist } from './kafka-feed-topics';
export { ProcessManagerRunner, type ProcessManager, type ProcessManagerRunnerOptions, type ProcessManagerRunnerStatus } from './process-manager-runner';
export { KafkaFeedProgress, type KafkaFeedProgressOptions, type WatchedFeed } from './kafka-feed-progress';
