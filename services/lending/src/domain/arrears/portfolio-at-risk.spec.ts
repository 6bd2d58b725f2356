import { portfolioAtRisk } from './portfolio-at-risk';

describe('portfolioAtRisk (balance-weighted)', () => {
  const loans = [
    { principalOutstandingPaise: 1_000_000, daysPastDue: 0 },
    { principalOutstandingPaise: 500_000, daysPastDue: 45 },
    { principalOutstandingPaise: 200_000, daysPastDue: 120 },
  ];

  it('issue 5: 10,000 (0 dpd), 5,000 (45), 2,000 (120) → PAR30 = 7,000/17,000 = 41.18%, PAR90 = 2,000/17,000 = 11.76% (HALF_UP, 2 decimals)', () => {
    expect(portfolioAtRisk(loans, 30)).toEqual({ thresholdDays: 30, atRiskPaise: 700_000, grossPaise: 1_700_000, percent: '41.18' });
    expect(portfolioAtRisk(loans, 90)).toEqual({ thresholdDays: 90, atRiskPaise: 200_000, grossPaise: 1_700_000, percent: '11.76' });
  });

  it('counts only loans more than the threshold past due (30 dpd is not in PAR30)', () => {
    expect(portfolioAtRisk([{ principalOutstandingPaise: 100, daysPastDue: 30 }, { principalOutstandingPaise: 100, daysPastDue: 31 }], 30).percent).toBe('50.00');
  });

  it('reports 0.00 for an empty portfolio', () => {
    expect(portfolioAtRisk([], 30)).toEqual({ thresholdDays: 30, atRiskPaise: 0, grossPaise: 0, percent: '0.00' });
  });

  it('rounds half up: 1/8 = 12.5% exactly, 1/6 = 16.67%', () => {
    expect(portfolioAtRisk([{ principalOutstandingPaise: 1, daysPastDue: 100 }, { principalOutstandingPaise: 5, daysPastDue: 0 }], 90).percent).toBe('16.67');
    expect(portfolioAtRisk([{ principalOutstandingPaise: 1, daysPastDue: 100 }, { principalOutstandingPaise: 7, daysPastDue: 0 }], 90).percent).toBe('12.50');
  });
});
