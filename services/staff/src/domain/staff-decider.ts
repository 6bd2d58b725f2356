import { DomainError, type Decider } from '@samabay/domain-kit';
import type { StaffCommand } from './staff-commands';
import type { StaffEvent } from './staff-events';
import {
  requireApprovalForPrivilegedRole,
  requireBusinessDate,
  requireNotSelf,
  requireReasonCode,
  requireRegistrableUserId,
  requireRegistryAdmin,
  requireRoleAndBranch,
  requireStaff,
  requireUserId,
} from './staff-rules';
import { evolveStaff, type StaffState } from './staff-state';

/**
 * The staff registry's aggregate (one stream per user, `staff-<userId>`; DESIGN §7): registered with a
 * role and branch (a privileged role — admin, head_office, auditor — only after maker–checker
 * approval), disabled and enabled, role/branch changed after maker–checker approval. Only
 * registry administrators (head_office, admin) act; nobody disables or changes themselves.
 * Errors: INVALID_USER_ID, INVALID_ROLE, INVALID_BRANCH_CODE, INVALID_REASON_CODE, BAD_DATE,
 * INVALID_ACTOR, ROLE_NOT_ALLOWED, APPROVAL_REQUIRED, RESERVED_USER_ID, STAFF_ALREADY_REGISTERED, STAFF_NOT_FOUND, NOT_ON_ONESELF,
 * STAFF_ALREADY_DISABLED, STAFF_NOT_DISABLED, ROLE_UNCHANGED, MISSING_APPROVAL.
 */
export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = {
  initialState: null,
  evolve: evolveStaff,
  decide(command, state) {
    const actor = requireRegistryAdmin(command.actor);
    const userId = requireUserId(command.userId);
    const on = requireBusinessDate(command.businessDate);
    switch (command.type) {
      case 'RegisterStaff': {
        const { role, branchCode } = requireRoleAndBranch(command.role, command.branchCode);
        requireRegistrableUserId(userId);
        requireApprovalForPrivilegedRole(role, command.approvalId, command.bootstrap, actor);
        if (state !== null) throw new DomainError('STAFF_ALREADY_REGISTERED', 'this user id is already registered', 'userId');
        const approval = command.approvalId ? { approvalId: command.approvalId } : command.bootstrap === true ? { bootstrap: true as const } : {};
        return [{ type: 'StaffRegistered', data: { userId, role, branchCode, registeredOn: on, ...approval } }];
      }
      case 'DisableStaff': {
        const reasonCode = requireReasonCode(command.reasonCode);
        const member = requireStaff(state, userId);
        requireNotSelf(actor, userId, 'disable');
        if (!member.active) throw new DomainError('STAFF_ALREADY_DISABLED', 'the user is already disabled', 'userId');
        return [{ type: 'StaffDisabled', data: { userId, reasonCode, disabledOn: on } }];
      }
      case 'EnableStaff': {
        const member = requireStaff(state, userId);
        requireNotSelf(actor, userId, 'enable');
        if (member.active) throw new DomainError('STAFF_NOT_DISABLED', 'the user is not disabled', 'userId');
        return [{ type: 'StaffEnabled', data: { userId, enabledOn: on } }];
      }
      case 'ChangeStaffRole': {
        const { role, branchCode } = requireRoleAndBranch(command.role, command.branchCode);
        const member = requireStaff(state, userId);
        requireNotSelf(actor, userId, 'change the role of');
        if (typeof command.approvalId !== 'string' || command.approvalId.length === 0) throw new DomainError('MISSING_APPROVAL', 'a role change needs an approved maker–checker item', 'approvalId');
        if (member.role === role && member.branchCode === branchCode) throw new DomainError('ROLE_UNCHANGED', 'the user already has this role at this branch', 'role');
        return [
          { type: 'StaffRoleChanged', data: { userId, role, branchCode, previousRole: member.role, previousBranchCode: member.branchCode, approvalId: command.approvalId, changedOn: on } },
        ];
      }
    }
  },
};

/** The stream of one staff user. */
export function staffStreamId(userId: string): string {
  return `staff-${userId}`;
}
