import { givenWhenThen, type Actor } from '@samabay/domain-kit';
import type { RequestApproval } from './approval-commands';
import { approvalDecider } from './approval-decider';
import type { ApprovalEvent, ApprovalRequested } from './approval-events';

const approvalId = 'KLG-AP-0123456789abcdef0123';
const teller: Actor = { userId: 'teller-1', role: 'teller', branchCode: 'KLG' };
const manager: Actor = { userId: 'manager-1', role: 'branch_manager', branchCode: 'KLG' };
const otherManager: Actor = { userId: 'manager-2', role: 'branch_manager', branchCode: 'SNG' };
const headOffice: Actor = { userId: 'ho-1', role: 'head_office', branchCode: 'SNG' };
const auditor: Actor = { userId: 'aud-1', role: 'auditor', branchCode: 'SNG' };

const request: RequestApproval = {
  type: 'RequestApproval',
  approvalId,
  kind: 'LARGE_WITHDRAWAL',
  branchCode: 'KLG',
  maker: teller,
  checkerRoles: ['branch_manager', 'head_office'],
  excludedCheckers: ['manager-9'],
  subject: { accountId: 'KLG-000001-SD-01', amountPaise: 5_000_000 },
  businessDate: '2024-06-03',
};
const requested: ApprovalRequested = {
  type: 'ApprovalRequested',
  data: {
    approvalId,
    kind: 'LARGE_WITHDRAWAL',
    branchCode: 'KLG',
    makerUserId: 'teller-1',
    makerRole: 'teller',
    checkerRoles: ['branch_manager', 'head_office'],
    excludedCheckers: ['manager-9'],
    subject: { accountId: 'KLG-000001-SD-01', amountPaise: 5_000_000 },
    requestedOn: '2024-06-03',
  },
};
const granted: ApprovalEvent = { type: 'ApprovalGranted', data: { approvalId, checkerUserId: 'manager-1', checkerRole: 'branch_manager', decidedOn: '2024-06-03' } };
const spec = givenWhenThen(approvalDecider);
const approve = (checker: Actor) => ({ type: 'ApproveItem' as const, approvalId, checker, businessDate: '2024-06-03' });

describe('maker–checker: request', () => {
  it('records the pending item', () => {
    spec.when(request).then([requested]);
  });

  it.each([
    ['a repeated request', [requested], request, 'APPROVAL_ALREADY_REQUESTED', 'approvalId'],
    ['a malformed id', [], { ...request, approvalId: 'KLG-1' }, 'INVALID_APPROVAL_ID', 'approvalId'],
    ['an id of another branch', [], { ...request, approvalId: 'SNG-AP-0123456789abcdef0123' }, 'INVALID_APPROVAL_ID', 'approvalId'],
    ['a lower-case kind', [], { ...request, kind: 'withdrawal' }, 'INVALID_KIND', 'kind'],
    ['no checker roles', [], { ...request, checkerRoles: [] }, 'NO_CHECKER_ROLES', 'checkerRoles'],
    ['a bad business date', [], { ...request, businessDate: '2024-02-30' }, 'BAD_DATE', 'businessDate'],
  ] as const)('refuses %s', (_name, history, command, code, field) => {
    spec.given(history as readonly ApprovalEvent[]).when(command as RequestApproval).thenThrows(code, field);
  });
});

describe('maker–checker: the checker', () => {
  it('is a different person of a checker role at the branch, or head office anywhere', () => {
    spec.given([requested]).when(approve(manager)).then([granted]);
    spec.given([requested]).when(approve(headOffice)).then([{ type: 'ApprovalGranted', data: { approvalId, checkerUserId: 'ho-1', checkerRole: 'head_office', decidedOn: '2024-06-03' } }]);
  });

  it.each([
    ['the maker, even promoted to a checker role', { ...teller, role: 'branch_manager' as const }, 'MAKER_CANNOT_APPROVE'],
    ['a teller', { ...teller, userId: 'teller-2' }, 'CHECKER_ROLE_NOT_ALLOWED'],
    ['an auditor (reads only)', auditor, 'CHECKER_ROLE_NOT_ALLOWED'],
    ['a branch manager of another branch', otherManager, 'CHECKER_OUTSIDE_BRANCH'],
    ['an excluded staff member', { ...manager, userId: 'manager-9' }, 'CHECKER_EXCLUDED'],
  ])('refuses %s', (_name, checker, code) => {
    spec.given([requested]).when(approve(checker)).thenThrows(code);
  });

  it('decides only pending items, once', () => {
    spec.when(approve(manager)).thenThrows('APPROVAL_NOT_FOUND', 'approvalId');
    spec.given([requested, granted]).when(approve(headOffice)).thenThrows('APPROVAL_NOT_PENDING', 'approvalId');
    spec.given([requested, granted]).when({ type: 'RefuseItem', approvalId, checker: headOffice, reasonCode: 'NOT_VERIFIED', businessDate: '2024-06-03' }).thenThrows('APPROVAL_NOT_PENDING');
  });

  it('refuses with a reason code, and lets only the maker withdraw', () => {
    spec
      .given([requested])
      .when({ type: 'RefuseItem', approvalId, checker: manager, reasonCode: 'SIGNATURE_MISMATCH', businessDate: '2024-06-04' })
      .then([{ type: 'ApprovalRefused', data: { approvalId, checkerUserId: 'manager-1', checkerRole: 'branch_manager', reasonCode: 'SIGNATURE_MISMATCH', decidedOn: '2024-06-04' } }]);
    spec.given([requested]).when({ type: 'RefuseItem', approvalId, checker: manager, reasonCode: 'Rina looked odd', businessDate: '2024-06-04' }).thenThrows('INVALID_REASON_CODE', 'reasonCode');
    spec.given([requested]).when({ type: 'WithdrawItem', approvalId, maker: teller, businessDate: '2024-06-04' }).then([{ type: 'ApprovalWithdrawn', data: { approvalId, makerUserId: 'teller-1', decidedOn: '2024-06-04' } }]);
    spec.given([requested]).when({ type: 'WithdrawItem', approvalId, maker: manager, businessDate: '2024-06-04' }).thenThrows('NOT_THE_MAKER');
  });
});

describe('maker–checker: outcome of the approved action', () => {
  it('records success or the refusal code once, and only after approval', () => {
    spec.given([requested, granted]).when({ type: 'RecordOutcome', approvalId, outcome: { executed: true, streamId: 'savingsAccount-KLG-000001-SD-01' } }).then([
      { type: 'ApprovedActionExecuted', data: { approvalId, streamId: 'savingsAccount-KLG-000001-SD-01' } },
    ]);
    spec.given([requested, granted]).when({ type: 'RecordOutcome', approvalId, outcome: { executed: false, code: 'BELOW_MINIMUM_BALANCE', field: 'amount' } }).then([
      { type: 'ApprovedActionFailed', data: { approvalId, code: 'BELOW_MINIMUM_BALANCE', field: 'amount' } },
    ]);
    spec
      .given([requested, granted, { type: 'ApprovedActionExecuted', data: { approvalId, streamId: null } }])
      .when({ type: 'RecordOutcome', approvalId, outcome: { executed: true, streamId: null } })
      .then([]);
    spec.given([requested]).when({ type: 'RecordOutcome', approvalId, outcome: { executed: true, streamId: null } }).thenThrows('APPROVAL_NOT_GRANTED');
  });
});
