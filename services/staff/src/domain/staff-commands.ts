import type { Actor, StaffRole } from '@samabay/domain-kit';

/**
 * Registers a staff user. `actor`: a registry administrator (head_office, admin). A privileged role
 * (admin, head_office, auditor) needs `approvalId`, the maker–checker item a second administrator
 * approved (`actor` is then the checker) — or `bootstrap`, which only the platform's own start-up
 * actor (`system`, never a registrable user) may set to register the first administrator.
 */
export interface RegisterStaff {
  readonly type: 'RegisterStaff';
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
  readonly approvalId?: string;
  readonly bootstrap?: boolean;
  readonly actor: Actor;
  readonly businessDate: string;
}
/** Disables a staff user with a reason code (capital letters, digits, underscores). */
export interface DisableStaff {
  readonly type: 'DisableStaff';
  readonly userId: string;
  readonly reasonCode: string;
  readonly actor: Actor;
  readonly businessDate: string;
}
/** Enables a disabled staff user. */
export interface EnableStaff {
  readonly type: 'EnableStaff';
  readonly userId: string;
  readonly actor: Actor;
  readonly businessDate: string;
}
/** Changes role and/or branch as approved by maker–checker item `approvalId`; `actor` is the checker. */
export interface ChangeStaffRole {
  readonly type: 'ChangeStaffRole';
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
  readonly approvalId: string;
  readonly actor: Actor;
  readonly businessDate: string;
}

/** Every command of the staff decider. */
export type StaffCommand = RegisterStaff | DisableStaff | EnableStaff | ChangeStaffRole;
