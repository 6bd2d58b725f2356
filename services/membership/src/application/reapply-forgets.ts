import type { EventStore, Position } from '@samabay/event-store';
import type { PersonalDataVault } from '@samabay/personal-data';
import { MEMBER_STREAM_PREFIX } from '../infrastructure/member-event-data';

const PAGE = 1000;

/**
 * After restoring the vault's key table from a backup (README, "Key table backups"), deletes again
 * the data key of every member the event store says was forgotten (MemberForgotten events are the
 * source of truth; `vault.forget` is idempotent). Reads `$all` from the start in pages of 1,000.
 * Returns the member numbers whose keys were deleted (again), in `$all` order. Throws what the
 * store or the vault throws; safe to run again after a failure.
 */
export async function reapplyForgottenMembers(store: EventStore, vault: PersonalDataVault): Promise<string[]> {
  const forgotten: string[] = [];
  let from: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
    for (const event of page) {
      if (event.type !== 'MemberForgotten' || !event.streamId.startsWith(MEMBER_STREAM_PREFIX)) continue;
      const memberNo = event.streamId.slice(MEMBER_STREAM_PREFIX.length);
      await vault.forget(memberNo);
      forgotten.push(memberNo);
    }
    if (page.length < PAGE) return forgotten;
    from = page[page.length - 1].position;
  }
}
