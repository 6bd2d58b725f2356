import { givenWhenThen, type Actor } from '@samabay/domain-kit';
import type { StaffCommand } from './staff-commands';
import { staffDecider } from './staff-decider';
import type { StaffEvent } from './staff-events';

const admin: Actor = { userId: 'admin-1', role: 'admin', branchCode: 'SNG' };
const headOffice: Actor = { userId: 'ho-1', role: 'head_office', branchCode: 'SNG' };
const manager: Actor = { userId: 'bm-1', role: 'branch_manager', branchCode: 'KLG' };
const businessDate = '2024-06-03';
const spec = givenWhenThen(staffDecider);

const registered: StaffEvent = { type: 'StaffRegistered', data: { userId: 'teller-7', role: 'teller', branchCode: 'KLG', registeredOn: businessDate } };
const disabled: StaffEvent = { type: 'StaffDisabled', data: { userId: 'teller-7', reasonCode: 'LEFT_SERVICE', disabledOn: businessDate } };
const register: StaffCommand = { type: 'RegisterStaff', userId: 'teller-7', role: 'teller', branchCode: 'KLG', actor: admin, businessDate };
const disable: StaffCommand = { type: 'DisableStaff', userId: 'teller-7', reasonCode: 'LEFT_SERVICE', actor: headOffice, businessDate };
const enable: StaffCommand = { type: 'EnableStaff', userId: 'teller-7', actor: headOffice, businessDate };
const change: StaffCommand = { type: 'ChangeStaffRole', userId: 'teller-7', role: 'branch_manager', branchCode: 'DHT', approvalId: 'SNG-AP-0123456789abcdef0123', actor: headOffice, businessDate };

describe('staff registry: register', () => {
  it('registers a user with a role at a branch', () => {
    spec.when(register).then([registered]);
  });

  it.each([
    ['twice', [registered], register, 'STAFF_ALREADY_REGISTERED', 'userId'],
    ['by a branch manager', [], { ...register, actor: manager }, 'ROLE_NOT_ALLOWED', 'actor.role'],
    ['an unknown role', [], { ...register, role: 'root' }, 'INVALID_ROLE', 'role'],
    ['a bad branch', [], { ...register, branchCode: 'kolkata' }, 'INVALID_BRANCH_CODE', 'branchCode'],
    ['a user id with spaces', [], { ...register, userId: 'Rina Das' }, 'INVALID_USER_ID', 'userId'],
    ['a bad date', [], { ...register, businessDate: '2024-13-01' }, 'BAD_DATE', 'businessDate'],
    ['of an admin without a second administrator', [], { ...register, userId: 'admin-3', role: 'admin' }, 'APPROVAL_REQUIRED', 'role'],
    ['of head office without a second administrator', [], { ...register, userId: 'ho-3', role: 'head_office' }, 'APPROVAL_REQUIRED', 'role'],
    ['of an auditor without a second administrator', [], { ...register, userId: 'aud-3', role: 'auditor' }, 'APPROVAL_REQUIRED', 'role'],
    ['marked bootstrap by anyone but the platform', [], { ...register, userId: 'admin-3', role: 'admin', bootstrap: true }, 'APPROVAL_REQUIRED', 'role'],
    ["of the platform's own actor id", [], { ...register, userId: 'system' }, 'RESERVED_USER_ID', 'userId'],
  ] as const)('refuses a registration %s', (_name, history, command, code, field) => {
    spec.given(history as readonly StaffEvent[]).when(command as StaffCommand).thenThrows(code, field);
  });
});

describe('staff registry: privileged roles', () => {
  it('registers an admin, head office or auditor once a maker–checker item approved it', () => {
    const approvalId = 'SNG-AP-0123456789abcdef0123';
    spec.when({ ...register, userId: 'admin-3', role: 'admin', branchCode: 'SNG', approvalId }).then([
      { type: 'StaffRegistered', data: { userId: 'admin-3', role: 'admin', branchCode: 'SNG', registeredOn: businessDate, approvalId } },
    ]);
  });

  it("lets only the platform's start-up actor register its first administrator without one", () => {
    const system: Actor = { userId: 'system', role: 'admin', branchCode: 'SNG' };
    spec.when({ ...register, userId: 'admin-1', role: 'admin', branchCode: 'SNG', bootstrap: true, actor: system }).then([
      { type: 'StaffRegistered', data: { userId: 'admin-1', role: 'admin', branchCode: 'SNG', registeredOn: businessDate, bootstrap: true } },
    ]);
  });
});

describe('staff registry: disable and enable', () => {
  it('disables with a reason code and enables again', () => {
    spec.given([registered]).when(disable).then([disabled]);
    spec.given([registered, disabled]).when(enable).then([{ type: 'StaffEnabled', data: { userId: 'teller-7', enabledOn: businessDate } }]);
  });

  it('refuses the impossible', () => {
    spec.when(disable).thenThrows('STAFF_NOT_FOUND', 'userId');
    spec.given([registered, disabled]).when(disable).thenThrows('STAFF_ALREADY_DISABLED');
    spec.given([registered]).when(enable).thenThrows('STAFF_NOT_DISABLED');
    spec.given([registered]).when({ ...disable, reasonCode: 'she stole' }).thenThrows('INVALID_REASON_CODE', 'reasonCode');
    spec.given([{ type: 'StaffRegistered', data: { userId: 'ho-1', role: 'head_office', branchCode: 'SNG', registeredOn: businessDate } }]).when({ ...disable, userId: 'ho-1' }).thenThrows('NOT_ON_ONESELF', 'userId');
  });
});

describe('staff registry: role change (after maker–checker approval)', () => {
  it('records old and new role and branch with the approval', () => {
    spec.given([registered]).when(change).then([
      {
        type: 'StaffRoleChanged',
        data: { userId: 'teller-7', role: 'branch_manager', branchCode: 'DHT', previousRole: 'teller', previousBranchCode: 'KLG', approvalId: 'SNG-AP-0123456789abcdef0123', changedOn: businessDate },
      },
    ]);
  });

  it("refuses no change, no approval, or one's own role", () => {
    spec.given([registered]).when({ ...change, role: 'teller', branchCode: 'KLG' }).thenThrows('ROLE_UNCHANGED', 'role');
    spec.given([registered]).when({ ...change, approvalId: '' }).thenThrows('MISSING_APPROVAL', 'approvalId');
    spec.given([{ type: 'StaffRegistered', data: { userId: 'ho-1', role: 'head_office', branchCode: 'SNG', registeredOn: businessDate } }]).when({ ...change, userId: 'ho-1', role: 'admin' }).thenThrows('NOT_ON_ONESELF');
    spec.when(change).thenThrows('STAFF_NOT_FOUND');
  });
});
