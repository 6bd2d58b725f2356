import { DomainError, ValidationError } from '@samabay/domain-kit';
import { requireAccount } from '../account/account-guards';
import { completeMonthsBetween } from '../calendar/months';
import { monthlyIncomePrematureSettlement } from '../interest/monthly-income';
import { rateForTenureMonths } from '../interest/tenure-rates';
import { reduceRate } from '../products/rate-percent';
import { productTermsOn, type SavingsProducts } from '../products/savings-products';
import { addToBalance, requirePositivePaise } from '../shared/amounts';
import { requireBusinessDate } from '../shared/business-dates';
import { requireMemberMayOpen } from '../shared/member-standing';
import { buildMonthlyIncomeContract, incomeDueOn } from './monthly-income-contract';
import type { CloseMonthlyIncomeAtMaturity, CloseMonthlyIncomePrematurely, OpenMonthlyIncomeDeposit, PayMonthlyIncome } from './monthly-income-commands';
import type { MonthlyIncomeEvent } from './monthly-income-events';
import type { MonthlyIncomeState } from './monthly-income-state';
import { requireOwnSavingsAccount, requireProceedsDestination } from './proceeds-destination';
import { requireDepositDate, requireNewDepositId, requireOpenDepositOf } from './term-deposit-guards';

/**
 * Opens an MIS deposit for an active member with the terms in force on the business date.
 * @throws ValidationError INVALID_ACCOUNT_ID, ACCOUNT_ID_MISMATCH (accountId), NOT_PAISE, AMOUNT_NOT_POSITIVE, DEPOSIT_BELOW_MINIMUM
 *   (principalPaise), INVALID_TENURE, INVALID_ACCOUNT_ID (payoutAccountId), dates, INVALID_MEMBER_STATUS; DomainError MEMBER_NOT_ACTIVE,
 *   ACCOUNT_ALREADY_OPEN, TENURE_NOT_OFFERED, NO_TERMS_IN_FORCE, NOT_OWN_ACCOUNT / PAYOUT_ACCOUNT_NOT_SUPPORTED (payoutAccountId).
 */
export function decideOpenMonthlyIncomeDeposit(command: OpenMonthlyIncomeDeposit, state: MonthlyIncomeState, products: SavingsProducts): MonthlyIncomeEvent[] {
  const accountId = requireNewDepositId(command.accountId, command.memberNo, 'MI');
  const principalPaise = requirePositivePaise(command.principalPaise, 'principalPaise');
  const payoutAccountId = requireOwnSavingsAccount(command.payoutAccountId, command.memberNo, 'payoutAccountId');
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireMemberMayOpen(command.memberStatus, false);
  if (state !== null) throw new DomainError('ACCOUNT_ALREADY_OPEN', `account ${accountId} already exists`, 'accountId');
  const contract = buildMonthlyIncomeContract(productTermsOn(products.monthlyIncome, businessDate), principalPaise, command.tenureMonths, payoutAccountId, businessDate);
  return [
    {
      type: 'MonthlyIncomeDepositOpened',
      data: { accountId, businessDate, memberNo: command.memberNo, branchCode: command.memberNo.slice(0, 3), contract, amountPaise: principalPaise, balancePaise: principalPaise },
    },
  ];
}

/**
 * Pays income month `month` (due on opening + `month` months) into the contract's payout account.
 * Idempotent per month: a month already paid gives no events (also on a closed deposit); months are paid in order.
 * @throws ValidationError INVALID_MONTH (month: not 1 … tenure), dates; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED,
 *   EARLIER_MONTH_UNPAID (month), INCOME_NOT_YET_DUE (businessDate).
 */
