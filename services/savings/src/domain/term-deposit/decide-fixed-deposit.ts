import { DomainError } from '@samabay/domain-kit';
import { completeMonthsBetween } from '../calendar/months';
import { fixedDepositInterest } from '../interest/fixed-deposit-interest';
import { roundInterest } from '../interest/interest-rounding';
import { rateForTenureMonths } from '../interest/tenure-rates';
import { reduceRate } from '../products/rate-percent';
import { productTermsOn, type SavingsProducts } from '../products/savings-products';
import { requirePositivePaise } from '../shared/amounts';
import { requireBusinessDate } from '../shared/business-dates';
import { requireMemberMayOpen } from '../shared/member-standing';
import { buildFixedDepositContract } from './fixed-deposit-contract';
import type { CloseFixedDepositAtMaturity, CloseFixedDepositPrematurely, OpenFixedDeposit } from './fixed-deposit-commands';
import type { FixedDepositEvent } from './fixed-deposit-events';
import type { FixedDepositState } from './fixed-deposit-state';
import { requireProceedsDestination } from './proceeds-destination';
import { requireDepositDate, requireNewDepositId, requireOpenDepositOf } from './term-deposit-guards';

/**
 * Opens a Fixed Deposit for an active member with the terms in force on the business date (issue 4 item 3).
 * @throws ValidationError INVALID_ACCOUNT_ID, ACCOUNT_ID_MISMATCH (accountId), NOT_PAISE, AMOUNT_NOT_POSITIVE, DEPOSIT_BELOW_MINIMUM
 *   (principalPaise), INVALID_TENURE (tenureMonths), BAD_DATE, BUSINESS_DATE_IN_FUTURE, INVALID_MEMBER_STATUS; DomainError
 *   MEMBER_NOT_ACTIVE, ACCOUNT_ALREADY_OPEN, TENURE_NOT_OFFERED, NO_TERMS_IN_FORCE.
 */
export function decideOpenFixedDeposit(command: OpenFixedDeposit, state: FixedDepositState, products: SavingsProducts): FixedDepositEvent[] {
  const accountId = requireNewDepositId(command.accountId, command.memberNo, 'FD');
  const principalPaise = requirePositivePaise(command.principalPaise, 'principalPaise');
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireMemberMayOpen(command.memberStatus, false);
  if (state !== null) throw new DomainError('ACCOUNT_ALREADY_OPEN', `account ${accountId} already exists`, 'accountId');
  const contract = buildFixedDepositContract(productTermsOn(products.fixedDeposit, businessDate), principalPaise, command.tenureMonths, businessDate);
  return [
    {
      type: 'FixedDepositOpened',
      data: { accountId, businessDate, memberNo: command.memberNo, branchCode: command.memberNo.slice(0, 3), contract, amountPaise: principalPaise, balancePaise: principalPaise },
    },
  ];
}

/**
 * Closes on or after the maturity date: the principal and the contract's maturity interest (none after
 * maturity — the placeholder terms pay nothing for overdue days) go to the payout destination.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, NOT_YET_MATURE (businessDate); the payout's and dates' errors.
 */
export function decideCloseFixedDepositAtMaturity(command: CloseFixedDepositAtMaturity, state: FixedDepositState): FixedDepositEvent[] {
  const deposit = requireOpenDepositOf(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit.openedOn, command.businessDate, command.today);
  const payout = requireProceedsDestination(command.payout, deposit.memberNo);
  const { contract } = deposit;
  if (businessDate < contract.maturityDate) throw new DomainError('NOT_YET_MATURE', `the deposit matures on ${contract.maturityDate}`, 'businessDate');
  return [
    {
      type: 'FixedDepositClosedAtMaturity',
      data: {
        accountId: deposit.accountId,
        businessDate,
        principalPaise: contract.principalPaise,
        exactInterestPaise: contract.exactMaturityInterestPaise,
        interestPaise: contract.maturityInterestPaise,
        payoutPaise: contract.maturityValuePaise,
        payout,
        balancePaise: 0,
      },
    },
  ];
}

/**
 * Closes before maturity (issue 4 item 3, the published scheme's premature rule applied to the FD):
 * interest compounded quarterly from opening to the closing date at the rate of the band the complete
 * months held fall in, minus the penalty points (never below 0); held below every band earns nothing.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, MATURITY_REACHED (businessDate: close at maturity); payout and date errors.
 */
export function decideCloseFixedDepositPrematurely(command: CloseFixedDepositPrematurely, state: FixedDepositState): FixedDepositEvent[] {
  const deposit = requireOpenDepositOf(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit.openedOn, command.businessDate, command.today);
  const payout = requireProceedsDestination(command.payout, deposit.memberNo);
  const { contract } = deposit;
  if (businessDate >= contract.maturityDate) throw new DomainError('MATURITY_REACHED', 'the deposit has matured; close it at maturity', 'businessDate');
  const monthsHeld = completeMonthsBetween(deposit.openedOn, businessDate);
  const heldPeriodRatePercent = rateForTenureMonths(contract.rates, monthsHeld) ?? '0';
  const appliedRate = reduceRate(heldPeriodRatePercent, contract.prematurePenaltyPercentagePoints);
  const exact = fixedDepositInterest({ principalPaise: contract.principalPaise, annualRatePercent: appliedRate, from: deposit.openedOn, to: businessDate, daysInYear: contract.daysInYear });
  const interestPaise = roundInterest(exact, contract.rounding);
  return [
    {
      type: 'FixedDepositClosedPrematurely',
      data: {
        accountId: deposit.accountId,
        businessDate,
        monthsHeld,
        heldPeriodRatePercent,
        appliedRatePercent: appliedRate.toFixed(),
        principalPaise: contract.principalPaise,
        exactInterestPaise: exact.toFixed(),
        interestPaise,
        payoutPaise: contract.principalPaise + interestPaise,
        payout,
        balancePaise: 0,
      },
    },
  ];
}
