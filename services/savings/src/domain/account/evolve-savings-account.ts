import type { IsoDate, Paise } from '@samabay/domain-kit';
import { shiftDays } from '../calendar/day-number';
import type { SavingsAccountEvent } from './savings-account-events';
import type { InterestLedger, SavingsAccount, SavingsAccountState } from './savings-account-state';

/** The key under which a loan disbursement's credit is remembered (see SavingsAccount.creditsReceived). */
export function loanCreditKey(disbursementId: string): string {
  return `loan:${disbursementId}`;
}

/** The key under which a term deposit's payment is remembered (see SavingsAccount.creditsReceived). */
export function depositProceedsKey(sourceAccountId: string, reference: string): string {
  return `deposit:${sourceAccountId}:${reference}`;
}

/** Folds one event into the account state (pure; never mutates `state`). */
export function evolveSavingsAccount(state: SavingsAccountState, event: SavingsAccountEvent): SavingsAccountState {
  if (event.type === 'SavingsAccountOpened') return opened(event.data);
  if (state === null) return state;
  switch (event.type) {
    case 'OpeningBalanceRecorded': {
      const { data } = event;
      return { ...moved(state, data.businessDate, data.amountPaise, data.balancePaise), openingBalanceRecorded: true };
    }
    case 'DepositRecorded':
      return customerMoved(state, event.data.businessDate, event.data.amountPaise, event.data.balancePaise);
    case 'WithdrawalRecorded': {
      const { data } = event;
      const withdrawnByDate = { ...state.withdrawnByDate, [data.businessDate]: (state.withdrawnByDate?.[data.businessDate] ?? 0) + data.amountPaise };
      return { ...customerMoved(state, data.businessDate, -data.amountPaise, data.balancePaise), withdrawnByDate };
    }
    case 'InterestAccrued': {
      const { data } = event;
      return { ...state, ...forget(state, data.periodTo), interest: accrued(state.interest, data.periodFrom, data.periodTo, data.amountPaise) };
    }
    case 'InterestPosted': {
      const credited = moved(state, event.data.businessDate, event.data.amountPaise, event.data.balancePaise);
      return { ...credited, interest: posted(credited.interest, event.data.periodTo) };
    }
    case 'AccountMarkedDormant':
      return { ...state, status: 'DORMANT' };
    case 'AccountReactivated':
      return { ...state, status: 'ACTIVE', lastCustomerActivityOn: event.data.businessDate };
    case 'SavingsAccountClosed':
      return { ...moved(state, event.data.businessDate, -event.data.payoutPaise, 0), status: 'CLOSED', closedOn: event.data.businessDate };
    case 'CollectionRecorded': {
      const { data } = event;
      const pending = { agentId: data.agentId, amountPaise: data.amountPaise, collectedOn: data.businessDate };
      return { ...state, pendingCollections: { ...state.pendingCollections, [data.collectionId]: pending } };
    }
    case 'CollectionVerified': {
      const { data } = event;
      return { ...customerMoved(state, data.businessDate, data.amountPaise, data.balancePaise), ...settled(state, data.collectionId, data.collectedOn) };
    }
    case 'CollectionDisputed':
      return { ...state, ...settled(state, event.data.collectionId, event.data.collectedOn) };
    case 'OwnAccountTransferDebited': {
      const { data } = event;
      const record = { toAccountId: data.toAccountId, amountPaise: data.amountPaise, businessDate: data.businessDate, reversed: false };
      return { ...customerMoved(state, data.businessDate, -data.amountPaise, data.balancePaise), transfersOut: { ...state.transfersOut, [data.transferId]: record } };
    }
    case 'OwnAccountTransferCredited': {
      const { data } = event;
      return { ...customerMoved(state, data.businessDate, data.amountPaise, data.balancePaise), transfersIn: { ...state.transfersIn, [data.transferId]: data.businessDate } };
    }
    case 'LoanDisbursementCredited': {
      const { data } = event;
      return { ...customerMoved(state, data.businessDate, data.amountPaise, data.balancePaise), creditsReceived: { ...state.creditsReceived, [loanCreditKey(data.disbursementId)]: data.businessDate } };
    }
    case 'DepositProceedsCredited': {
      const { data } = event;
      const key = depositProceedsKey(data.sourceAccountId, data.reference);
      return { ...moved(state, data.businessDate, data.amountPaise, data.balancePaise), creditsReceived: { ...state.creditsReceived, [key]: data.businessDate } };
    }
    case 'OwnAccountTransferReversed': {
      const { data } = event;
      const original = state.transfersOut[data.transferId];
      const transfersOut = original ? { ...state.transfersOut, [data.transferId]: { ...original, reversed: true } } : state.transfersOut;
      return { ...moved(state, data.businessDate, data.amountPaise, data.balancePaise), transfersOut };
    }
  }
}

