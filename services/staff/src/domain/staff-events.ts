import type { DomainEvent, StaffRole } from '@samabay/domain-kit';

/**
 * A staff user was registered with a role at a branch. `approvalId`: the maker–checker item that
 * approved a privileged role; `bootstrap`: the platform registered its first administrator at start-up.
 */
export type StaffRegistered = DomainEvent<
  'StaffRegistered',
  { userId: string; role: StaffRole; branchCode: string; registeredOn: string; approvalId?: string; bootstrap?: true }
>;
/** The user may no longer act; the gateway refuses their tokens from now on. `reasonCode`: a short code, never free text. */
export type StaffDisabled = DomainEvent<'StaffDisabled', { userId: string; reasonCode: string; disabledOn: string }>;
/** A disabled user may act again. */
export type StaffEnabled = DomainEvent<'StaffEnabled', { userId: string; enabledOn: string }>;
/** The user's role and/or branch changed after maker–checker approval `approvalId`; tokens naming the old ones are refused. */
export type StaffRoleChanged = DomainEvent<
  'StaffRoleChanged',
  { userId: string; role: StaffRole; branchCode: string; previousRole: StaffRole; previousBranchCode: string; approvalId: string; changedOn: string }
>;

/** Every event of a staff stream (`staff-<userId>`). */
export type StaffEvent = StaffRegistered | StaffDisabled | StaffEnabled | StaffRoleChanged;

/** The event types of staff streams, for projections. */
export const STAFF_EVENT_TYPES: ReadonlySet<string> = new Set(['StaffRegistered', 'StaffDisabled', 'StaffEnabled', 'StaffRoleChanged']);
