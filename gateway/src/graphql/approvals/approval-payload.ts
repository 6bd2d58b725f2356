import { formatPosition } from '@samabay/event-store';
import type { ApprovalAnswer, PendingItemRecord } from '@samabay/maker-checker';
import type { StaffRoleEnum } from '../staff/staff-role.enum';
import type { ApprovalPayloadType, ApprovalStatusEnum, PendingItemType } from './approval.types';

/** Maps an approval queue answer to the GraphQL ApprovalPayload (position as formatPosition text). */
export function toApprovalPayload(answer: ApprovalAnswer): ApprovalPayloadType {
  return {
    approvalId: answer.approvalId,
    status: answer.status as ApprovalStatusEnum,
    outcomeCode: answer.outcomeCode,
    replayed: answer.replayed,
    position: answer.position ? formatPosition(answer.position) : null,
  };
}

/** Maps a pending-items row to the GraphQL PendingItem (subject entries in key order, values as text). */
export function toPendingItem(record: PendingItemRecord): PendingItemType {
  return {
    approvalId: record.approvalId,
    kind: record.kind,
    branchCode: record.branchCode,
    makerUserId: record.makerUserId,
    makerRole: record.makerRole as StaffRoleEnum,
    checkerRoles: record.checkerRoles.map((role) => role as StaffRoleEnum),
    subject: Object.keys(record.subject)
      .sort()
      .map((key) => ({ key, value: String(record.subject[key]) })),
    requestedOn: record.requestedOn,
    status: record.status as ApprovalStatusEnum,
    checkerUserId: record.checkerUserId,
    outcomeCode: record.outcomeCode,
  };
}
