import type { DomainEvent, IsoDate, Paise } from '@samabay/domain-kit';
import type { BalanceMethod } from '../products/interest-conventions';
import type { SavingsProductCode } from '../products/savings-products';
import type { DepositProceedsKind } from './savings-account-commands';

/**
 * Events of a `savingsAccount-<accountId>` stream for Savings Deposit and Thrift Fund accounts.
 * Every event names its account and business date; every event that moves money carries `amountPaise`
 * and the resulting `balancePaise` (what the passbook prints). All amounts integer paise.
 */
type AccountEvent<Type extends string, Data> = DomainEvent<Type, { readonly accountId: string; readonly businessDate: IsoDate } & Data>;

/** The account was opened; `branchCode` is the member's branch (the member number's prefix). */
export type SavingsAccountOpened = AccountEvent<
  'SavingsAccountOpened',
  { readonly memberNo: string; readonly branchCode: string; readonly product: SavingsProductCode; readonly origin: 'COUNTER' | 'REGISTER_IMPORT' }
>;

/** The legacy register's balance, carried over as one credit at the import's business date. */
export type OpeningBalanceRecorded = AccountEvent<'OpeningBalanceRecorded', { readonly amountPaise: Paise; readonly balancePaise: Paise }>;

/** Cash deposited at the counter. */
export type DepositRecorded = AccountEvent<'DepositRecorded', { readonly amountPaise: Paise; readonly balancePaise: Paise }>;

/** Cash withdrawn at the counter. */
export type WithdrawalRecorded = AccountEvent<'WithdrawalRecorded', { readonly amountPaise: Paise; readonly balancePaise: Paise }>;

/**
 * Interest earned over [periodFrom, periodTo] (not yet in the balance): `exactInterestPaise` is the
 * unrounded amount (decimal string) an auditor recomputes, `amountPaise` the rounded amount, `ratesPercent`
 * the rates (% p.a.) in force during the period in order, `unpostedPaise` all interest accrued and not yet posted.
 */
export type InterestAccrued = AccountEvent<
  'InterestAccrued',
  {
    readonly periodFrom: IsoDate;
    readonly periodTo: IsoDate;
    readonly balanceMethod: BalanceMethod['kind'];
    readonly ratesPercent: readonly string[];
    readonly exactInterestPaise: string;
    readonly amountPaise: Paise;
    readonly unpostedPaise: Paise;
  }
>;

/** Accrued interest for [periodFrom, periodTo] was credited to the balance. */
export type InterestPosted = AccountEvent<
  'InterestPosted',
  { readonly periodFrom: IsoDate; readonly periodTo: IsoDate; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** No customer-induced transaction since `lastCustomerActivityOn` for the product's dormancy period. */
export type AccountMarkedDormant = AccountEvent<'AccountMarkedDormant', { readonly lastCustomerActivityOn: IsoDate }>;

/** The branch reactivated a dormant account. */
export type AccountReactivated = AccountEvent<'AccountReactivated', Record<never, never>>;

/** The account was closed and `payoutPaise` (the whole balance, interest included) paid out. */
export type SavingsAccountClosed = AccountEvent<'SavingsAccountClosed', { readonly payoutPaise: Paise; readonly balancePaise: 0 }>;

/** A field agent recorded a door-step collection; nothing is posted until the branch verifies it. */
export type CollectionRecorded = AccountEvent<'CollectionRecorded', { readonly collectionId: string; readonly agentId: string; readonly amountPaise: Paise }>;

/** The branch verified a collection's cash: the deposit is posted (`collectedOn` is the agent's date). */
export type CollectionVerified = AccountEvent<
  'CollectionVerified',
  { readonly collectionId: string; readonly agentId: string; readonly collectedOn: IsoDate; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** The branch counted `countedPaise` against the agent's `recordedPaise`: nothing is posted; `differencePaise` = counted − recorded. */
export type CollectionDisputed = AccountEvent<
  'CollectionDisputed',
  {
    readonly collectionId: string;
    readonly agentId: string;
    readonly collectedOn: IsoDate;
    readonly recordedPaise: Paise;
    readonly countedPaise: Paise;
    readonly differencePaise: Paise;
  }
>;

/** Debit side of a transfer to the member's own account `toAccountId`. */
export type OwnAccountTransferDebited = AccountEvent<
  'OwnAccountTransferDebited',
  { readonly transferId: string; readonly toAccountId: string; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** Credit side of a transfer from the member's own account `fromAccountId`. */
export type OwnAccountTransferCredited = AccountEvent<
  'OwnAccountTransferCredited',
  { readonly transferId: string; readonly fromAccountId: string; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** The credit side was rejected; the debited amount came back to this (source) account. */
export type OwnAccountTransferReversed = AccountEvent<
  'OwnAccountTransferReversed',
  { readonly transferId: string; readonly toAccountId: string; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** A loan disbursed by the lending service was credited; `disbursementId` is the lending event that requested it. */
export type LoanDisbursementCredited = AccountEvent<
  'LoanDisbursementCredited',
  { readonly loanId: string; readonly disbursementId: string; readonly amountPaise: Paise; readonly balancePaise: Paise }
>;

/** Money from the member's term deposit `sourceAccountId` (closure proceeds or an MIS month's income) was credited. */
export type DepositProceedsCredited = AccountEvent<
  'DepositProceedsCredited',
  {
    readonly sourceAccountId: string;
    readonly kind: DepositProceedsKind;
    readonly reference: string;
    readonly amountPaise: Paise;
    readonly balancePaise: Paise;
  }
>;

/** Every event of a Savings Deposit / Thrift Fund account stream. */
export type SavingsAccountEvent =
  | SavingsAccountOpened
  | OpeningBalanceRecorded
  | DepositRecorded
  | WithdrawalRecorded
  | InterestAccrued
  | InterestPosted
  | AccountMarkedDormant
  | AccountReactivated
  | SavingsAccountClosed
  | CollectionRecorded
  | CollectionVerified
  | CollectionDisputed
  | OwnAccountTransferDebited
  | OwnAccountTransferCredited
  | OwnAccountTransferReversed
  | LoanDisbursementCredited
  | DepositProceedsCredited;