function opened(data: Extract<SavingsAccountEvent, { type: 'SavingsAccountOpened' }>['data']): SavingsAccount {
  return {
    accountId: data.accountId,
    memberNo: data.memberNo,
    branchCode: data.branchCode,
    product: data.product,
    origin: data.origin,
    openedOn: data.businessDate,
    status: 'ACTIVE',
    balancePaise: 0,
    openingBalanceRecorded: false,
    hasTransactions: false,
    lastCustomerActivityOn: data.businessDate,
    closedOn: null,
    interest: { accruedThrough: shiftDays(data.businessDate, -1), periodOpeningBalancePaise: 0, movements: [], unposted: [] },
    pendingCollections: {},
    settledCollections: {},
    transfersOut: {},
    transfersIn: {},
  };
}

/** A balance change dated `date`: into the open period's movements, or into the opening balance when its period is already accrued. */
function moved(state: SavingsAccount, date: IsoDate, deltaPaise: Paise, balancePaise: Paise): SavingsAccount {
  const ledger = state.interest;
  const interest: InterestLedger =
    date <= ledger.accruedThrough
      ? { ...ledger, periodOpeningBalancePaise: ledger.periodOpeningBalancePaise + deltaPaise }
      : { ...ledger, movements: [...ledger.movements, { businessDate: date, deltaPaise }] };
  return { ...state, balancePaise, interest };
}

/** A change the member caused (deposit, withdrawal, verified collection, own transfer): it also resets the dormancy clock. */
function customerMoved(state: SavingsAccount, date: IsoDate, deltaPaise: Paise, balancePaise: Paise): SavingsAccount {
  const next = moved(state, date, deltaPaise, balancePaise);
  return { ...next, hasTransactions: true, lastCustomerActivityOn: date > state.lastCustomerActivityOn ? date : state.lastCustomerActivityOn };
}

function accrued(ledger: InterestLedger, periodFrom: IsoDate, periodTo: IsoDate, amountPaise: Paise): InterestLedger {
  const folded = ledger.movements.filter((movement) => movement.businessDate <= periodTo);
  return {
    accruedThrough: periodTo,
    periodOpeningBalancePaise: folded.reduce((sum, movement) => sum + movement.deltaPaise, ledger.periodOpeningBalancePaise),
    movements: ledger.movements.filter((movement) => movement.businessDate > periodTo),
    unposted: amountPaise > 0 ? [...ledger.unposted, { periodFrom, periodTo, amountPaise }] : ledger.unposted,
  };
}

function posted(ledger: InterestLedger, through: IsoDate): InterestLedger {
  return { ...ledger, unposted: ledger.unposted.filter((entry) => entry.periodTo > through) };
}

function settled(state: SavingsAccount, collectionId: string, collectedOn: IsoDate): Pick<SavingsAccount, 'pendingCollections' | 'settledCollections'> {
  const pendingCollections = { ...state.pendingCollections };
  delete pendingCollections[collectionId];
  return { pendingCollections, settledCollections: { ...state.settledCollections, [collectionId]: collectedOn } };
}

/** Forgets settled ids and per-day withdrawal totals whose interest period `through` closes (see SavingsAccount). */
function forget(state: SavingsAccount, through: IsoDate): Pick<SavingsAccount, 'settledCollections' | 'transfersOut' | 'transfersIn' | 'creditsReceived' | 'withdrawnByDate'> {
  const keep = <V>(record: Readonly<Record<string, V>>, dateOf: (value: V) => IsoDate): Record<string, V> =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => dateOf(value) > through));
  return {
    settledCollections: keep(state.settledCollections, (date) => date),
    transfersOut: keep(state.transfersOut, (record) => record.businessDate),
    transfersIn: keep(state.transfersIn, (date) => date),
    creditsReceived: keep(state.creditsReceived ?? {}, (date) => date),
    withdrawnByDate: Object.fromEntries(Object.entries(state.withdrawnByDate ?? {}).filter(([date]) => date > through)),
  };
}
