import type { DomainEvent, IsoDate, Paise } from '@samabay/domain-kit';
import type { FixedDepositContract } from './fixed-deposit-contract';
import type { ProceedsDestination } from './proceeds-destination';

/**
 * Events of a Fixed Deposit stream (`savingsAccount-<memberNo>-FD-nn`). Money events carry the amount and
 * the resulting deposit `balancePaise` (the passbook). All amounts integer paise.
 */
type FdEvent<Type extends string, Data> = DomainEvent<Type, { readonly accountId: string; readonly businessDate: IsoDate } & Data>;

/** The deposit was opened with `amountPaise` (the principal, paid in cash) and the contract of the day. */
export type FixedDepositOpened = FdEvent<
  'FixedDepositOpened',
  { readonly memberNo: string; readonly branchCode: string; readonly contract: FixedDepositContract; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** Closed at (or after) maturity: principal + `interestPaise` (the contract's maturity interest) paid to `payout`. */
export type FixedDepositClosedAtMaturity = FdEvent<
  'FixedDepositClosedAtMaturity',
  {
    readonly principalPaise: Paise;
    readonly exactInterestPaise: string;
    readonly interestPaise: Paise;
    readonly payoutPaise: Paise;
    readonly payout: ProceedsDestination;
    readonly balancePaise: 0;
  }
>;

/**
 * Closed before maturity after `monthsHeld` complete months: interest compounded quarterly from opening to
 * the closing date at `appliedRatePercent` = `heldPeriodRatePercent` (the band of the period held) − the penalty.
 */
export type FixedDepositClosedPrematurely = FdEvent<
  'FixedDepositClosedPrematurely',
  {
    readonly monthsHeld: number;
    readonly heldPeriodRatePercent: string;
    readonly appliedRatePercent: string;
    readonly principalPaise: Paise;
    readonly exactInterestPaise: string;
    readonly interestPaise: Paise;
    readonly payoutPaise: Paise;
    readonly payout: ProceedsDestination;
    readonly balancePaise: 0;
  }
>;

/** Every event of a Fixed Deposit stream. */
export type FixedDepositEvent = FixedDepositOpened | FixedDepositClosedAtMaturity | FixedDepositClosedPrematurely;
