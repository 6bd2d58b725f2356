import { fold, givenWhenThen } from '@samabay/domain-kit';
import { HEAD_OFFICE, LOAN_ID, MANAGER, TELLER, TEST_PRODUCTS, disbursedHistory } from '../../testing/loan-fixtures';
import { balancesOn } from '../repayment/instalment-position';
import type { RescheduleLoan } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent, LoanRescheduled } from './loan-events';
import type { LoanSnapshot } from './loan-state';

const decider = createLoanDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const history = disbursedHistory();
const reschedule: RescheduleLoan = { type: 'RescheduleLoan', loanId: LOAN_ID, businessDate: '2023-03-14', actor: MANAGER, numberOfInstalments: 6 };

describe('loan decider: RescheduleLoan', () => {
  it('re-amortises all unpaid principal from the date, carries the interest arrears, keeps the old schedule in history', () => {
    // instalment 1 (due 28 Feb) unpaid; on 14 Mar instalment 2 has run 14 of its 31 days: 181.77 × 14/31 = 82.09
    const [event] = decider.decide(reschedule, fold(decider, history)) as [LoanRescheduled];
    expect(event.type).toBe('LoanRescheduled');
    expect(event.data).toMatchObject({
      rescheduledOn: '2023-03-14',
      rescheduledBy: MANAGER.userId,
      numberOfInstalments: 6,
      rate: { ratePercent: '2', per: 'MONTH' },
      truncatedInstalments: [{ instalmentNumber: 1, principalPaise: 0, interestPaise: 0 }],
      fromInstalmentNumber: 2,
      carriedInterestPaise: 24_000 + 8_209,
      principalOutstandingPaise: 1_200_000,
      upgradeBlockedUntil: null,
    });
    expect(event.data.instalments.map((i) => i.dueDate)).toEqual(['2023-04-14', '2023-05-14', '2023-06-14', '2023-07-14', '2023-08-14', '2023-09-14']);
    expect(event.data.supersededInstalments.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const after = fold(decider, [...history, event]) as LoanSnapshot;
    expect(after.instalments.reduce((sum, i) => sum + i.principalPaise, 0)).toBe(1_200_000);
    expect(balancesOn(after.instalments, '2023-03-14')).toEqual({ principalOutstandingPaise: 1_200_000, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 });
    spec.given(history).when(reschedule).then([event]);
  });

  it('may lower the rate within the product; a loan that was NPA stays blocked from upgrade for 12 months', () => {
    const npa: LoanEvent = {
      type: 'LoanArrearsClassified',
      data: { loanId: LOAN_ID, classifiedOn: '2023-05-29', daysPastDue: 91, overduePrincipalPaise: 1, overdueInterestPaise: 1, principalOutstandingPaise: 1, smaClass: null, assetClass: 'SUB_STANDARD', npaSince: '2023-05-29', ownNpaSince: '2023-05-29' },
    };
    const [event] = decider.decide({ ...reschedule, businessDate: '2023-06-01', ratePercent: '1.5', actor: HEAD_OFFICE }, fold(decider, [...history, npa]));
    expect(event.data).toMatchObject({ rate: { ratePercent: '1.5', per: 'MONTH' }, annualRatePercent: '18', upgradeBlockedUntil: '2024-06-01' });
    spec.given([...history, npa, event]).when({ type: 'AgeLoan', loanId: LOAN_ID, businessDate: '2023-06-02', otherLoansNpaSince: null }).then([]);
  });

  it.each<[string, Partial<RescheduleLoan>, string, string]>([
    ['a rate outside the product', { ratePercent: '2.25' }, 'RATE_OUTSIDE_PRODUCT', 'ratePercent'],
    ['a term outside the product', { numberOfInstalments: 13 }, 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments'],
    ['a teller (rescheduling needs a manager)', { actor: TELLER }, 'ROLE_NOT_ALLOWED', 'actor.role'],
    ['a date before the disbursement', { businessDate: '2023-01-30' }, 'BUSINESS_DATE_BEFORE_DISBURSEMENT', 'businessDate'],
  ])('rejects %s', (_label, overrides, code, field) => {
    spec.given(history).when({ ...reschedule, ...overrides }).thenThrows(code, field);
  });

  it('rejects rescheduling a loan not disbursed', () => {
    spec.given(history.slice(0, 3)).when(reschedule).thenThrows('LOAN_NOT_DISBURSED', 'loanId');
  });
});