export function decidePayMonthlyIncome(command: PayMonthlyIncome, state: MonthlyIncomeState): MonthlyIncomeEvent[] {
  const deposit = requireAccount(state, command.accountId);
  const businessDate = requireDepositDate(deposit.openedOn, command.businessDate, command.today);
  const { contract } = deposit;
  if (typeof command.month !== 'number' || !Number.isSafeInteger(command.month) || command.month < 1 || command.month > contract.tenureMonths) {
    throw new ValidationError('month', `month must be a whole number from 1 to ${contract.tenureMonths}`, 'INVALID_MONTH');
  }
  if (command.month <= deposit.monthsPaid) return [];
  if (deposit.status === 'CLOSED') throw new DomainError('ACCOUNT_CLOSED', `account ${deposit.accountId} is closed`, 'accountId');
  if (command.month > deposit.monthsPaid + 1) throw new DomainError('EARLIER_MONTH_UNPAID', `pay income month ${deposit.monthsPaid + 1} first`, 'month');
  const dueOn = incomeDueOn(deposit.openedOn, command.month);
  if (businessDate < dueOn) throw new DomainError('INCOME_NOT_YET_DUE', `income month ${command.month} falls due on ${dueOn}`, 'businessDate');
  const amountPaise = contract.monthlyPayoutPaise;
  return [
    {
      type: 'MonthlyIncomePaid',
      data: {
        accountId: deposit.accountId,
        businessDate,
        month: command.month,
        dueOn,
        amountPaise,
        payoutAccountId: contract.payoutAccountId,
        paidOutPaise: addToBalance(deposit.paidOutPaise, amountPaise),
        balancePaise: deposit.balancePaise,
      },
    },
  ];
}

/**
 * Closes on or after maturity with every income month paid: the principal returns to `payout`.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, NOT_YET_MATURE (businessDate),
 *   INCOME_OUTSTANDING (accountId, details.monthsUnpaid: pay them first); payout and date errors.
 */
export function decideCloseMonthlyIncomeAtMaturity(command: CloseMonthlyIncomeAtMaturity, state: MonthlyIncomeState): MonthlyIncomeEvent[] {
  const deposit = requireOpenDepositOf(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit.openedOn, command.businessDate, command.today);
  const payout = requireProceedsDestination(command.payout, deposit.memberNo);
  const { contract } = deposit;
  if (businessDate < contract.maturityDate) throw new DomainError('NOT_YET_MATURE', `the deposit matures on ${contract.maturityDate}`, 'businessDate');
  const monthsUnpaid = contract.tenureMonths - deposit.monthsPaid;
  if (monthsUnpaid > 0) throw new DomainError('INCOME_OUTSTANDING', 'pay the income months outstanding before closing at maturity', 'accountId', { monthsUnpaid });
  return [
    {
      type: 'MonthlyIncomeDepositClosedAtMaturity',
      data: { accountId: deposit.accountId, businessDate, principalPaise: contract.principalPaise, paidOutPaise: deposit.paidOutPaise, payoutPaise: contract.principalPaise, payout, balancePaise: 0 },
    },
  ];
}

/**
 * Closes before maturity: interest for the complete months held at the held period's band rate minus the
 * penalty points (simple, rounded per the contract); income already paid beyond that is recovered from the
 * principal, income due and not yet paid is added (monthlyIncomePrematureSettlement).
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, MATURITY_REACHED (businessDate); payout and date errors.
 */
export function decideCloseMonthlyIncomePrematurely(command: CloseMonthlyIncomePrematurely, state: MonthlyIncomeState): MonthlyIncomeEvent[] {
  const deposit = requireOpenDepositOf(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit.openedOn, command.businessDate, command.today);
  const payout = requireProceedsDestination(command.payout, deposit.memberNo);
  const { contract } = deposit;
  if (businessDate >= contract.maturityDate) throw new DomainError('MATURITY_REACHED', 'the deposit has matured; close it at maturity', 'businessDate');
  const monthsHeld = completeMonthsBetween(deposit.openedOn, businessDate);
  const heldPeriodRatePercent = rateForTenureMonths(contract.rates, monthsHeld) ?? '0';
  const appliedRate = reduceRate(heldPeriodRatePercent, contract.prematurePenaltyPercentagePoints);
  const settlement = monthlyIncomePrematureSettlement(contract.principalPaise, deposit.paidOutPaise, monthsHeld, appliedRate, contract.payoutRounding);
  return [
    {
      type: 'MonthlyIncomeDepositClosedPrematurely',
      data: {
        accountId: deposit.accountId,
        businessDate,
        monthsHeld,
        heldPeriodRatePercent,
        appliedRatePercent: appliedRate.toFixed(),
        principalPaise: contract.principalPaise,
        paidOutPaise: deposit.paidOutPaise,
        ...settlement,
        payout,
        balancePaise: 0,
      },
    },
  ];
}
