import { instalment } from '../../testing/instalments';
import { assetClassOn, npaDateFor, smaClassFor } from './asset-classification';
import { arrearsOn } from './days-past-due';
import { ownNpaSince } from './npa-status';

describe('arrears ageing (RBI IRAC; clarification of 12 Nov 2021)', () => {
  // One instalment of 1,000 + 20 due 31 Mar 2023, unpaid.
  const unpaid = [instalment(1, '2023-03-31', 100_000, 2_000), instalment(2, '2023-04-30', 100_000, 1_000)];
  const classOn = (date: string) => {
    const { daysPastDue } = arrearsOn(unpaid, date);
    return { daysPastDue, sma: smaClassFor(daysPastDue) };
  };

  it('is overdue from the due date\'s own day-end (day 1, SMA-0)', () => {
    expect(classOn('2023-03-30')).toEqual({ daysPastDue: 0, sma: null });
    expect(classOn('2023-03-31')).toEqual({ daysPastDue: 1, sma: 'SMA_0' });
    expect(classOn('2023-04-29')).toEqual({ daysPastDue: 30, sma: 'SMA_0' });
  });

  it('RBI\'s example: SMA-1 at the day-end of 30/04/2023, SMA-2 on 30/05/2023, NPA on 29/06/2023', () => {
    expect(classOn('2023-04-30')).toEqual({ daysPastDue: 31, sma: 'SMA_1' });
    expect(classOn('2023-05-29')).toEqual({ daysPastDue: 60, sma: 'SMA_1' });
    expect(classOn('2023-05-30')).toEqual({ daysPastDue: 61, sma: 'SMA_2' });
    expect(classOn('2023-06-28')).toEqual({ daysPastDue: 90, sma: 'SMA_2' });
    expect(classOn('2023-06-29')).toEqual({ daysPastDue: 91, sma: null });
    expect(npaDateFor('2023-03-31')).toBe('2023-06-29');
    expect(ownNpaSince({ previousNpaSince: null, arrears: arrearsOn(unpaid, '2023-06-28'), businessDate: '2023-06-28', upgradeBlockedUntil: null })).toBeNull();
    expect(ownNpaSince({ previousNpaSince: null, arrears: arrearsOn(unpaid, '2023-06-29'), businessDate: '2023-06-29', upgradeBlockedUntil: null })).toBe('2023-06-29');
  });

  it('dates the NPA to day 91 also when the day-end runs late', () => {
    expect(ownNpaSince({ previousNpaSince: null, arrears: arrearsOn(unpaid, '2023-07-10'), businessDate: '2023-07-10', upgradeBlockedUntil: null })).toBe('2023-06-29');
  });

  it('counts from the oldest instalment with principal or interest unpaid; penalties alone do not make it overdue', () => {
    const firstPaid = [instalment(1, '2023-03-31', 100_000, 2_000, { paidPrincipalPaise: 100_000, paidInterestPaise: 2_000, penaltyPaise: 500 }), unpaid[1]];
    expect(arrearsOn(firstPaid, '2023-05-05')).toEqual({ daysPastDue: 6, oldestOverdueDueDate: '2023-04-30', overduePrincipalPaise: 100_000, overdueInterestPaise: 1_000 });
  });

  it('keeps an NPA until the entire arrears are paid, then upgrades (unless blocked after a reschedule)', () => {
    const partlyCleared = arrearsOn([instalment(1, '2023-03-31', 100_000, 2_000, { paidInterestPaise: 2_000, paidPrincipalPaise: 99_999 })], '2023-07-10');
    expect(ownNpaSince({ previousNpaSince: '2023-06-29', arrears: partlyCleared, businessDate: '2023-07-10', upgradeBlockedUntil: null })).toBe('2023-06-29');
    const cleared = arrearsOn([instalment(1, '2023-03-31', 100_000, 2_000, { paidInterestPaise: 2_000, paidPrincipalPaise: 100_000 })], '2023-07-10');
    expect(ownNpaSince({ previousNpaSince: '2023-06-29', arrears: cleared, businessDate: '2023-07-10', upgradeBlockedUntil: null })).toBeNull();
    expect(ownNpaSince({ previousNpaSince: '2023-06-29', arrears: cleared, businessDate: '2023-07-10', upgradeBlockedUntil: '2024-07-01' })).toBe('2023-06-29');
  });

  it('an NPA is sub-standard for 12 months, doubtful beyond, loss when marked', () => {
    expect(assetClassOn(null, false, '2024-06-29')).toBe('STANDARD');
    expect(assetClassOn('2023-06-29', false, '2023-06-29')).toBe('SUB_STANDARD');
    expect(assetClassOn('2023-06-29', false, '2024-06-29')).toBe('SUB_STANDARD');
    expect(assetClassOn('2023-06-29', false, '2024-06-30')).toBe('DOUBTFUL');
    expect(assetClassOn('2023-06-29', true, '2023-07-01')).toBe('LOSS');
  });
});
