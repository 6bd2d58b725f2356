import { instalment } from '../../testing/instalments';
import { latePenaltiesDue } from './late-penalty';

const rounding = { mode: 'HALF_UP', unit: 'PAISA' } as const;
const terms = { graceDays: 7, flatPaise: 1_000, percentOfOverdue: '2' };

describe('latePenaltiesDue', () => {
  const instalments = [instalment(1, '2024-01-31', 100_000, 2_050), instalment(2, '2024-02-29', 100_000, 1_000)];

  it('charges nothing within the grace days', () => {
    expect(latePenaltiesDue(instalments, '2024-02-06', terms, rounding)).toEqual([]);
  });

  it('charges flat + 2% of the unpaid instalment once it is more than 7 days past due (day 8)', () => {
    // 2% of 1,020.50 = 20.41; + 10.00 flat
    expect(latePenaltiesDue(instalments, '2024-02-07', terms, rounding)).toEqual([{ instalmentNumber: 1, daysPastDue: 8, overduePaise: 102_050, penaltyPaise: 3_041 }]);
  });

  it('charges each instalment once, only on what is unpaid', () => {
    const charged = [{ ...instalments[0], penaltyPaise: 3_041 }, { ...instalments[1], paidPrincipalPaise: 50_000 }];
    expect(latePenaltiesDue(charged, '2024-03-08', terms, rounding)).toEqual([{ instalmentNumber: 2, daysPastDue: 9, overduePaise: 51_000, penaltyPaise: 2_020 }]);
  });

  it('charges nothing without penalty terms or on a paid instalment', () => {
    expect(latePenaltiesDue(instalments, '2024-03-31', null, rounding)).toEqual([]);
    expect(latePenaltiesDue([{ ...instalments[0], paidPrincipalPaise: 100_000, paidInterestPaise: 2_050 }], '2024-03-31', terms, rounding)).toEqual([]);
  });
});
