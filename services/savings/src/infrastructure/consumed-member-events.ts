import type { RecordedEvent } from '@samabay/event-store';
import type { MemberOrigin, MemberStanding } from '../domain/shared/member-standing';

/**
 * What savings reads from membership's events (DESIGN §1: a service learns about the others only from
 * their events). The shapes are savings' own, limited to the fields it needs, of the events in
 * services/membership/src/domain/member/member-events.ts (stream `member-<memberNo>`).
 */
export type ConsumedMemberEvent =
  | { readonly kind: 'joined'; readonly memberNo: string; readonly branchCode: string; readonly origin: MemberOrigin }
  | { readonly kind: 'status'; readonly memberNo: string; readonly status: MemberStanding };

const MEMBER_STREAM_PREFIX = 'member-';

/** The member event as savings understands it, or null for anything savings does not need. */
export function asConsumedMemberEvent(event: RecordedEvent): ConsumedMemberEvent | null {
  if (!event.streamId.startsWith(MEMBER_STREAM_PREFIX)) return null;
  const data = event.data as { memberNo?: unknown; branchCode?: unknown; status?: unknown };
  if (typeof data?.memberNo !== 'string') return null;
  switch (event.type) {
    case 'MemberAdmitted':
    case 'MemberRegisteredFromLegacyRegister': {
      const origin: MemberOrigin = event.type === 'MemberAdmitted' ? 'ADMITTED' : 'REGISTER';
      return typeof data.branchCode === 'string' ? { kind: 'joined', memberNo: data.memberNo, branchCode: data.branchCode, origin } : null;
    }
    case 'MemberStatusCarriedForward':
      return data.status === 'INACTIVE' || data.status === 'EXITED' ? { kind: 'status', memberNo: data.memberNo, status: data.status } : null;
    case 'MemberExited':
      return { kind: 'status', memberNo: data.memberNo, status: 'EXITED' };
    default:
      return null;
  }
}
