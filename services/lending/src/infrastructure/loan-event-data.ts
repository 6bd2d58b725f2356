import type { RecordedEvent } from '@samabay/event-store';
import type { LoanEvent } from '../domain/loan/loan-events';

/** The `loan-` stream category (DESIGN §3). */
export const LOAN_STREAM_PREFIX = 'loan-';

const LOAN_EVENT_TYPES: ReadonlySet<string> = new Set<LoanEvent['type']>([
  'LoanApplied',
  'LoanAppraised',
  'LoanApproved',
  'LoanDisbursed',
  'LoanDisbursementRequested',
  'LoanDisbursementFailed',
  'LoanRejected',
  'LoanApplicationWithdrawn',
  'LoanScheduleRevised',
  'LoanRepaymentRecorded',
  'LoanRescheduled',
  'LoanPenaltyCharged',
  'LoanArrearsClassified',
  'LoanMarkedAsLoss',
  'LoanWriteOffRequested',
  'LoanWrittenOff',
  'LoanClosed',
]);

/** The recorded event as a LoanEvent, or null for any other stream or event type (projections ignore those). */
export function asLoanEvent(event: RecordedEvent): LoanEvent | null {
  if (!event.streamId.startsWith(LOAN_STREAM_PREFIX) || !LOAN_EVENT_TYPES.has(event.type)) return null;
  return { type: event.type, data: event.data } as LoanEvent;
}

/** The business date a loan event belongs to (YYYY-MM-DD): the date its data names. */
export function loanEventDate(event: LoanEvent): string {
  switch (event.type) {
    case 'LoanApplied':
      return event.data.appliedOn;
    case 'LoanAppraised':
      return event.data.appraisedOn;
    case 'LoanApproved':
      return event.data.approvedOn;
    case 'LoanDisbursed':
      return event.data.disbursedOn;
    case 'LoanDisbursementRequested':
      return event.data.requestedOn;
    case 'LoanDisbursementFailed':
      return event.data.failedOn;
    case 'LoanRejected':
      return event.data.rejectedOn;
    case 'LoanApplicationWithdrawn':
      return event.data.withdrawnOn;
    case 'LoanScheduleRevised':
      return event.data.revisedOn;
    case 'LoanRepaymentRecorded':
      return event.data.paidOn;
    case 'LoanRescheduled':
      return event.data.rescheduledOn;
    case 'LoanPenaltyCharged':
      return event.data.chargedOn;
    case 'LoanArrearsClassified':
      return event.data.classifiedOn;
    case 'LoanMarkedAsLoss':
      return event.data.markedOn;
    case 'LoanWriteOffRequested':
      return event.data.requestedOn;
    case 'LoanWrittenOff':
      return event.data.writtenOffOn;
    case 'LoanClosed':
      return event.data.closedOn;
  }
}
