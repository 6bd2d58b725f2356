import { DomainError } from '@samabay/domain-kit';
import { completeMonthsBetween } from '../calendar/months';
import { roundInterest } from '../interest/interest-rounding';
import { recurringDepositPrematureInterest } from '../interest/recurring-deposit-premature';
import { rateForHeldMonths } from '../interest/tenure-rates';
import { reduceRate } from '../products/rate-percent';
import { requireActiveDeposit, requireDepositDate } from './decide-recurring-deposit';
import type { CloseAtMaturity, ClosePrematurely } from './recurring-deposit-commands';
import type { RecurringDepositEvent } from './recurring-deposit-events';
import type { RecurringDeposit } from './recurring-deposit-state';

/**
 * Premature closure before the maturity date (published scheme: "premature withdrawal earns 1% below the
 * rate of that period"): the rate for the complete months held (contract's held-period rates) minus the
 * penalty points, as simple interest on each instalment for the complete months it was held; fines
 * outstanding are deducted from the payout.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, MATURITY_REACHED (use CloseAtMaturity); date errors.
 */
export function decideClosePrematurely(command: ClosePrematurely, state: RecurringDeposit | null): RecurringDepositEvent[] {
  const deposit = requireActiveDeposit(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit, command.businessDate, command.today);
  if (businessDate >= deposit.contract.maturityDate) throw new DomainError('MATURITY_REACHED', 'the deposit has matured; close it at maturity', 'businessDate');
  const { prematureClosure } = deposit.contract;
  const monthsHeld = completeMonthsBetween(deposit.openedOn, businessDate);
  const heldPeriodRatePercent = rateForHeldMonths(prematureClosure.heldPeriodRates, monthsHeld) ?? '0';
  const appliedRate = reduceRate(heldPeriodRatePercent, prematureClosure.penaltyPercentagePoints);
  const exact = recurringDepositPrematureInterest(deposit.payments, businessDate, appliedRate);
  const interestPaise = roundInterest(exact, prematureClosure.rounding);
  const gross = deposit.balancePaise + interestPaise;
  const finesDeductedPaise = Math.min(deposit.finesOutstandingPaise, gross);
  return [
    {
      type: 'RecurringDepositClosedPrematurely',
      data: {
        accountId: deposit.accountId,
        businessDate,
        monthsHeld,
        heldPeriodRatePercent,
        appliedRatePercent: appliedRate.toFixed(),
        depositsPaise: deposit.balancePaise,
        exactInterestPaise: exact.toFixed(),
        interestPaise,
        finesDeductedPaise,
        payoutPaise: gross - finesDeductedPaise,
        balancePaise: 0,
      },
    },
  ];
}

/**
 * Closure on or after the maturity date with every instalment paid: the table's maturity value, fines
 * outstanding deducted.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, NOT_YET_MATURE (field businessDate),
 *   INSTALMENTS_OUTSTANDING (details.outstandingInstalments: pay the arrears first); date errors.
 */
export function decideCloseAtMaturity(command: CloseAtMaturity, state: RecurringDeposit | null): RecurringDepositEvent[] {
  const deposit = requireActiveDeposit(state, command.accountId, command.memberNo);
  const businessDate = requireDepositDate(deposit, command.businessDate, command.today);
  const { contract } = deposit;
  if (businessDate < contract.maturityDate) throw new DomainError('NOT_YET_MATURE', `the deposit matures on ${contract.maturityDate}`, 'businessDate');
  const outstandingInstalments = contract.instalmentCount - deposit.payments.length;
  if (outstandingInstalments > 0) {
    throw new DomainError('INSTALMENTS_OUTSTANDING', 'pay the instalments outstanding before closing at maturity', 'accountId', { outstandingInstalments });
  }
  const finesDeductedPaise = Math.min(deposit.finesOutstandingPaise, contract.maturityValuePaise);
  return [
    {
      type: 'RecurringDepositClosedAtMaturity',
      data: {
        accountId: deposit.accountId,
        businessDate,
        depositsPaise: deposit.balancePaise,
        maturityValuePaise: contract.maturityValuePaise,
        interestPaise: contract.maturityValuePaise - deposit.balancePaise,
        finesDeductedPaise,
        payoutPaise: contract.maturityValuePaise - finesDeductedPaise,
        balancePaise: 0,
      },
    },
  ];
}
