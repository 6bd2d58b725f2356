import { DomainError, ValidationError } from '@samabay/domain-kit';
import { parsePosition, type Position } from '@samabay/event-store';

/** What a query needs from the projection runner to honour `consistentWith`. */
export interface ReadModelProgress {
  waitForPosition(position: Position | 'start', timeoutMs: number): Promise<boolean>;
}

/**
 * Waits, at most `timeoutMs`, until the read models include the event at `consistentWith` (a
 * CommandResult.position), so a client reads its own write. Does nothing when it is absent.
 * Throws ValidationError INVALID_POSITION (field consistentWith) for a malformed position, and
 * DomainError READ_MODEL_BEHIND when the read models did not get there in time (retry the query).
 */
export async function awaitConsistency(progress: ReadModelProgress, consistentWith: string | null | undefined, timeoutMs: number): Promise<void> {
  if (consistentWith === undefined || consistentWith === null) return;
  let position: Position | 'start';
  try {
    position = parsePosition(consistentWith);
  } catch {
    throw new ValidationError('consistentWith', 'consistentWith must be a position returned by a mutation, e.g. C:812/P:3', 'INVALID_POSITION');
  }
  if (!(await progress.waitForPosition(position, timeoutMs))) {
    throw new DomainError('READ_MODEL_BEHIND', `the read models did not reach that position within ${timeoutMs} ms; retry the query`, 'consistentWith');
  }
}
