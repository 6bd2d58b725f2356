import type { PaiseRounding } from '@samabay/domain-kit';
import { LoanHarness } from '../../testing/loan-harness';
import { ELIGIBLE, HEAD_OFFICE, MANAGER, TELLER, TEST_TERMS } from '../../testing/loan-fixtures';
import { SeededRandom } from '../../testing/seeded-random';
import { addDays } from '../calendar';
import type { AmortizationMethod, LoanProductTerms, RepaymentFrequency, RoundingUnit } from '../product/loan-product';
import { balancesOn, isSettled, type InstalmentPosition } from '../repayment/instalment-position';
import { quoteLoanForeclosure } from './decide-repayment';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent } from './loan-events';

const METHODS: readonly AmortizationMethod[] = ['EMI_DECLINING', 'EQUAL_PRINCIPAL_DECLINING', 'FLAT'];
const FREQUENCIES: readonly RepaymentFrequency[] = ['MONTHLY', 'FORTNIGHTLY', 'WEEKLY'];
const UNITS: readonly RoundingUnit[] = ['PAISA', 'RUPEE'];
const MODES: readonly PaiseRounding[] = ['HALF_UP', 'HALF_EVEN', 'UP', 'DOWN'];
const LOANS_PER_COMBINATION = 6;

function problemsIn(instalments: readonly InstalmentPosition[], amountPaise: number): string[] {
  const problems: string[] = [];
  const principal = instalments.reduce((sum, i) => sum + i.principalPaise, 0);
  if (principal !== amountPaise) problems.push(`principal sums to ${principal}, not ${amountPaise}`);
  for (const i of instalments) {
    if (i.paidPrincipalPaise < 0 || i.paidPrincipalPaise > i.principalPaise) problems.push(`paid principal of ${i.number}`);
    if (i.paidInterestPaise < 0 || i.paidInterestPaise > i.interestPaise) problems.push(`paid interest of ${i.number}`);
    if (i.paidPenaltyPaise < 0 || i.paidPenaltyPaise > i.penaltyPaise) problems.push(`paid penalty of ${i.number}`);
  }
  return problems;
}

