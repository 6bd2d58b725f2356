import type { CommandAccepted } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import type { CommandResultType } from './types/command-result.type';

/** Maps the command handler's answer to the GraphQL CommandResult (position as formatPosition text). */
export function toCommandResult(accepted: CommandAccepted): CommandResultType {
  return {
    replayed: accepted.replayed,
    streamId: accepted.streamId,
    revision: accepted.nextExpectedRevision,
    eventIds: accepted.eventIds,
    position: accepted.position ? formatPosition(accepted.position) : null,
  };
}
