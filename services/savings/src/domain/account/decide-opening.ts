import { DomainError, ValidationError } from '@samabay/domain-kit';
import { productTermsOn, SAVINGS_PRODUCT_CODES, savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { parseAccountId } from '../shared/account-ids';
import { requireNonNegativePaise } from '../shared/amounts';
import { requireBusinessDate } from '../shared/business-dates';
import { requireMemberFromRegister, requireMemberMayOpen } from '../shared/member-standing';
import { requireAccount, requireNotClosed, requireOwner, requireTransactionDate } from './account-guards';
import { evolveSavingsAccount } from './evolve-savings-account';
import type { ImportRegisterBalance, OpenAccount, RecordOpeningBalance } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccountState } from './savings-account-state';

const KIND_OF_PRODUCT = { SAVINGS_DEPOSIT: 'SD', THRIFT_FUND: 'TF' } as const;

/**
 * Opens a Savings Deposit or Thrift Fund account for an active member (DESIGN §8; the register import
 * may also open an INACTIVE member's account). The account id must name the member and the product.
 * @throws ValidationError INVALID_ACCOUNT_ID, INVALID_PRODUCT (product), ACCOUNT_ID_MISMATCH (accountId), BAD_DATE,
 *   BUSINESS_DATE_IN_FUTURE, INVALID_MEMBER_STATUS, INVALID_ORIGIN; DomainError MEMBER_NOT_ACTIVE, ACCOUNT_ALREADY_OPEN,
 *   NO_TERMS_IN_FORCE.
 */
export function decideOpenAccount(command: OpenAccount, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const id = parseAccountId(command.accountId);
  if (!SAVINGS_PRODUCT_CODES.includes(command.product)) throw new ValidationError('product', 'product must be SAVINGS_DEPOSIT or THRIFT_FUND', 'INVALID_PRODUCT');
  if (id.memberNo !== command.memberNo || id.kind !== KIND_OF_PRODUCT[command.product]) {
    throw new ValidationError('accountId', 'the account id must name the member and the product, e.g. SNG-000123-SD-01', 'ACCOUNT_ID_MISMATCH');
  }
  if (command.origin !== 'COUNTER' && command.origin !== 'REGISTER_IMPORT') throw new ValidationError('origin', 'origin must be COUNTER or REGISTER_IMPORT', 'INVALID_ORIGIN');
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireMemberMayOpen(command.memberStatus, command.origin === 'REGISTER_IMPORT');
  if (state !== null) throw new DomainError('ACCOUNT_ALREADY_OPEN', `account ${command.accountId} already exists`, 'accountId');
  productTermsOn(savingsSchedule(products, command.product), businessDate);
  return [
    {
      type: 'SavingsAccountOpened',
      data: {
        accountId: command.accountId,
        businessDate,
        memberNo: command.memberNo,
        branchCode: command.memberNo.slice(0, 3),
        product: command.product,
        origin: command.origin,
      },
    },
  ];
}

/**
 * Records the legacy register's balance of an account the import opened (issue 4 item 7): one credit,
 * once, before any other transaction. Zero is accepted (the register says so); today's minimum balance
 * does not apply to a balance carried over.
 * @throws ValidationError NOT_PAISE, NEGATIVE_AMOUNT, dates; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED,
 *   ACCOUNT_OF_ANOTHER_MEMBER, OPENING_BALANCE_NOT_FROM_REGISTER, OPENING_BALANCE_ALREADY_RECORDED, ACCOUNT_HAS_TRANSACTIONS, PERIOD_CLOSED.
 */
export function decideRecordOpeningBalance(command: RecordOpeningBalance, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requireNonNegativePaise(command.amountPaise);
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (account.origin !== 'REGISTER_IMPORT') {
    throw new DomainError('OPENING_BALANCE_NOT_FROM_REGISTER', 'only an account opened by the register import takes an opening balance', 'accountId');
  }
  if (account.openingBalanceRecorded) throw new DomainError('OPENING_BALANCE_ALREADY_RECORDED', 'the opening balance is already recorded', 'accountId');
  if (account.hasTransactions) throw new DomainError('ACCOUNT_HAS_TRANSACTIONS', 'the opening balance must come before any other transaction', 'accountId');
  return [{ type: 'OpeningBalanceRecorded', data: { accountId: account.accountId, businessDate, amountPaise, balancePaise: account.balancePaise + amountPaise } }];
}

/**
 * The register import's carry-over of one account (issue 4 item 7): SavingsAccountOpened (origin
 * REGISTER_IMPORT, on the import's business date) and OpeningBalanceRecorded (the register's balance,
 * possibly 0) in one decision, so that no account is ever left opened without its balance. Only for a
 * member who came from the legacy register: a member admitted at a counter has no register balance, and
 * accepting one would let whoever may import create money.
 * @throws DomainError MEMBER_NOT_FROM_REGISTER (memberNo); as {@link decideOpenAccount} (an EXITED member:
 *   MEMBER_NOT_ACTIVE; a second import of the same product: ACCOUNT_ALREADY_OPEN) and {@link decideRecordOpeningBalance}.
 */
export function decideImportRegisterBalance(command: ImportRegisterBalance, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  requireNonNegativePaise(command.amountPaise);
  requireMemberFromRegister(command.memberOrigin);
  const dated = { accountId: command.accountId, memberNo: command.memberNo, businessDate: command.businessDate, today: command.today };
  const opened = decideOpenAccount({ type: 'OpenAccount', ...dated, product: command.product, memberStatus: command.memberStatus, origin: 'REGISTER_IMPORT' }, state, products);
  const account = opened.reduce<SavingsAccountState>(evolveSavingsAccount, state);
  return [...opened, ...decideRecordOpeningBalance({ type: 'RecordOpeningBalance', ...dated, amountPaise: command.amountPaise }, account)];
}
