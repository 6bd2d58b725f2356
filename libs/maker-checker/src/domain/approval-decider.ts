import { DomainError, parseIsoDate, ValidationError, type Decider, type StaffRole } from '@samabay/domain-kit';
import type { ApprovalCommand, RequestApproval } from './approval-commands';
import type { ApprovalEvent } from './approval-events';
import { evolveApproval, type ApprovalState, type PendingItem } from './approval-state';
import { requireDistinctChecker } from './checker-rules';

const KIND = /^[A-Z][A-Z0-9_]{1,63}$/;
const BRANCH = /^[A-Z]{3}$/;
const REASON = /^[A-Z][A-Z0-9_]{1,63}$/;
const APPROVAL_ID = /^[A-Z]{3}-AP-[0-9a-f]{20}$/;

/**
 * The maker–checker decider (DESIGN §7), shared by every action that needs a second person: a
 * pending item (kind, branch, maker, the roles that may check it) that a different, authorised
 * person approves or refuses, or the maker withdraws; once approved, the outcome of running the
 * action is recorded. Pure. Errors: see each branch of `decide`.
 */
export const approvalDecider: Decider<ApprovalCommand, ApprovalEvent, ApprovalState> = {
  initialState: null,
  evolve: evolveApproval,
  decide(command, state) {
    switch (command.type) {
      case 'RequestApproval':
        return decideRequest(command, state);
      case 'ApproveItem': {
        const item = requirePending(state, command.approvalId);
        const checker = requireDistinctChecker(command.checker, item);
        return [{ type: 'ApprovalGranted', data: { approvalId: item.approvalId, checkerUserId: checker.userId, checkerRole: checker.role, decidedOn: date(command.businessDate) } }];
      }
      case 'RefuseItem': {
        const item = requirePending(state, command.approvalId);
        const checker = requireDistinctChecker(command.checker, item);
        if (typeof command.reasonCode !== 'string' || !REASON.test(command.reasonCode)) {
          throw new ValidationError('reasonCode', 'the reason is a code of capital letters, digits and underscores', 'INVALID_REASON_CODE');
        }
        return [
          { type: 'ApprovalRefused', data: { approvalId: item.approvalId, checkerUserId: checker.userId, checkerRole: checker.role, reasonCode: command.reasonCode, decidedOn: date(command.businessDate) } },
        ];
      }
      case 'WithdrawItem': {
        const item = requirePending(state, command.approvalId);
        if (command.maker?.userId !== item.makerUserId) throw new DomainError('NOT_THE_MAKER', 'only the maker may withdraw the item', 'actor.userId');
        return [{ type: 'ApprovalWithdrawn', data: { approvalId: item.approvalId, makerUserId: item.makerUserId, decidedOn: date(command.businessDate) } }];
      }
      case 'RecordOutcome': {
        const item = requireItem(state, command.approvalId);
        if (item.status === 'EXECUTED' || item.status === 'FAILED') return [];
        if (item.status !== 'APPROVED') throw new DomainError('APPROVAL_NOT_GRANTED', 'the item has not been approved', 'approvalId');
        const outcome = command.outcome;
        return outcome.executed
          ? [{ type: 'ApprovedActionExecuted', data: { approvalId: item.approvalId, streamId: outcome.streamId } }]
          : [{ type: 'ApprovedActionFailed', data: { approvalId: item.approvalId, code: outcome.code, field: outcome.field } }];
      }
    }
  },
};

function decideRequest(command: RequestApproval, state: ApprovalState): ApprovalEvent[] {
  if (state !== null) throw new DomainError('APPROVAL_ALREADY_REQUESTED', 'this item was already requested', 'approvalId');
  if (typeof command.approvalId !== 'string' || !APPROVAL_ID.test(command.approvalId)) throw new ValidationError('approvalId', 'the approval id must look like SNG-AP-<20 hex digits>', 'INVALID_APPROVAL_ID');
  if (typeof command.kind !== 'string' || !KIND.test(command.kind)) throw new ValidationError('kind', 'the kind is a code of capital letters, digits and underscores', 'INVALID_KIND');
  if (typeof command.branchCode !== 'string' || !BRANCH.test(command.branchCode)) throw new ValidationError('branchCode', 'the branch code is three capital letters', 'INVALID_BRANCH_CODE');
  if (!command.approvalId.startsWith(`${command.branchCode}-`)) throw new ValidationError('approvalId', "the approval id must start with the item's branch code", 'INVALID_APPROVAL_ID');
  if (!command.maker || typeof command.maker.userId !== 'string' || command.maker.userId.trim() === '') throw new ValidationError('actor.userId', 'the acting staff member is missing', 'INVALID_ACTOR');
  const checkerRoles: StaffRole[] = [...new Set(command.checkerRoles ?? [])];
  if (checkerRoles.length === 0) throw new ValidationError('checkerRoles', 'at least one checker role is required', 'NO_CHECKER_ROLES');
  return [
    {
      type: 'ApprovalRequested',
      data: {
        approvalId: command.approvalId,
        kind: command.kind,
        branchCode: command.branchCode,
        makerUserId: command.maker.userId,
        makerRole: command.maker.role,
        checkerRoles,
        excludedCheckers: [...new Set(command.excludedCheckers ?? [])],
        subject: { ...command.subject },
        requestedOn: date(command.businessDate),
      },
    },
  ];
}

function requireItem(state: ApprovalState, approvalId: string): PendingItem {
  if (state === null || state.approvalId !== approvalId) throw new DomainError('APPROVAL_NOT_FOUND', 'there is no such pending item', 'approvalId');
  return state;
}

function requirePending(state: ApprovalState, approvalId: string): PendingItem {
  const item = requireItem(state, approvalId);
  if (item.status !== 'PENDING') throw new DomainError('APPROVAL_NOT_PENDING', `the item is ${item.status.toLowerCase()}, not pending`, 'approvalId');
  return item;
}

function date(value: string): string {
  return parseIsoDate(value, 'businessDate');
}
