import type { DomainEvent, StaffRole } from '@samabay/domain-kit';

/** What an approved item does, in words safe to store and show: ids, codes and amounts (paise), never personal data. */
export type ApprovalSubject = Readonly<Record<string, string | number | boolean>>;

/** A maker asked for a second person's approval. `checkerRoles` may approve; `excludedCheckers` (besides the maker) may not. */
export type ApprovalRequested = DomainEvent<
  'ApprovalRequested',
  {
    approvalId: string;
    kind: string;
    branchCode: string;
    makerUserId: string;
    makerRole: StaffRole;
    checkerRoles: StaffRole[];
    excludedCheckers: string[];
    subject: ApprovalSubject;
    requestedOn: string;
  }
>;
/** A checker other than the maker approved the item; the approved action runs next. */
export type ApprovalGranted = DomainEvent<'ApprovalGranted', { approvalId: string; checkerUserId: string; checkerRole: StaffRole; decidedOn: string }>;
/** A checker turned the item down; nothing will run. `reasonCode` is a short code, never free text. */
export type ApprovalRefused = DomainEvent<'ApprovalRefused', { approvalId: string; checkerUserId: string; checkerRole: StaffRole; reasonCode: string; decidedOn: string }>;
/** The maker withdrew the item before a checker decided. */
export type ApprovalWithdrawn = DomainEvent<'ApprovalWithdrawn', { approvalId: string; makerUserId: string; decidedOn: string }>;
/** The approved action ran (its own events are in its own stream). */
export type ApprovedActionExecuted = DomainEvent<'ApprovedActionExecuted', { approvalId: string; streamId: string | null }>;
/** The approved action was refused when it ran (e.g. the balance fell meanwhile); `code` is the refusal's DomainError code. */
export type ApprovedActionFailed = DomainEvent<'ApprovedActionFailed', { approvalId: string; code: string; field: string | null }>;

/** Every event of an approval stream (`approval-<approvalId>`). */
export type ApprovalEvent = ApprovalRequested | ApprovalGranted | ApprovalRefused | ApprovalWithdrawn | ApprovedActionExecuted | ApprovedActionFailed;

/** The event types of approval streams, for projections. */
export const APPROVAL_EVENT_TYPES: ReadonlySet<string> = new Set(['ApprovalRequested', 'ApprovalGranted', 'ApprovalRefused', 'ApprovalWithdrawn', 'ApprovedActionExecuted', 'ApprovedActionFailed']);
