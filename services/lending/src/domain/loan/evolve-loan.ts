import { openPosition } from '../repayment/instalment-position';
import { applyRevision } from '../repayment/schedule-revision';
import { applyAllocations } from '../repayment/apply-allocations';
import type { EligibilityFacts } from './loan-commands';
import type { LoanEvent, LoanRescheduled } from './loan-events';
import { PERFORMING, type LoanSnapshot, type LoanState } from './loan-state';

/** Folds one event into the loan's state (pure; the decider's `evolve`). Events on a missing loan leave the state null. */
export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  if (event.type === 'LoanApplied') {
    const data = event.data;
    return {
      loanId: data.loanId,
      memberNo: data.memberNo,
      branchCode: data.branchCode,
      productCode: data.productCode,
      purpose: data.purpose,
      status: 'APPLIED',
      amountPaise: data.amountPaise,
      numberOfInstalments: data.numberOfInstalments,
      rate: data.rate,
      terms: data.terms,
      guarantors: data.guarantors,
      // Applications recorded before exposure was counted carry no exposurePaise (upcast to 0).
      eligibility: { ...data.eligibility, exposurePaise: (data.eligibility as Partial<EligibilityFacts>).exposurePaise ?? 0 },
      appliedOn: data.appliedOn,
      appliedBy: data.appliedBy,
      appraisedOn: null,
      appraisedBy: null,
      approvedOn: null,
      approvedBy: null,
      disbursedOn: null,
      instalments: [],
      principalGraceThrough: data.terms.grace.principalInstalments,
      interestGraceThrough: data.terms.grace.interestInstalments,
      lastActivityOn: null,
      arrears: PERFORMING,
      writeOffRequestedBy: null,
    };
  }
  return state && evolveExisting(state, event);
}

function evolveExisting(state: LoanSnapshot, event: LoanEvent): LoanSnapshot {
  switch (event.type) {
    case 'LoanApplied':
      return state;
    case 'LoanAppraised': {
      const { amountPaise, numberOfInstalments, rate, guarantors, appraisedOn, appraisedBy } = event.data;
      return { ...state, status: 'APPRAISED', amountPaise, numberOfInstalments, rate, guarantors, appraisedOn, appraisedBy };
    }
    case 'LoanApproved':
      return { ...state, status: 'APPROVED', approvedOn: event.data.approvedOn, approvedBy: event.data.approvedBy };
    case 'LoanDisbursementRequested': {
      const { data } = event;
      const pendingDisbursement = { disbursementId: data.disbursementId, savingsAccountId: data.savingsAccountId, requestedOn: data.requestedOn, requestedBy: data.requestedBy };
      return { ...state, pendingDisbursement };
    }
    case 'LoanDisbursementFailed':
      return { ...state, pendingDisbursement: null, failedDisbursements: [...(state.failedDisbursements ?? []), event.data.disbursementId] };
    case 'LoanRejected':
      return { ...state, status: 'REJECTED' };
    case 'LoanApplicationWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'LoanDisbursed':
      return {
        ...state,
        pendingDisbursement: null,
        disbursementId: event.data.disbursementId ?? null,
        status: 'ACTIVE',
        disbursedOn: event.data.disbursedOn,
        instalments: event.data.instalments.map(openPosition),
        lastActivityOn: event.data.disbursedOn,
      };
    case 'LoanScheduleRevised':
      return { ...state, instalments: applyRevision(state.instalments, event.data.fromInstalmentNumber, event.data.instalments), lastActivityOn: event.data.revisedOn };
    case 'LoanRepaymentRecorded':
      return { ...state, instalments: applyAllocations(state.instalments, event.data.allocations), lastActivityOn: event.data.paidOn };
    case 'LoanRescheduled':
      return rescheduled(state, event);
    case 'LoanPenaltyCharged':
      return {
        ...state,
        instalments: state.instalments.map((instalment) =>
          instalment.number === event.data.instalmentNumber ? { ...instalment, penaltyPaise: instalment.penaltyPaise + event.data.penaltyPaise } : instalment,
        ),
        lastActivityOn: event.data.chargedOn,
      };
    case 'LoanArrearsClassified': {
      const { smaClass, assetClass, npaSince, ownNpaSince, classifiedOn } = event.data;
      return { ...state, arrears: { ...state.arrears, smaClass, assetClass, npaSince, ownNpaSince }, lastActivityOn: classifiedOn };
    }
    case 'LoanMarkedAsLoss':
      return { ...state, arrears: { ...state.arrears, lossMarked: true, assetClass: 'LOSS' } };
    case 'LoanWriteOffRequested':
      return { ...state, writeOffRequestedBy: event.data.requestedBy };
    case 'LoanWrittenOff':
      return { ...state, status: 'WRITTEN_OFF', writeOffRequestedBy: null, lastActivityOn: event.data.writtenOffOn };
    case 'LoanClosed':
      return { ...state, status: 'CLOSED' };
  }
}

function rescheduled(state: LoanSnapshot, event: LoanRescheduled): LoanSnapshot {
  const { truncatedInstalments, fromInstalmentNumber, instalments, rate, rescheduledOn, upgradeBlockedUntil } = event.data;
  const truncated = new Map(truncatedInstalments.map((cut) => [cut.instalmentNumber, cut]));
  const cutDown = state.instalments.map((instalment) => {
    const cut = truncated.get(instalment.number);
    return cut
      ? { ...instalment, principalPaise: cut.principalPaise, interestPaise: cut.interestPaise, carriedInterestPaise: Math.min(instalment.carriedInterestPaise, cut.interestPaise) }
      : instalment;
  });
  return {
    ...state,
    rate,
    instalments: applyRevision(cutDown, fromInstalmentNumber, instalments),
    principalGraceThrough: 0,
    interestGraceThrough: 0,
    lastActivityOn: rescheduledOn,
    arrears: { ...state.arrears, upgradeBlockedUntil: upgradeBlockedUntil ?? state.arrears.upgradeBlockedUntil },
  };
}
