import { DomainError, ValidationError } from '@samabay/domain-kit';
import { parseAccountId } from '../shared/account-ids';
import { addToBalance, requirePositivePaise } from '../shared/amounts';
import { requireAccount, requireId, requireNotClosed, requireOwner, requireTransactionDate } from './account-guards';
import { depositProceedsKey, loanCreditKey } from './evolve-savings-account';
import type { CreditDepositProceeds, CreditLoanDisbursement, DepositProceedsKind } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccountState } from './savings-account-state';

const LOAN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const PROCEEDS_KINDS: readonly DepositProceedsKind[] = ['FIXED_DEPOSIT_CLOSURE', 'MONTHLY_INCOME', 'MONTHLY_INCOME_CLOSURE'];

/**
 * Credits a disbursed loan into the member's savings account (issue 5: disbursement into a savings
 * account). Accepted on a dormant account (money in is never refused); once per `disbursementId` while its
 * interest period is open (later repeats are PERIOD_CLOSED; the application's deterministic idempotency key
 * answers a repeat before the decider is asked at all).
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, INVALID_LOAN_ID (loanId), INVALID_DISBURSEMENT_ID, dates;
 *   DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, PERIOD_CLOSED, DUPLICATE_CREDIT (disbursementId).
 */
export function decideCreditLoanDisbursement(command: CreditLoanDisbursement, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  if (typeof command.loanId !== 'string' || !LOAN_ID.test(command.loanId)) throw new ValidationError('loanId', 'loan id must be 1–64 letters, digits or dashes', 'INVALID_LOAN_ID');
  const disbursementId = requireId(command.disbursementId, 'disbursementId', 'INVALID_DISBURSEMENT_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (account.creditsReceived?.[loanCreditKey(disbursementId)]) throw new DomainError('DUPLICATE_CREDIT', 'this disbursement is already credited', 'disbursementId');
  return [
    {
      type: 'LoanDisbursementCredited',
      data: { accountId: account.accountId, businessDate, loanId: command.loanId, disbursementId, amountPaise, balancePaise: addToBalance(account.balancePaise, amountPaise) },
    },
  ];
}

/**
 * Credits money the member's own term deposit pays into this savings account (FD/MIS closure proceeds,
 * an MIS month's income). Accepted on a dormant account; once per (source, reference).
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, INVALID_ACCOUNT_ID / NOT_A_TERM_DEPOSIT (sourceAccountId), INVALID_PROCEEDS_KIND (kind),
 *   INVALID_REFERENCE, dates; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, NOT_OWN_ACCOUNT (sourceAccountId),
 *   PERIOD_CLOSED, DUPLICATE_CREDIT (reference).
 */
export function decideCreditDepositProceeds(command: CreditDepositProceeds, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const source = parseAccountId(command.sourceAccountId, 'sourceAccountId');
  if (source.kind !== 'FD' && source.kind !== 'MI') throw new ValidationError('sourceAccountId', 'the source must be a Fixed Deposit or Monthly Income Scheme account', 'NOT_A_TERM_DEPOSIT');
  if (!PROCEEDS_KINDS.includes(command.kind)) throw new ValidationError('kind', `kind must be one of ${PROCEEDS_KINDS.join(', ')}`, 'INVALID_PROCEEDS_KIND');
  const reference = requireId(command.reference, 'reference', 'INVALID_REFERENCE');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  if (source.memberNo !== account.memberNo) throw new DomainError('NOT_OWN_ACCOUNT', "proceeds come only from the member's own deposits", 'sourceAccountId');
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (account.creditsReceived?.[depositProceedsKey(command.sourceAccountId, reference)]) throw new DomainError('DUPLICATE_CREDIT', 'this payment is already credited', 'reference');
  return [
    {
      type: 'DepositProceedsCredited',
      data: { accountId: account.accountId, businessDate, sourceAccountId: command.sourceAccountId, kind: command.kind, reference, amountPaise, balancePaise: addToBalance(account.balancePaise, amountPaise) },
    },
  ];
}
