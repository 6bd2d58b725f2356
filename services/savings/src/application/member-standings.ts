import { DomainError } from '@samabay/domain-kit';
import type { MemberStanding, MemberStandingRecord } from '../domain/shared/member-standing';

/** Where savings reads a member's status: its own projection of membership's events (DESIGN §1). */
export interface MemberStandingSource {
  memberStanding(memberNo: string): Promise<MemberStandingRecord | null>;
}

/**
 * Looks up a member's status for a command. Savings learns about members from membership's events, so
 * its projection may lag a moment behind: with `fresh` it first waits for the read models to catch up
 * with the event store (an account opened at the counter must not be opened for a member who exited a
 * second ago); otherwise it waits only when the member is not found at all (the register import, whose
 * caller already waited for the members it brought in) and then looks again. A member who exits after
 * the look-up and before the command is appended is the one race left (no transaction spans two services).
 * @throws DomainError MEMBER_NOT_FOUND (field memberNo) when savings still knows no such member.
 */
export async function standingOf(source: MemberStandingSource, memberNo: string, catchUp: () => Promise<void>, fresh = false): Promise<MemberStanding> {
  return (await standingRecordOf(source, memberNo, catchUp, fresh)).status;
}

/** As {@link standingOf}, answering the whole record (status, branch, origin). */
export async function standingRecordOf(source: MemberStandingSource, memberNo: string, catchUp: () => Promise<void>, fresh = false): Promise<MemberStandingRecord> {
  if (fresh) await catchUp();
  let found = await source.memberStanding(memberNo);
  if (!found && !fresh) {
    await catchUp();
    found = await source.memberStanding(memberNo);
  }
  if (!found) throw new DomainError('MEMBER_NOT_FOUND', `member ${memberNo} is not known to the savings service`, 'memberNo');
  return found;
}
