import type { Position } from './event-store';
import type { DomainEvent } from './decider';

/**
 * The synchronous answer to an accepted command (DESIGN §1). A repeat of an idempotency key gets
 * the first answer again with `replayed: true`.
 */
export interface CommandAccepted<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  /** The stream's last revision after the command; -1 if the stream is still empty. */
  readonly nextExpectedRevision: number;
  /** Global position of the command's last event (a read model caught up to it shows the write); null when nothing was appended. */
  readonly position: Position | null;
  readonly eventIds: string[];
  readonly events: E[];
  readonly replayed: boolean;
}
