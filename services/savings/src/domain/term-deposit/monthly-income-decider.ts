import type { Decider } from '@samabay/domain-kit';
import type { SavingsProducts } from '../products/savings-products';
import { decideCloseMonthlyIncomeAtMaturity, decideCloseMonthlyIncomePrematurely, decideOpenMonthlyIncomeDeposit, decidePayMonthlyIncome } from './decide-monthly-income';
import type { MonthlyIncomeCommand } from './monthly-income-commands';
import type { MonthlyIncomeEvent } from './monthly-income-events';
import { evolveMonthlyIncome, type MonthlyIncomeState } from './monthly-income-state';

/**
 * The Monthly Income Scheme decider (stream `savingsAccount-<memberNo>-MI-nn`; issue 4 item 3, DESIGN §8):
 * open with a principal, pay the monthly income (idempotent per month) into the member's savings account,
 * return the principal at maturity, or settle a premature closure at the held period's rate minus the
 * penalty. Rejections are typed errors with stable codes and fields and append nothing.
 */
export function createMonthlyIncomeDecider(products: SavingsProducts): Decider<MonthlyIncomeCommand, MonthlyIncomeEvent, MonthlyIncomeState> {
  return {
    initialState: null,
    evolve: evolveMonthlyIncome,
    decide(command, state) {
      switch (command.type) {
        case 'OpenMonthlyIncomeDeposit':
          return decideOpenMonthlyIncomeDeposit(command, state, products);
        case 'PayMonthlyIncome':
          return decidePayMonthlyIncome(command, state);
        case 'CloseMonthlyIncomeAtMaturity':
          return decideCloseMonthlyIncomeAtMaturity(command, state);
        case 'CloseMonthlyIncomePrematurely':
          return decideCloseMonthlyIncomePrematurely(command, state);
      }
    },
  };
}
