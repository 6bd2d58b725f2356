import type { StaffRole } from '@samabay/domain-kit';
import type { ApprovalEvent, ApprovalSubject } from './approval-events';

/** PENDING → APPROVED → EXECUTED | FAILED; PENDING → REFUSED | WITHDRAWN. */
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REFUSED' | 'WITHDRAWN' | 'EXECUTED' | 'FAILED';

/** A pending item and what became of it. */
export interface PendingItem {
  readonly approvalId: string;
  readonly kind: string;
  readonly branchCode: string;
  readonly makerUserId: string;
  readonly makerRole: StaffRole;
  readonly checkerRoles: readonly StaffRole[];
  readonly excludedCheckers: readonly string[];
  readonly subject: ApprovalSubject;
  readonly requestedOn: string;
  readonly status: ApprovalStatus;
  readonly checkerUserId: string | null;
  /** Refusal reason or the failed action's error code. */
  readonly outcomeCode: string | null;
}

/** The approval aggregate: null before the request. */
export type ApprovalState = PendingItem | null;

/** Folds one approval event (pure). */
export function evolveApproval(state: ApprovalState, event: ApprovalEvent): ApprovalState {
  if (event.type === 'ApprovalRequested') {
    const data = event.data;
    return { ...data, status: 'PENDING', checkerUserId: null, outcomeCode: null };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'ApprovalGranted':
      return { ...state, status: 'APPROVED', checkerUserId: event.data.checkerUserId };
    case 'ApprovalRefused':
      return { ...state, status: 'REFUSED', checkerUserId: event.data.checkerUserId, outcomeCode: event.data.reasonCode };
    case 'ApprovalWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'ApprovedActionExecuted':
      return { ...state, status: 'EXECUTED' };
    case 'ApprovedActionFailed':
      return { ...state, status: 'FAILED', outcomeCode: event.data.code };
  }
}
