import type { StaffRole } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import { APPROVING_ROLES, type LoanAppraised, type LoanApproved, type LoanWriteOffRequested, type LoanWrittenOff } from '@samabay/lending';
import type { ForeignItemChange, ForeignItemSource } from '@samabay/maker-checker';
import { branchOfLoanId } from '../auth/loan-branch';

/** Kinds of the lending items in the shared queue; they are decided with approveLoan / writeOffLoan (lending's own maker–checker). */
export const LOAN_APPROVAL = 'LOAN_APPROVAL';
export const LOAN_WRITE_OFF = 'LOAN_WRITE_OFF';

/** Queue ids of a loan's items (never of the form XXX-AP-…, so approvePendingItem cannot decide them). */
export const loanApprovalItemId = (loanId: string): string => `LOAN-APPROVAL-${loanId}`;
export const loanWriteOffItemId = (loanId: string): string => `LOAN-WRITE-OFF-${loanId}`;

/** A lending event ending an application without approval (the lending service names them in past tense, e.g. LoanApplicationRejected). */
const REFUSED = /^Loan(Application)?(Rejected|Declined)$/;
const WITHDRAWN = /^Loan(Application)?(Withdrawn|Cancelled)$/;

/**
 * Loan approval and write-off keep their maker–checker in lending's decider (the checker is a
 * branch_manager or head_office other than the maker); this source shows them in the shared
 * pending-items queue so checkers of a branch see one list: an appraisal puts the loan up for
 * approval, approval (or a rejection/withdrawal) takes it down; a write-off request likewise.
 */
export const lendingApprovalItems: ForeignItemSource = (event: RecordedEvent): ForeignItemChange | undefined => {
  if (!event.streamId.startsWith('loan-')) return undefined;
  const makerRole = (event.metadata as { actorRole?: StaffRole } | undefined)?.actorRole ?? 'teller';
  const checkerRoles = [...APPROVING_ROLES];
  switch (event.type) {
    case 'LoanAppraised': {
      const data = event.data as LoanAppraised['data'];
      const branchCode = branchOfLoanId(data.loanId) ?? (event.metadata as { branchCode?: string }).branchCode ?? '';
      const subject = { loanId: data.loanId, amountPaise: data.amountPaise, numberOfInstalments: data.numberOfInstalments };
      return { requested: { approvalId: loanApprovalItemId(data.loanId), kind: LOAN_APPROVAL, branchCode, makerUserId: data.appraisedBy, makerRole, checkerRoles, subject, requestedOn: data.appraisedOn } };
    }
    case 'LoanApproved': {
      const data = event.data as LoanApproved['data'];
      return { changed: { approvalId: loanApprovalItemId(data.loanId), status: 'EXECUTED', checkerUserId: data.approvedBy, outcomeCode: null } };
    }
    case 'LoanWriteOffRequested': {
      const data = event.data as LoanWriteOffRequested['data'];
      const branchCode = branchOfLoanId(data.loanId) ?? (event.metadata as { branchCode?: string }).branchCode ?? '';
      return { requested: { approvalId: loanWriteOffItemId(data.loanId), kind: LOAN_WRITE_OFF, branchCode, makerUserId: data.requestedBy, makerRole, checkerRoles, subject: { loanId: data.loanId }, requestedOn: data.requestedOn } };
    }
    case 'LoanWrittenOff': {
      const data = event.data as LoanWrittenOff['data'];
      return { changed: { approvalId: loanWriteOffItemId(data.loanId), status: 'EXECUTED', checkerUserId: data.approvedBy, outcomeCode: null } };
    }
    default: {
      const loanId = (event.data as { loanId?: unknown } | null)?.loanId;
      if (typeof loanId !== 'string') return undefined;
      if (REFUSED.test(event.type)) return { changed: { approvalId: loanApprovalItemId(loanId), status: 'REFUSED', checkerUserId: null, outcomeCode: event.type.toUpperCase() } };
      if (WITHDRAWN.test(event.type)) return { changed: { approvalId: loanApprovalItemId(loanId), status: 'WITHDRAWN', checkerUserId: null, outcomeCode: null } };
      return undefined;
    }
  }
};