describe('loan repayments: properties (seeded random irregular repayments, reschedules and day-ends)', () => {
  const combinations = METHODS.flatMap((method) => FREQUENCIES.flatMap((frequency) => UNITS.map((unit) => [method, frequency, unit] as const)));

  it.each(combinations)('%s %s %s: the quote is what closes the loan, every payment lowers it by itself, principal is conserved', (method, frequency, unit) => {
    const random = new SeededRandom(4_242 + combinations.findIndex((c) => c[0] === method && c[1] === frequency && c[2] === unit));
    const seen = new Set<string>();
    for (let run = 0; run < LOANS_PER_COMBINATION; run += 1) {
      const terms: LoanProductTerms = {
        ...TEST_TERMS,
        amortization: method,
        frequency,
        dayCount: random.pick(['ACTUAL_365', 'THIRTY_360'] as const),
        rounding: { mode: random.pick(MODES), unit },
        interest: { ratePercent: '18', per: 'YEAR', minRatePercent: '0', maxRatePercent: '36' },
        grace: { principalInstalments: random.integer(0, 2), interestInstalments: random.integer(0, 1) },
        limits: { minAmountPaise: 100, maxAmountPaise: 100_000_000, minInstalments: 3, maxInstalments: 60 },
        eligibility: { minMembershipMonths: 0, maxSavingsMultiple: '100', maxOpenLoans: 5 },
        guarantorRules: [],
      };
      const loanId = `P-${run}`;
      const amountPaise = random.integer(10_000, 10_000_000);
      const loan = new LoanHarness(createLoanDecider([{ code: 'TST', name: 'test', purposes: ['OTHER'], terms: [{ effectiveFrom: '2020-01-01', terms }] }]));
      loan.run({
        type: 'ApplyForLoan',
        loanId,
        businessDate: '2023-01-01',
        actor: TELLER,
        memberNo: 'SNG-000001',
        branchCode: 'SNG',
        productCode: 'TST',
        purpose: 'OTHER',
        amountPaise,
        numberOfInstalments: random.integer(3, 24),
        ratePercent: `${random.integer(0, 30)}.${random.integer(0, 99)}`,
        guarantors: [],
        guarantorFacts: [],
        eligibility: { memberStatus: 'ACTIVE', memberSince: '2020-01-01', savingsBalancePaise: amountPaise, openLoans: 0, exposurePaise: 0, borrowerNpa: false },
      });
      loan.run({ type: 'AppraiseLoan', loanId, businessDate: '2023-01-01', actor: TELLER });
      loan.run({ type: 'ApproveLoan', loanId, businessDate: '2023-01-01', actor: MANAGER, eligibility: ELIGIBLE });
      loan.run({ type: 'DisburseLoan', loanId, businessDate: '2023-01-02', actor: TELLER, channel: { kind: 'CASH' }, eligibility: ELIGIBLE });

      let date = '2023-01-02';
      for (let step = 0; step < 30 && !loan.loan().instalments.every(isSettled); step += 1) {
        date = addDays(date, random.integer(0, { MONTHLY: 45, FORTNIGHTLY: 21, WEEKLY: 10 }[frequency]));
        const before = quoteLoanForeclosure(loan.loan(), loanId, date).totalPaise;
        const context = { method, frequency, unit, run, step, date, before };
        expect(() => loan.run({ type: 'RecordRepayment', loanId, businessDate: date, actor: TELLER, amountPaise: before + 1 })).toThrow(
          expect.objectContaining({ code: 'REPAYMENT_EXCEEDS_FORECLOSURE' }),
        );
        const choice = random.next();
        if (choice < 0.1 && loan.loan().instalments.some((i) => i.principalPaise > i.paidPrincipalPaise)) {
          loan.run({ type: 'RescheduleLoan', loanId, businessDate: date, actor: HEAD_OFFICE, numberOfInstalments: random.integer(3, 12) });
        } else if (before > 0) {
          const amount = choice < 0.2 ? before : choice < 0.4 ? Math.min(before, random.integer(1, 500)) : random.integer(1, before);
          const events: LoanEvent[] = loan.run({ type: 'RecordRepayment', loanId, businessDate: date, actor: TELLER, amountPaise: amount, strategy: random.pick(['RBI', 'STANDARD'] as const) });
          const after = quoteLoanForeclosure(loan.loan(), loanId, date).totalPaise;
          const recorded = events[events.length - 1];
          expect({ ...context, after }).toEqual({ ...context, after: before - amount });
          if (recorded.type === 'LoanRepaymentRecorded') expect(recorded.data.balances).toEqual(balancesOn(loan.loan().instalments, date));
        }
        loan.run({ type: 'AgeLoan', loanId, businessDate: date, otherLoansNpaSince: null });
        expect({ ...context, problems: problemsIn(loan.loan().instalments, amountPaise) }).toEqual({ ...context, problems: [] });
      }
      const finalDate = addDays(date, random.integer(0, 400));
      const closing = quoteLoanForeclosure(loan.loan(), loanId, finalDate).totalPaise;
      if (closing > 0) loan.run({ type: 'RecordRepayment', loanId, businessDate: finalDate, actor: TELLER, amountPaise: closing });
      expect(loan.loan().instalments.every(isSettled)).toBe(true);
      loan.run({ type: 'CloseLoan', loanId, businessDate: finalDate, actor: TELLER });
      expect(loan.replayed()).toEqual(loan.loan());
      expect(problemsIn(loan.loan().instalments, amountPaise)).toEqual([]);
      for (const event of loan.events) seen.add(event.type === 'LoanScheduleRevised' ? `${event.type}:${event.data.reason}` : event.type);
    }
    // the random walk did exercise prepayment, foreclosure, rescheduling, penalties and classification
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['LoanArrearsClassified', 'LoanPenaltyCharged', 'LoanRescheduled', 'LoanScheduleRevised:FORECLOSURE', 'LoanScheduleRevised:PREPAYMENT']),
    );
  });
});
