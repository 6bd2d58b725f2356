import type { Decider } from '@samabay/domain-kit';
import type { LoanProducts } from '../product/loan-product';
import { decideAgeing, decideLossMarking } from './decide-ageing';
import { decideClosure, decideWriteOff, decideWriteOffRequest } from './decide-closure';
import { decideRejection, decideWithdrawal } from './decide-application-end';
import { decideConfirmDisbursement, decideDisbursement, decideFailDisbursement } from './decide-disbursement';
import { decideApplication, decideAppraisal, decideApproval } from './decide-origination';
import { decideRepayment } from './decide-repayment';
import { decideReschedule } from './decide-reschedule';
import { evolveLoan } from './evolve-loan';
import type { LoanCommand } from './loan-commands';
import type { LoanEvent } from './loan-events';
import type { LoanState } from './loan-state';

/**
 * The loan decider (stream `loan-<loanId>`; issue 5 item 2, DESIGN §4): application → appraisal →
 * maker–checker approval (or maker–checker rejection, or the member's withdrawal) → disbursement (cash, or
 * requested into a savings account and confirmed by the disbursement process) → repayments (RBI or standard allocation, prepayment,
 * foreclosure) → rescheduling → day-end ageing → write-off (maker–checker) or closure. `products` is
 * the effective-dated loan product configuration, read only at application; the decider is pure and
 * synchronous (commands carry the business date, the actor and the eligibility facts). Every rejection
 * is a DomainError/ValidationError with a stable code and field, and appends nothing.
 */
export function createLoanDecider(products: LoanProducts): Decider<LoanCommand, LoanEvent, LoanState> {
  return {
    initialState: null,
    evolve: evolveLoan,
    decide(command, state) {
      switch (command.type) {
        case 'ApplyForLoan':
          return decideApplication(command, state, products);
        case 'AppraiseLoan':
          return decideAppraisal(command, state);
        case 'ApproveLoan':
          return decideApproval(command, state);
        case 'DisburseLoan':
          return decideDisbursement(command, state);
        case 'ConfirmDisbursement':
          return decideConfirmDisbursement(command, state);
        case 'FailDisbursement':
          return decideFailDisbursement(command, state);
        case 'RejectLoan':
          return decideRejection(command, state);
        case 'WithdrawLoanApplication':
          return decideWithdrawal(command, state);
        case 'RecordRepayment':
          return decideRepayment(command, state);
        case 'RescheduleLoan':
          return decideReschedule(command, state);
        case 'RequestWriteOff':
          return decideWriteOffRequest(command, state);
        case 'WriteOffLoan':
          return decideWriteOff(command, state);
        case 'MarkLoanAsLoss':
          return decideLossMarking(command, state);
        case 'CloseLoan':
          return decideClosure(command, state);
        case 'AgeLoan':
          return decideAgeing(command, state);
      }
    },
  };
}

