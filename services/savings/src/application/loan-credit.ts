import { todayInKolkata, type CommandContext } from '@samabay/domain-kit';
import { requirePositivePaise } from '../domain/shared/amounts';
import type { AccountCommandAccepted } from './account-commands';
import { balanceAfter, type SavingsExecutor } from './savings-executor';
import type { CreditLoanDisbursementInput } from './savings-inputs';

/**
 * Credits a loan disbursed by the lending service into the member's savings account (issue 5: disbursement into
 * a savings account; the lending disbursement process sends it). The command is dated the context's business
 * date (the disbursement's); the caller's idempotency key must be deterministic per disbursement (lending uses
 * one derived from the LoanDisbursementRequested event id), so a redelivery replays the first answer; the
 * decider also refuses a second credit of the same `disbursementId` (DUPLICATE_CREDIT).
 * The passbook line names the loan ("Loan SNG-L-… disbursed").
 * @throws the savings-account decider's errors: NOT_A_SAVINGS_ACCOUNT, ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER,
 *   PERIOD_CLOSED, DUPLICATE_CREDIT, NOT_PAISE, AMOUNT_NOT_POSITIVE, INVALID_LOAN_ID, INVALID_DISBURSEMENT_ID, date errors.
 */
export async function creditLoanDisbursement(executor: SavingsExecutor, clock: () => Date, input: CreditLoanDisbursementInput, context: CommandContext): Promise<AccountCommandAccepted> {
  const amountPaise = requirePositivePaise(input.amountPaise);
  const accepted = await executor.onSavingsAccount(
    {
      type: 'CreditLoanDisbursement',
      accountId: input.accountId,
      memberNo: input.memberNo,
      loanId: input.loanId,
      disbursementId: input.disbursementId,
      amountPaise,
      businessDate: context.businessDate,
      today: todayInKolkata(clock),
    },
    context,
  );
  return { ...accepted, accountId: input.accountId, balancePaise: balanceAfter(accepted) };
}
