import type { Decider } from '@samabay/domain-kit';
import type { SavingsProducts } from '../products/savings-products';
import { decideCloseFixedDepositAtMaturity, decideCloseFixedDepositPrematurely, decideOpenFixedDeposit } from './decide-fixed-deposit';
import type { FixedDepositCommand } from './fixed-deposit-commands';
import type { FixedDepositEvent } from './fixed-deposit-events';
import { evolveFixedDeposit, type FixedDepositState } from './fixed-deposit-state';

/**
 * The Fixed Deposit decider (stream `savingsAccount-<memberNo>-FD-nn`; issue 4 item 3, DESIGN §8): open with
 * a principal and a tenure (quarterly compounding, terms of the opening date), closure at maturity paying
 * principal + interest, premature closure at the held period's rate minus the penalty; proceeds in cash or
 * into the member's savings account. Rejections are typed errors with stable codes and fields and append nothing.
 */
export function createFixedDepositDecider(products: SavingsProducts): Decider<FixedDepositCommand, FixedDepositEvent, FixedDepositState> {
  return {
    initialState: null,
    evolve: evolveFixedDeposit,
    decide(command, state) {
      switch (command.type) {
        case 'OpenFixedDeposit':
          return decideOpenFixedDeposit(command, state, products);
        case 'CloseFixedDepositAtMaturity':
          return decideCloseFixedDepositAtMaturity(command, state);
        case 'CloseFixedDepositPrematurely':
          return decideCloseFixedDepositPrematurely(command, state);
      }
    },
  };
}
