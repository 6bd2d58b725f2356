import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { InstalmentPayment } from '../interest/recurring-deposit-premature';
import type { RecurringDepositContract } from './recurring-deposit-contract';
import type { RecurringDepositEvent } from './recurring-deposit-events';

/** A Recurring Deposit as its decider knows it; `payments` in instalment order (at most 12 × tenure). */
export interface RecurringDeposit {
  readonly accountId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly openedOn: IsoDate;
  readonly status: 'ACTIVE' | 'CLOSED';
  readonly contract: RecurringDepositContract;
  readonly payments: readonly InstalmentPayment[];
  readonly balancePaise: Paise;
  readonly finesOutstandingPaise: Paise;
  /** Highest instalment number fined so far (0 = none): each missed instalment is fined once. */
  readonly lastFinedInstalment: number;
  readonly closedOn: IsoDate | null;
}

/** State of a Recurring Deposit stream: null until opened. */
export type RecurringDepositState = RecurringDeposit | null;

/** Folds one event into the Recurring Deposit state (pure). */
export function evolveRecurringDeposit(state: RecurringDepositState, event: RecurringDepositEvent): RecurringDepositState {
  if (event.type === 'RecurringDepositOpened') {
    const { data } = event;
    return {
      accountId: data.accountId,
      memberNo: data.memberNo,
      branchCode: data.branchCode,
      openedOn: data.businessDate,
      status: 'ACTIVE',
      contract: data.contract,
      payments: [],
      balancePaise: 0,
      finesOutstandingPaise: 0,
      lastFinedInstalment: 0,
      closedOn: null,
    };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'InstalmentPaid':
      return {
        ...state,
        payments: [...state.payments, { amountPaise: event.data.amountPaise, paidOn: event.data.businessDate }],
        balancePaise: event.data.balancePaise,
      };
    case 'MissedInstalmentFined':
      return { ...state, finesOutstandingPaise: event.data.finesOutstandingPaise, lastFinedInstalment: event.data.instalmentNo };
    case 'FinePaid':
      return { ...state, finesOutstandingPaise: event.data.finesOutstandingPaise };
    case 'RecurringDepositClosedPrematurely':
    case 'RecurringDepositClosedAtMaturity':
      return { ...state, status: 'CLOSED', closedOn: event.data.businessDate, balancePaise: 0, finesOutstandingPaise: 0 };
  }
}
