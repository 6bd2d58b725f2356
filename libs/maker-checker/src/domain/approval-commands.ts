import type { Actor, StaffRole } from '@samabay/domain-kit';
import type { ApprovalSubject } from './approval-events';

/** A maker asks for approval of `kind` at `branchCode`. `businessDate`: Asia/Kolkata date of the request. */
export interface RequestApproval {
  readonly type: 'RequestApproval';
  readonly approvalId: string;
  readonly kind: string;
  readonly branchCode: string;
  readonly maker: Actor;
  readonly checkerRoles: readonly StaffRole[];
  /** Staff who may not check this item besides the maker (e.g. the person whose role changes). */
  readonly excludedCheckers?: readonly string[];
  readonly subject: ApprovalSubject;
  readonly businessDate: string;
}
/** A checker approves the pending item. */
export interface ApproveItem {
  readonly type: 'ApproveItem';
  readonly approvalId: string;
  readonly checker: Actor;
  readonly businessDate: string;
}
/** A checker refuses the pending item with a short reason code (A–Z, digits, underscores). */
export interface RefuseItem {
  readonly type: 'RefuseItem';
  readonly approvalId: string;
  readonly checker: Actor;
  readonly reasonCode: string;
  readonly businessDate: string;
}
/** The maker withdraws the pending item. */
export interface WithdrawItem {
  readonly type: 'WithdrawItem';
  readonly approvalId: string;
  readonly maker: Actor;
  readonly businessDate: string;
}
/** Records how the approved action went when it ran. */
export interface RecordOutcome {
  readonly type: 'RecordOutcome';
  readonly approvalId: string;
  readonly outcome: { readonly executed: true; readonly streamId: string | null } | { readonly executed: false; readonly code: string; readonly field: string | null };
}

/** Every command of the approval decider. */
export type ApprovalCommand = RequestApproval | ApproveItem | RefuseItem | WithdrawItem | RecordOutcome;
