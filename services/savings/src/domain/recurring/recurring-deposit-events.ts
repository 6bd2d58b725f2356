import type { DomainEvent, IsoDate, Paise } from '@samabay/domain-kit';
import type { RecurringDepositContract } from './recurring-deposit-contract';

/**
 * Events of a Recurring Deposit stream (`savingsAccount-<memberNo>-RD-nn`). Money events carry
 * `amountPaise` and the resulting deposit `balancePaise` (the passbook); fine events also the
 * `finesOutstandingPaise`, a separate balance never added to the deposit or compounded.
 */
type RdEvent<Type extends string, Data> = DomainEvent<Type, { readonly accountId: string; readonly businessDate: IsoDate } & Data>;

/** The deposit was opened with the contract fixed from the terms in force that day. */
export type RecurringDepositOpened = RdEvent<'RecurringDepositOpened', { readonly memberNo: string; readonly branchCode: string; readonly contract: RecurringDepositContract }>;

/** Instalment `instalmentNo` (1-based) was paid. */
export type InstalmentPaid = RdEvent<'InstalmentPaid', { readonly instalmentNo: number; readonly amountPaise: Paise; readonly balancePaise: Paise }>;

/** Instalment `instalmentNo` was still unpaid at the end of its month: a fine of `amountPaise` is charged. */
export type MissedInstalmentFined = RdEvent<
  'MissedInstalmentFined',
  { readonly instalmentNo: number; readonly amountPaise: Paise; readonly finesOutstandingPaise: Paise; readonly balancePaise: Paise }
>;

/** Fines were paid. */
export type FinePaid = RdEvent<'FinePaid', { readonly amountPaise: Paise; readonly finesOutstandingPaise: Paise; readonly balancePaise: Paise }>;

/**
 * Closed before maturity: `interestPaise` (from `exactInterestPaise`, rounded) at `appliedRatePercent` =
 * `heldPeriodRatePercent` − penalty for `monthsHeld` complete months; outstanding fines deducted.
 */
export type RecurringDepositClosedPrematurely = RdEvent<
  'RecurringDepositClosedPrematurely',
  {
    readonly monthsHeld: number;
    readonly heldPeriodRatePercent: string;
    readonly appliedRatePercent: string;
    readonly depositsPaise: Paise;
    readonly exactInterestPaise: string;
    readonly interestPaise: Paise;
    readonly finesDeductedPaise: Paise;
    readonly payoutPaise: Paise;
    readonly balancePaise: 0;
  }
>;

/** Closed at maturity: the table's `maturityValuePaise` (= deposits + `interestPaise`), outstanding fines deducted. */
export type RecurringDepositClosedAtMaturity = RdEvent<
  'RecurringDepositClosedAtMaturity',
  {
    readonly depositsPaise: Paise;
    readonly maturityValuePaise: Paise;
    readonly interestPaise: Paise;
    readonly finesDeductedPaise: Paise;
    readonly payoutPaise: Paise;
    readonly balancePaise: 0;
  }
>;

/** Every event of a Recurring Deposit stream. */
export type RecurringDepositEvent =
  | RecurringDepositOpened
  | InstalmentPaid
  | MissedInstalmentFined
  | FinePaid
  | RecurringDepositClosedPrematurely
  | RecurringDepositClosedAtMaturity;
