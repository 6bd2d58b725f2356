import type { RecordedEvent } from '@samabay/event-store';

/**
 * What the staff registry reads of membership's events (DESIGN §1: a service learns about the others
 * only from their events). Services may not import each other, so the shape is restated here — only
 * the field staff relies on — from services/membership/src/domain/branch/branch-events.ts
 * (`BranchOpened` on stream `branch-<CODE>`).
 */
export interface ConsumedBranchOpened {
  readonly branchCode: string;
}

const BRANCH_STREAM = 'branch-';

/** The opened branch's code, or null for any other event. */
export function asConsumedBranchOpened(event: RecordedEvent): ConsumedBranchOpened | null {
  if (event.type !== 'BranchOpened' || !event.streamId.startsWith(BRANCH_STREAM)) return null;
  const branchCode = (event.data as { branchCode?: unknown } | null)?.branchCode;
  return typeof branchCode === 'string' ? { branchCode } : null;
}
