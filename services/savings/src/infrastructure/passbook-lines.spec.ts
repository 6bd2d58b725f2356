import { passbookLinesOf } from './passbook-lines';

const RD = 'SNG-000123-RD-01';
const SD = 'SNG-000123-SD-01';

describe('passbook lines', () => {
  it('prints a premature RD closure as interest credited, fines deducted and the rest paid out, ending at nil', () => {
    const lines = passbookLinesOf({
      type: 'RecurringDepositClosedPrematurely',
      data: {
        accountId: RD,
        businessDate: '2026-01-15',
        monthsHeld: 6,
        heldPeriodRatePercent: '5.00',
        appliedRatePercent: '4',
        depositsPaise: 120_000,
        exactInterestPaise: '1400',
        interestPaise: 1_400,
        finesDeductedPaise: 800,
        payoutPaise: 120_600,
        balancePaise: 0,
      },
    });
    expect(lines.map((line) => [line.category, line.debitPaise, line.creditPaise, line.balancePaise, line.cashOutPaise])).toEqual([
      ['INTEREST', 0, 1_400, 121_400, 0],
      ['FINES_DEDUCTED', 800, 0, 120_600, 0],
      ['CLOSURE_PAYOUT', 120_600, 0, 0, 120_600],
    ]);
  });

  it('keeps fines out of the deposit balance: a fine charged moves nothing, a fine paid is cash in only', () => {
    const [charged] = passbookLinesOf({ type: 'MissedInstalmentFined', data: { accountId: RD, businessDate: '2026-02-28', instalmentNo: 3, amountPaise: 400, finesOutstandingPaise: 400, balancePaise: 40_000 } });
    expect(charged).toEqual({ category: 'FINE_CHARGED', narration: 'Fine Rs 4.00 for missed instalment 3 (fines due Rs 4.00)', debitPaise: 0, creditPaise: 0, balancePaise: 40_000, cashInPaise: 0, cashOutPaise: 0 });
    const [paid] = passbookLinesOf({ type: 'FinePaid', data: { accountId: RD, businessDate: '2026-03-02', amountPaise: 400, finesOutstandingPaise: 0, balancePaise: 40_000 } });
    expect(paid).toMatchObject({ category: 'FINE_PAID', debitPaise: 0, creditPaise: 0, balancePaise: 40_000, cashInPaise: 400 });
  });

  it('prints a loan disbursed into the account and a term deposit\'s proceeds as credits that move no cash', () => {
    expect(passbookLinesOf({
      type: 'LoanDisbursementCredited',
      data: { accountId: SD, businessDate: '2025-04-10', loanId: 'SNG-L-000123', disbursementId: '2f1c7a2e-6b1d-5c7e-9a11-0c0ffee00001', amountPaise: 1_200_000, balancePaise: 1_300_000 },
    })).toEqual([
      { category: 'LOAN_CREDIT', narration: 'Loan SNG-L-000123 disbursed', debitPaise: 0, creditPaise: 1_200_000, balancePaise: 1_300_000, cashInPaise: 0, cashOutPaise: 0 },
    ]);
    const [income] = passbookLinesOf({
      type: 'DepositProceedsCredited',
      data: { accountId: SD, businessDate: '2025-04-30', sourceAccountId: 'SNG-000123-MI-01', kind: 'MONTHLY_INCOME', reference: 'income-3', amountPaise: 62_500, balancePaise: 162_500 },
    });
    expect(income).toMatchObject({ category: 'DEPOSIT_PROCEEDS', narration: 'Monthly income income-3 from SNG-000123-MI-01', creditPaise: 62_500, cashInPaise: 0 });
  });

  it('prints nothing for events that move no money', () => {
    expect(passbookLinesOf({ type: 'CollectionRecorded', data: { accountId: 'SNG-000123-SD-01', businessDate: '2026-03-02', collectionId: 'R-1', agentId: 'a-1', amountPaise: 100 } })).toEqual([]);
    expect(passbookLinesOf({ type: 'AccountMarkedDormant', data: { accountId: 'SNG-000123-SD-01', businessDate: '2026-03-02', lastCustomerActivityOn: '2024-03-02' } })).toEqual([]);
  });
});
