import type { RecordedEvent } from '@samabay/event-store';
import type { SqlExecutor } from '@samabay/sql';

/**
 * A projection (DESIGN §7): folds events from `$all` into read-model tables of the same database.
 * The {@link ProjectionRunner} calls every method inside a transaction that also writes the
 * projection's checkpoint, so a crash never leaves rows and checkpoint out of step.
 *
 * - `name`: stable identifier (lower-case, used as the checkpoint key).
 * - `version`: bump it when the read-model shape or the folding logic changes; the runner then
 *   resets the projection and replays it from position 0 at the next start.
 * - `setup`: creates the projection's tables if absent (idempotent DDL).
 * - `reset`: deletes the projection's rows (keeps tables) before a rebuild.
 * - `apply`: folds one event; events of types the projection ignores must be a no-op. Throwing
 *   rolls back the whole batch; after bounded retries the runner stops (poison event).
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  setup(tx: SqlExecutor): Promise<void>;
  reset(tx: SqlExecutor): Promise<void>;
  apply(event: RecordedEvent, tx: SqlExecutor): Promise<void>;
}
