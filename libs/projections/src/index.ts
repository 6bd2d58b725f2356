export type { Projection } from './projection';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionRunnerStatus,
  type ProjectionRunnerFailure,
  type RebuildProgress,
} from './projection-runner';
export type { RunnerLogger } from './runner-logger';
