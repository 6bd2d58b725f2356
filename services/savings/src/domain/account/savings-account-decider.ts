import type { Decider } from '@samabay/domain-kit';
import { decideSavingsAccountBusinessDay } from '../day-end/close-business-day';
import type { SavingsProducts } from '../products/savings-products';
import { decideDeposit, decideWithdraw } from './decide-cash';
import { decideCreditDepositProceeds, decideCreditLoanDisbursement } from './decide-credits';
import { decideDisputeCollection, decideRecordCollection, decideVerifyCollection } from './decide-collections';
import { decideAccrueInterest, decidePostInterest } from './decide-interest';
import { decideCloseAccount, decideMarkDormant, decideReactivateAccount } from './decide-lifecycle';
import { decideImportRegisterBalance, decideOpenAccount, decideRecordOpeningBalance } from './decide-opening';
import { decideReceiveOwnAccountTransfer, decideReverseOwnAccountTransfer, decideTransferToOwnAccount } from './decide-transfers';
import { evolveSavingsAccount } from './evolve-savings-account';
import type { SavingsAccountCommand } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccountState } from './savings-account-state';

/**
 * The savings-account decider (stream `savingsAccount-<accountId>`, Savings Deposit and Thrift Fund;
 * issue 4 items 2, 4, 5, 7; DESIGN §4, §5, §8). `products` is the effective-dated product configuration;
 * the decider only reads it. Every rejection is a DomainError/ValidationError with a stable code and field
 * (see each decide function) and appends nothing.
 */
export function createSavingsAccountDecider(products: SavingsProducts): Decider<SavingsAccountCommand, SavingsAccountEvent, SavingsAccountState> {
  return {
    initialState: null,
    evolve: evolveSavingsAccount,
    decide(command, state) {
      switch (command.type) {
        case 'OpenAccount':
          return decideOpenAccount(command, state, products);
        case 'RecordOpeningBalance':
          return decideRecordOpeningBalance(command, state);
        case 'ImportRegisterBalance':
          return decideImportRegisterBalance(command, state, products);
        case 'Deposit':
          return decideDeposit(command, state);
        case 'Withdraw':
          return decideWithdraw(command, state, products);
        case 'AccrueInterest':
          return decideAccrueInterest(command, state, products);
        case 'PostInterest':
          return decidePostInterest(command, state, products);
        case 'MarkDormant':
          return decideMarkDormant(command, state, products);
        case 'CloseBusinessDay':
          return decideSavingsAccountBusinessDay(command, state, products);
        case 'ReactivateAccount':
          return decideReactivateAccount(command, state);
        case 'CloseAccount':
          return decideCloseAccount(command, state, products);
        case 'RecordCollection':
          return decideRecordCollection(command, state);
        case 'VerifyCollection':
          return decideVerifyCollection(command, state);
        case 'DisputeCollection':
          return decideDisputeCollection(command, state);
        case 'TransferToOwnAccount':
          return decideTransferToOwnAccount(command, state, products);
        case 'ReceiveOwnAccountTransfer':
          return decideReceiveOwnAccountTransfer(command, state);
        case 'ReverseOwnAccountTransfer':
          return decideReverseOwnAccountTransfer(command, state);
        case 'CreditLoanDisbursement':
          return decideCreditLoanDisbursement(command, state);
        case 'CreditDepositProceeds':
          return decideCreditDepositProceeds(command, state);
      }
    },
  };
}
