import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { MonthlyIncomeContract } from './monthly-income-contract';
import type { MonthlyIncomeEvent } from './monthly-income-events';

/** A Monthly Income Scheme deposit as its decider knows it: `monthsPaid` income months paid (in order), `paidOutPaise` their sum. */
export interface MonthlyIncomeDeposit {
  readonly accountId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly openedOn: IsoDate;
  readonly status: 'ACTIVE' | 'CLOSED';
  readonly contract: MonthlyIncomeContract;
  readonly balancePaise: Paise;
  readonly monthsPaid: number;
  readonly paidOutPaise: Paise;
  readonly closedOn: IsoDate | null;
}

/** State of an MIS stream: null until opened. */
export type MonthlyIncomeState = MonthlyIncomeDeposit | null;

/** Folds one event into the MIS state (pure). */
export function evolveMonthlyIncome(state: MonthlyIncomeState, event: MonthlyIncomeEvent): MonthlyIncomeState {
  if (event.type === 'MonthlyIncomeDepositOpened') {
    const { data } = event;
    return {
      accountId: data.accountId,
      memberNo: data.memberNo,
      branchCode: data.branchCode,
      openedOn: data.businessDate,
      status: 'ACTIVE',
      contract: data.contract,
      balancePaise: data.balancePaise,
      monthsPaid: 0,
      paidOutPaise: 0,
      closedOn: null,
    };
  }
  if (state === null) return state;
  if (event.type === 'MonthlyIncomePaid') return { ...state, monthsPaid: event.data.month, paidOutPaise: event.data.paidOutPaise };
  return { ...state, status: 'CLOSED', balancePaise: 0, closedOn: event.data.businessDate };
}
