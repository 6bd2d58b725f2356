import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { FixedDepositContract } from './fixed-deposit-contract';
import type { FixedDepositEvent } from './fixed-deposit-events';

/** A Fixed Deposit as its decider knows it. */
export interface FixedDeposit {
  readonly accountId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly openedOn: IsoDate;
  readonly status: 'ACTIVE' | 'CLOSED';
  readonly contract: FixedDepositContract;
  readonly balancePaise: Paise;
  readonly closedOn: IsoDate | null;
}

/** State of a Fixed Deposit stream: null until opened. */
export type FixedDepositState = FixedDeposit | null;

/** Folds one event into the Fixed Deposit state (pure). */
export function evolveFixedDeposit(state: FixedDepositState, event: FixedDepositEvent): FixedDepositState {
  if (event.type === 'FixedDepositOpened') {
    const { data } = event;
    return {
      accountId: data.accountId,
      memberNo: data.memberNo,
      branchCode: data.branchCode,
      openedOn: data.businessDate,
      status: 'ACTIVE',
      contract: data.contract,
      balancePaise: data.balancePaise,
      closedOn: null,
    };
  }
  if (state === null) return state;
  return { ...state, status: 'CLOSED', balancePaise: 0, closedOn: event.data.businessDate };
}
