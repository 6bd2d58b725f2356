import type { Decider } from '@samabay/domain-kit';
import { decideRecurringDepositBusinessDay } from '../day-end/close-business-day';
import type { SavingsProducts } from '../products/savings-products';
import { decideChargeMissedInstalmentFine, decideOpenRecurringDeposit, decidePayFine, decidePayInstalment } from './decide-recurring-deposit';
import { decideCloseAtMaturity, decideClosePrematurely } from './decide-recurring-deposit-closure';
import type { RecurringDepositCommand } from './recurring-deposit-commands';
import type { RecurringDepositEvent } from './recurring-deposit-events';
import { evolveRecurringDeposit, type RecurringDepositState } from './recurring-deposit-state';

/**
 * The Recurring Deposit decider (stream `savingsAccount-<memberNo>-RD-nn`; issue 4 item 3, DESIGN §8):
 * fixed monthly instalment for whole years, maturity value from the published table, a fine per missed
 * instalment, premature closure at the held period's rate minus the penalty, maturity closure.
 * Rejections are DomainError/ValidationError with stable codes and fields and append nothing.
 */
export function createRecurringDepositDecider(products: SavingsProducts): Decider<RecurringDepositCommand, RecurringDepositEvent, RecurringDepositState> {
  return {
    initialState: null,
    evolve: evolveRecurringDeposit,
    decide(command, state) {
      switch (command.type) {
        case 'OpenRecurringDeposit':
          return decideOpenRecurringDeposit(command, state, products);
        case 'PayInstalment':
          return decidePayInstalment(command, state);
        case 'ChargeMissedInstalmentFine':
          return decideChargeMissedInstalmentFine(command, state);
        case 'CloseBusinessDay':
          return decideRecurringDepositBusinessDay(command, state);
        case 'PayFine':
          return decidePayFine(command, state);
        case 'ClosePrematurely':
          return decideClosePrematurely(command, state);
        case 'CloseAtMaturity':
          return decideCloseAtMaturity(command, state);
      }
    },
  };
}
