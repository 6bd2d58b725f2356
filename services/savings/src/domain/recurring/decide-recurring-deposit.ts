import { DomainError, ValidationError } from '@samabay/domain-kit';
import { requireAccount, requireNotClosed, requireOwner } from '../account/account-guards';
import { isMonthEnd } from '../calendar/months';
import { productTermsOn, type SavingsProducts } from '../products/savings-products';
import { parseAccountId } from '../shared/account-ids';
import { addToBalance, requirePositivePaise } from '../shared/amounts';
import { requireBusinessDate, requireOnOrAfterOpening } from '../shared/business-dates';
import { requireMemberMayOpen } from '../shared/member-standing';
import { buildRecurringDepositContract } from './build-contract';
import { instalmentMonthOf, instalmentToFine } from './instalment-schedule';
import type { ChargeMissedInstalmentFine, OpenRecurringDeposit, PayFine, PayInstalment } from './recurring-deposit-commands';
import type { RecurringDepositEvent } from './recurring-deposit-events';
import type { RecurringDeposit, RecurringDepositState } from './recurring-deposit-state';

/**
 * Opens a Recurring Deposit for an active member with the terms in force on the business date, and
 * takes the first instalment (two events).
 * @throws ValidationError INVALID_ACCOUNT_ID, ACCOUNT_ID_MISMATCH, NOT_PAISE, AMOUNT_NOT_POSITIVE (instalmentPaise), INVALID_TENURE,
 *   INSTALMENT_BELOW_MINIMUM, INSTALMENT_NOT_A_MULTIPLE, dates, INVALID_MEMBER_STATUS; DomainError MEMBER_NOT_ACTIVE,
 *   ACCOUNT_ALREADY_OPEN, TENURE_NOT_OFFERED, NO_TERMS_IN_FORCE.
 */
export function decideOpenRecurringDeposit(command: OpenRecurringDeposit, state: RecurringDepositState, products: SavingsProducts): RecurringDepositEvent[] {
  const id = parseAccountId(command.accountId);
  if (id.memberNo !== command.memberNo || id.kind !== 'RD') {
    throw new ValidationError('accountId', 'the account id must name the member and RD, e.g. SNG-000123-RD-01', 'ACCOUNT_ID_MISMATCH');
  }
  const instalmentPaise = requirePositivePaise(command.instalmentPaise, 'instalmentPaise');
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireMemberMayOpen(command.memberStatus, false);
  if (state !== null) throw new DomainError('ACCOUNT_ALREADY_OPEN', `account ${command.accountId} already exists`, 'accountId');
  const contract = buildRecurringDepositContract(productTermsOn(products.recurringDeposit, businessDate), instalmentPaise, command.tenureYears, businessDate);
  const base = { accountId: command.accountId, businessDate };
  return [
    { type: 'RecurringDepositOpened', data: { ...base, memberNo: command.memberNo, branchCode: command.memberNo.slice(0, 3), contract } },
    { type: 'InstalmentPaid', data: { ...base, instalmentNo: 1, amountPaise: instalmentPaise, balancePaise: instalmentPaise } },
  ];
}

/**
 * Pays the next unpaid instalment (arrears first). Only the exact instalment amount; no instalment
 * before its month; nothing after the last.
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, WRONG_INSTALMENT_AMOUNT (amountPaise), dates; DomainError ACCOUNT_NOT_FOUND,
 *   ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, ALL_INSTALMENTS_PAID, INSTALMENT_NOT_YET_DUE.
 */
export function decidePayInstalment(command: PayInstalment, state: RecurringDepositState): RecurringDepositEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const deposit = requireActiveDeposit(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit, command.businessDate, command.today);
  if (amountPaise !== deposit.contract.instalmentPaise) {
    throw new ValidationError('amountPaise', `the instalment is exactly ${deposit.contract.instalmentPaise} paise`, 'WRONG_INSTALMENT_AMOUNT');
  }
  const instalmentNo = deposit.payments.length + 1;
  if (instalmentNo > deposit.contract.instalmentCount) throw new DomainError('ALL_INSTALMENTS_PAID', 'every instalment is already paid', 'accountId');
  if (instalmentNo > instalmentMonthOf(deposit, businessDate)) {
    throw new DomainError('INSTALMENT_NOT_YET_DUE', `instalment ${instalmentNo} is not due before its month`, 'businessDate');
  }
  return [
    {
      type: 'InstalmentPaid',
      data: { accountId: deposit.accountId, businessDate, instalmentNo, amountPaise, balancePaise: addToBalance(deposit.balancePaise, amountPaise) },
    },
  ];
}

/**
 * Day-end on a month's last day: fines that month's instalment once if it is unpaid (a separate charge,
 * never added to the deposit, never compounded). Idempotent: nothing due — or a closed deposit — gives no events.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING; DomainError ACCOUNT_NOT_FOUND, NOT_A_MONTH_END.
 */
export function decideChargeMissedInstalmentFine(command: ChargeMissedInstalmentFine, state: RecurringDepositState): RecurringDepositEvent[] {
  const deposit = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireOnOrAfterOpening(businessDate, deposit.openedOn);
  if (!isMonthEnd(businessDate)) throw new DomainError('NOT_A_MONTH_END', 'missed instalments are fined on the last day of the month', 'businessDate');
  const instalmentNo = instalmentToFine(deposit, businessDate);
  if (instalmentNo === null) return [];
  const amountPaise = deposit.contract.finePerMissedInstalmentPaise;
  return [
    {
      type: 'MissedInstalmentFined',
      data: {
        accountId: deposit.accountId,
        businessDate,
        instalmentNo,
        amountPaise,
        finesOutstandingPaise: addToBalance(deposit.finesOutstandingPaise, amountPaise),
        balancePaise: deposit.balancePaise,
      },
    },
  ];
}

/**
 * Pays fines outstanding, at most what is owed.
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, dates; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER,
 *   FINE_OVERPAID (field amountPaise, details.finesOutstandingPaise).
 */
export function decidePayFine(command: PayFine, state: RecurringDepositState): RecurringDepositEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const deposit = requireActiveDeposit(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit, command.businessDate, command.today);
  if (amountPaise > deposit.finesOutstandingPaise) {
    throw new DomainError('FINE_OVERPAID', 'the amount is more than the fines outstanding', 'amountPaise', { finesOutstandingPaise: deposit.finesOutstandingPaise });
  }
  return [
    {
      type: 'FinePaid',
      data: { accountId: deposit.accountId, businessDate, amountPaise, finesOutstandingPaise: deposit.finesOutstandingPaise - amountPaise, balancePaise: deposit.balancePaise },
    },
  ];
}

/** An open deposit owned by `memberNo`. @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER. */
export function requireActiveDeposit(state: RecurringDepositState, accountId: string, memberNo: unknown): RecurringDeposit {
  const deposit = requireAccount(state, accountId);
  requireNotClosed(deposit);
  requireOwner(deposit, memberNo);
  return deposit;
}

/** A business date not after today and not before the deposit opened. @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING. */
export function requireDepositDate(deposit: RecurringDeposit, businessDate: unknown, today: unknown): string {
  const date = requireBusinessDate(businessDate, today);
  requireOnOrAfterOpening(date, deposit.openedOn);
  return date;
}
