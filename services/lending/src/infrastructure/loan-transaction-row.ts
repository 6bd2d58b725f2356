import type { LoanEvent } from '../domain/loan/loan-events';
import { loanEventDate } from './loan-event-data';

/** What a loan event did, as one line of the loan account statement's "actual" side (see {@link toTransactionRow}). */
export type LoanTransactionKind =
  | 'APPLIED'
  | 'APPRAISED'
  | 'APPROVED'
  | 'DISBURSED'
  | 'DISBURSEMENT_REQUESTED'
  | 'DISBURSEMENT_FAILED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'SCHEDULE_REVISED'
  | 'REPAYMENT'
  | 'RESCHEDULED'
  | 'PENALTY_CHARGED'
  | 'ARREARS_CLASSIFIED'
  | 'MARKED_AS_LOSS'
  | 'WRITE_OFF_REQUESTED'
  | 'WRITTEN_OFF'
  | 'CLOSED';

/**
 * One statement line (paise; null where the event moves no such money): `amountPaise` is what changed
 * hands or was decided (applied/approved/disbursed amount, repayment received); the components are what
 * a repayment paid, a penalty charged or a write-off removed; `principalOutstandingPaise` the principal
 * outstanding after it where the event states it; `detail` the class, reason or terms (no personal data).
 */
export interface LoanTransactionRow {
  readonly businessDate: string;
  readonly kind: LoanTransactionKind;
  readonly amountPaise: number | null;
  readonly principalPaise: number | null;
  readonly interestPaise: number | null;
  readonly penaltyPaise: number | null;
  readonly excessPaise: number | null;
  readonly principalOutstandingPaise: number | null;
  readonly detail: Readonly<Record<string, string | number | null>>;
}

const NO_MONEY = { amountPaise: null, principalPaise: null, interestPaise: null, penaltyPaise: null, excessPaise: null, principalOutstandingPaise: null } as const;

/** Maps a loan event to its statement line. Pure. */
export function toTransactionRow(event: LoanEvent): LoanTransactionRow {
  const businessDate = loanEventDate(event);
  switch (event.type) {
    case 'LoanApplied': {
      const { amountPaise, productCode, purpose, numberOfInstalments, annualRatePercent } = event.data;
      return { businessDate, kind: 'APPLIED', ...NO_MONEY, amountPaise, detail: { productCode, purpose, numberOfInstalments, annualRatePercent } };
    }
    case 'LoanAppraised': {
      const { amountPaise, numberOfInstalments, annualRatePercent } = event.data;
      return { businessDate, kind: 'APPRAISED', ...NO_MONEY, amountPaise, detail: { numberOfInstalments, annualRatePercent } };
    }
    case 'LoanApproved':
      return { businessDate, kind: 'APPROVED', ...NO_MONEY, amountPaise: event.data.amountPaise, detail: { approverRole: event.data.approverRole } };
    case 'LoanDisbursed':
      return {
        businessDate,
        kind: 'DISBURSED',
        ...NO_MONEY,
        amountPaise: event.data.amountPaise,
        principalPaise: event.data.amountPaise,
        principalOutstandingPaise: event.data.principalOutstandingPaise,
        detail: { channel: event.data.channel.kind, instalments: event.data.instalments.length, totalInterestPaise: event.data.totalInterestPaise },
      };
    case 'LoanDisbursementRequested':
      return { businessDate, kind: 'DISBURSEMENT_REQUESTED', ...NO_MONEY, amountPaise: event.data.amountPaise, detail: { savingsAccountId: event.data.savingsAccountId } };
    case 'LoanDisbursementFailed':
      return { businessDate, kind: 'DISBURSEMENT_FAILED', ...NO_MONEY, detail: { savingsAccountId: event.data.savingsAccountId, reasonCode: event.data.reasonCode } };
    case 'LoanRejected':
      return { businessDate, kind: 'REJECTED', ...NO_MONEY, detail: { reason: event.data.reason, rejectorRole: event.data.rejectorRole } };
    case 'LoanApplicationWithdrawn':
      return { businessDate, kind: 'WITHDRAWN', ...NO_MONEY, detail: { reason: event.data.reason } };
    case 'LoanScheduleRevised':
      return { businessDate, kind: 'SCHEDULE_REVISED', ...NO_MONEY, detail: { reason: event.data.reason, fromInstalmentNumber: event.data.fromInstalmentNumber } };
    case 'LoanRepaymentRecorded': {
      const data = event.data;
      return {
        businessDate,
        kind: 'REPAYMENT',
        amountPaise: data.amountPaise,
        principalPaise: data.principalPaidPaise,
        interestPaise: data.interestPaidPaise,
        penaltyPaise: data.penaltyPaidPaise,
        excessPaise: data.excessRefundedPaise,
        principalOutstandingPaise: data.balances.principalOutstandingPaise,
        detail: { strategy: data.strategy },
      };
    }
    case 'LoanRescheduled':
      return {
        businessDate,
        kind: 'RESCHEDULED',
        ...NO_MONEY,
        principalOutstandingPaise: event.data.principalOutstandingPaise,
        detail: { numberOfInstalments: event.data.numberOfInstalments, annualRatePercent: event.data.annualRatePercent, carriedInterestPaise: event.data.carriedInterestPaise },
      };
    case 'LoanPenaltyCharged':
      return {
        businessDate,
        kind: 'PENALTY_CHARGED',
        ...NO_MONEY,
        penaltyPaise: event.data.penaltyPaise,
        detail: { instalmentNumber: event.data.instalmentNumber, daysPastDue: event.data.daysPastDue },
      };
    case 'LoanArrearsClassified': {
      const { daysPastDue, smaClass, assetClass, npaSince, principalOutstandingPaise } = event.data;
      return { businessDate, kind: 'ARREARS_CLASSIFIED', ...NO_MONEY, principalOutstandingPaise, detail: { daysPastDue, smaClass, assetClass, npaSince } };
    }
    case 'LoanMarkedAsLoss':
      return { businessDate, kind: 'MARKED_AS_LOSS', ...NO_MONEY, detail: {} };
    case 'LoanWriteOffRequested':
      return { businessDate, kind: 'WRITE_OFF_REQUESTED', ...NO_MONEY, detail: {} };
    case 'LoanWrittenOff': {
      const data = event.data;
      return {
        businessDate,
        kind: 'WRITTEN_OFF',
        ...NO_MONEY,
        principalPaise: data.principalWrittenOffPaise,
        interestPaise: data.interestWrittenOffPaise,
        penaltyPaise: data.penaltyWrittenOffPaise,
        principalOutstandingPaise: 0,
        detail: {},
      };
    }
    case 'LoanClosed':
      return { businessDate, kind: 'CLOSED', ...NO_MONEY, principalOutstandingPaise: 0, detail: {} };
  }
}
