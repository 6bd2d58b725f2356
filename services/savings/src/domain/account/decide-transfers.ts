import { DomainError, ValidationError } from '@samabay/domain-kit';
import { productTermsOn, savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { parseAccountId } from '../shared/account-ids';
import { addToBalance, requirePositivePaise } from '../shared/amounts';
import { requireAccount, requireId, requireNotClosed, requireNotDormant, requireOwner, requireTransactionDate } from './account-guards';
import { requireAvailable } from './decide-cash';
import type { ReceiveOwnAccountTransfer, ReverseOwnAccountTransfer, TransferToOwnAccount } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccount, SavingsAccountState } from './savings-account-state';

/**
 * Debit side of a transfer to another Savings Deposit / Thrift Fund account of the same member (the
 * other id names its owner). Same rules as a withdrawal.
 * @throws as a withdrawal, plus ValidationError INVALID_TRANSFER_ID, INVALID_ACCOUNT_ID (toAccountId); DomainError
 *   SAME_ACCOUNT, NOT_OWN_ACCOUNT, TRANSFER_TARGET_NOT_SUPPORTED (field toAccountId), DUPLICATE_TRANSFER (field transferId).
 */
export function decideTransferToOwnAccount(command: TransferToOwnAccount, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const transferId = requireId(command.transferId, 'transferId', 'INVALID_TRANSFER_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  requireCounterpart(account, command.toAccountId, 'toAccountId');
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  requireNotDormant(account);
  if (transferId in account.transfersOut) throw new DomainError('DUPLICATE_TRANSFER', `transfer ${transferId} is already debited`, 'transferId');
  const balancePaise = requireAvailable(account, amountPaise, productTermsOn(savingsSchedule(products, account.product), businessDate).minimumBalancePaise);
  return [{ type: 'OwnAccountTransferDebited', data: { accountId: account.accountId, businessDate, transferId, toAccountId: command.toAccountId, amountPaise, balancePaise } }];
}

/**
 * Credit side of a transfer from another savings account of the same member. Accepted on a dormant account.
 * @throws as a deposit, plus SAME_ACCOUNT, NOT_OWN_ACCOUNT, TRANSFER_TARGET_NOT_SUPPORTED (field fromAccountId), DUPLICATE_TRANSFER.
 */
export function decideReceiveOwnAccountTransfer(command: ReceiveOwnAccountTransfer, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const transferId = requireId(command.transferId, 'transferId', 'INVALID_TRANSFER_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  requireCounterpart(account, command.fromAccountId, 'fromAccountId');
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (transferId in account.transfersIn) throw new DomainError('DUPLICATE_TRANSFER', `transfer ${transferId} is already credited`, 'transferId');
  return [
    {
      type: 'OwnAccountTransferCredited',
      data: { accountId: account.accountId, businessDate, transferId, fromAccountId: command.fromAccountId, amountPaise, balancePaise: addToBalance(account.balancePaise, amountPaise) },
    },
  ];
}

/**
 * Compensation of a transfer whose credit side was rejected: the debited amount returns to this account,
 * once. Possible while the debit's interest period is open (later, staff correct with a deposit).
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, PERIOD_CLOSED, TRANSFER_NOT_FOUND, TRANSFER_ALREADY_REVERSED (field transferId); date errors.
 */
export function decideReverseOwnAccountTransfer(command: ReverseOwnAccountTransfer, state: SavingsAccountState): SavingsAccountEvent[] {
  const transferId = requireId(command.transferId, 'transferId', 'INVALID_TRANSFER_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  const transfer = account.transfersOut[transferId];
  if (!transfer) throw new DomainError('TRANSFER_NOT_FOUND', `no open transfer ${transferId} from this account`, 'transferId');
  if (transfer.reversed) throw new DomainError('TRANSFER_ALREADY_REVERSED', `transfer ${transferId} is already reversed`, 'transferId');
  return [
    {
      type: 'OwnAccountTransferReversed',
      data: {
        accountId: account.accountId,
        businessDate,
        transferId,
        toAccountId: transfer.toAccountId,
        amountPaise: transfer.amountPaise,
        balancePaise: addToBalance(account.balancePaise, transfer.amountPaise),
      },
    },
  ];
}

function requireCounterpart(account: SavingsAccount, otherAccountId: unknown, field: string): void {
  const other = parseAccountId(otherAccountId, field);
  if (otherAccountId === account.accountId) throw new ValidationError(field, 'a transfer needs two different accounts', 'SAME_ACCOUNT');
  if (other.memberNo !== account.memberNo) throw new DomainError('NOT_OWN_ACCOUNT', 'transfers go only between the member\'s own accounts', field);
  if (other.kind !== 'SD' && other.kind !== 'TF') {
    throw new DomainError('TRANSFER_TARGET_NOT_SUPPORTED', 'own-account transfers go between Savings Deposit and Thrift Fund accounts', field);
  }
}
