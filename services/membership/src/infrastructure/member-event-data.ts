import type { RecordedEvent } from '@samabay/event-store';
import type { MemberEvent } from '../domain/member/member-events';

/** The `member-` stream category (DESIGN §3). */
export const MEMBER_STREAM_PREFIX = 'member-';
/** The `branch-` stream category. */
export const BRANCH_STREAM_PREFIX = 'branch-';

const MEMBER_EVENT_TYPES: ReadonlySet<string> = new Set<MemberEvent['type']>([
  'MemberAdmitted',
  'MemberRegisteredFromLegacyRegister',
  'MemberStatusCarriedForward',
  'SharesPurchased',
  'NomineeChanged',
  'MemberExited',
  'MemberForgetRequested',
  'MemberForgotten',
]);

/** The recorded event as a membership MemberEvent, or null for any other stream or event type (projections ignore those). */
export function asMemberEvent(event: RecordedEvent): MemberEvent | null {
  if (!event.streamId.startsWith(MEMBER_STREAM_PREFIX) || !MEMBER_EVENT_TYPES.has(event.type)) return null;
  return { type: event.type, data: event.data } as MemberEvent;
}
