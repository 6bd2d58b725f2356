/** @samabay/maker-checker — the shared maker–checker mechanism (DESIGN §7): pending items a different, authorised person approves; the approved action; the pending-items read model. */
export type * from './domain/approval-events';
export { APPROVAL_EVENT_TYPES } from './domain/approval-events';
export type * from './domain/approval-commands';
export { evolveApproval, type ApprovalState, type ApprovalStatus, type PendingItem } from './domain/approval-state';
export { approvalDecider } from './domain/approval-decider';
export { requireDistinctChecker, BRANCH_BOUND_ROLES } from './domain/checker-rules';
export { approvalIdFor, approvalStreamId, branchOfApprovalId } from './application/approval-ids';
export { ApprovalQueue, type ApprovedAction, type ApprovalAnswer, type ApprovalRequest } from './application/approval-queue';
export { PendingItemsProjection, DEFAULT_APPROVALS_SCHEMA, pendingItemsTable, type ForeignItemChange, type ForeignItemSource } from './infrastructure/pending-items-projection';
export { PendingItemsReader, type PendingItemRecord, type PendingItemsFilter } from './infrastructure/pending-items-reader';
