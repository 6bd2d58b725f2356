import type { DomainEvent, IsoDate, Paise } from '@samabay/domain-kit';
import type { MonthlyIncomeContract } from './monthly-income-contract';
import type { ProceedsDestination } from './proceeds-destination';

/**
 * Events of a Monthly Income Scheme stream (`savingsAccount-<memberNo>-MI-nn`). `balancePaise` is the
 * principal held (the passbook); income paid out never changes it. All amounts integer paise.
 */
type MisEvent<Type extends string, Data> = DomainEvent<Type, { readonly accountId: string; readonly businessDate: IsoDate } & Data>;

/** The deposit was opened with `amountPaise` (the principal, paid in cash) and the contract of the day. */
export type MonthlyIncomeDepositOpened = MisEvent<
  'MonthlyIncomeDepositOpened',
  { readonly memberNo: string; readonly branchCode: string; readonly contract: MonthlyIncomeContract; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** Income month `month` (due `dueOn`) of `amountPaise` was paid to `payoutAccountId`; `paidOutPaise` is all income paid so far. */
export type MonthlyIncomePaid = MisEvent<
  'MonthlyIncomePaid',
  { readonly month: number; readonly dueOn: IsoDate; readonly amountPaise: Paise; readonly payoutAccountId: string; readonly paidOutPaise: Paise; readonly balancePaise: Paise }
>;

/** Closed at maturity with every income month paid: the principal went to `payout`. */
export type MonthlyIncomeDepositClosedAtMaturity = MisEvent<
  'MonthlyIncomeDepositClosedAtMaturity',
  { readonly principalPaise: Paise; readonly paidOutPaise: Paise; readonly payoutPaise: Paise; readonly payout: ProceedsDestination; readonly balancePaise: 0 }
>;

/**
 * Closed before maturity after `monthsHeld` complete months: interest due at `appliedRatePercent`
 * (`heldPeriodRatePercent` − the penalty); income paid beyond it recovered from the principal
 * (`recoveryPaise`), income due and unpaid added (`interestOwedPaise`); `payoutPaise` went to `payout`.
 */
export type MonthlyIncomeDepositClosedPrematurely = MisEvent<
  'MonthlyIncomeDepositClosedPrematurely',
  {
    readonly monthsHeld: number;
    readonly heldPeriodRatePercent: string;
    readonly appliedRatePercent: string;
    readonly principalPaise: Paise;
    readonly paidOutPaise: Paise;
    readonly interestDuePaise: Paise;
    readonly recoveryPaise: Paise;
    readonly interestOwedPaise: Paise;
    readonly payoutPaise: Paise;
    readonly payout: ProceedsDestination;
    readonly balancePaise: 0;
  }
>;

/** Every event of a Monthly Income Scheme stream. */
export type MonthlyIncomeEvent = MonthlyIncomeDepositOpened | MonthlyIncomePaid | MonthlyIncomeDepositClosedAtMaturity | MonthlyIncomeDepositClosedPrematurely;
