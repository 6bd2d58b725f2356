import type { LoanActor, ApplyForLoan, EligibilityFacts } from '../domain/loan/loan-commands';
import type { LoanApplied, LoanAppraised, LoanApproved, LoanDisbursed, LoanEvent } from '../domain/loan/loan-events';
import type { LoanProductTerms, LoanProducts } from '../domain/product/loan-product';
import { generateSchedule } from '../domain/schedule/generate-schedule';

/** Synthetic staff (ids only; no personal data). */
export const TELLER: LoanActor = { userId: 'staff-teller-01', role: 'teller' };
export const MANAGER: LoanActor = { userId: 'staff-manager-01', role: 'branch_manager' };
export const SECOND_MANAGER: LoanActor = { userId: 'staff-manager-02', role: 'branch_manager' };
export const HEAD_OFFICE: LoanActor = { userId: 'staff-ho-01', role: 'head_office' };
export const AUDITOR: LoanActor = { userId: 'staff-auditor-01', role: 'auditor' };

/**
 * Test product terms (not the shipped placeholders): the first published example —
 * 2% per month (band 1.5–2), EMI declining, monthly, 30/360, paisa HALF_UP; 1,000–50,000 rupees over
 * 3–12 instalments; member ≥ 6 months, loan ≤ 3 × savings, ≤ 2 open loans; one guarantor from
 * 20,000; penalty 1% of the overdue instalment after 7 days.
 */
export const TEST_TERMS: LoanProductTerms = {
  amortization: 'EMI_DECLINING',
  frequency: 'MONTHLY',
  dayCount: 'THIRTY_360',
  interest: { ratePercent: '2', per: 'MONTH', minRatePercent: '1.5', maxRatePercent: '2' },
  grace: { principalInstalments: 0, interestInstalments: 0 },
  rounding: { mode: 'HALF_UP', unit: 'PAISA' },
  limits: { minAmountPaise: 100_000, maxAmountPaise: 5_000_000, minInstalments: 3, maxInstalments: 12 },
  eligibility: { minMembershipMonths: 6, maxSavingsMultiple: '3', maxOpenLoans: 2 },
  guarantorRules: [{ fromAmountPaise: 2_000_000, guarantors: 1 }],
  latePenalty: { graceDays: 7, flatPaise: 0, percentOfOverdue: '1' },
};

/** One product 'EDU' for education, terms in force from 2020-04-01. */
export const TEST_PRODUCTS: LoanProducts = [{ code: 'EDU', name: 'Education loan', purposes: ['EDUCATION'], terms: [{ effectiveFrom: '2020-04-01', terms: TEST_TERMS }] }];

/** The applicant's standing in the fixtures: active since 2020, savings 5,000, no other loans. */
export const ELIGIBLE: EligibilityFacts = { memberStatus: 'ACTIVE', memberSince: '2020-06-01', savingsBalancePaise: 500_000, openLoans: 0, exposurePaise: 0, borrowerNpa: false };

/** The loan of the fixtures (stream loan-SNG-L-000001). */
export const LOAN_ID = 'SNG-L-000001';

/** Apply for 12,000 over 4 months on 2022-12-20 for member SNG-000123 (member since 2020, savings 5,000). */
export function applyCommand(overrides: Partial<ApplyForLoan> = {}): ApplyForLoan {
  return {
    type: 'ApplyForLoan',
    loanId: LOAN_ID,
    businessDate: '2022-12-20',
    actor: TELLER,
    memberNo: 'SNG-000123',
    branchCode: 'SNG',
    productCode: 'EDU',
    purpose: 'EDUCATION',
    amountPaise: 1_200_000,
    numberOfInstalments: 4,
    guarantors: [],
    guarantorFacts: [],
    eligibility: ELIGIBLE,
    ...overrides,
  };
}

/** The LoanApplied of {@link applyCommand}, optionally with other snapshotted terms. */
export function appliedEvent(terms: LoanProductTerms = TEST_TERMS): LoanApplied {
  return {
    type: 'LoanApplied',
    data: {
      loanId: LOAN_ID,
      memberNo: 'SNG-000123',
      branchCode: 'SNG',
      productCode: 'EDU',
      purpose: 'EDUCATION',
      amountPaise: 1_200_000,
      numberOfInstalments: 4,
      rate: { ratePercent: '2', per: 'MONTH' },
      annualRatePercent: '24',
      terms,
      guarantors: [],
      eligibility: ELIGIBLE,
      appliedOn: '2022-12-20',
      appliedBy: TELLER.userId,
    },
  };
}

/** Appraised by the teller on 2022-12-21 as applied. */
export const APPRAISED: LoanAppraised = {
  type: 'LoanAppraised',
  data: {
    loanId: LOAN_ID,
    amountPaise: 1_200_000,
    numberOfInstalments: 4,
    rate: { ratePercent: '2', per: 'MONTH' },
    annualRatePercent: '24',
    guarantors: [],
    appraisedOn: '2022-12-21',
    appraisedBy: TELLER.userId,
  },
};

/** Approved by the branch manager on 2022-12-22. */
export const APPROVED: LoanApproved = {
  type: 'LoanApproved',
  data: { loanId: LOAN_ID, amountPaise: 1_200_000, numberOfInstalments: 4, approvedOn: '2022-12-22', approvedBy: MANAGER.userId, approverRole: 'branch_manager' },
};

/** Disbursed in cash on `disbursedOn` (default 2023-01-31) with the schedule the terms give. */
export function disbursedEvent(disbursedOn = '2023-01-31', terms: LoanProductTerms = TEST_TERMS): LoanDisbursed {
  const schedule = generateSchedule({ principalPaise: 1_200_000, rate: { ratePercent: '2', per: 'MONTH' }, numberOfInstalments: 4, startDate: disbursedOn, terms });
  return {
    type: 'LoanDisbursed',
    data: {
      loanId: LOAN_ID,
      memberNo: 'SNG-000123',
      amountPaise: 1_200_000,
      channel: { kind: 'CASH' },
      disbursedOn,
      disbursedBy: TELLER.userId,
      instalments: schedule.instalments,
      totalInterestPaise: schedule.totalInterestPaise,
      principalOutstandingPaise: 1_200_000,
    },
  };
}

/** Applied, appraised, approved — ready to disburse. */
export const APPROVED_HISTORY: readonly LoanEvent[] = [appliedEvent(), APPRAISED, APPROVED];

/** Applied … disbursed on `disbursedOn` (default 2023-01-31): 4 × 3,151.49 (last 3,151.47) due 2023-02-28, 03-31, 04-30 and 05-31. */
export function disbursedHistory(disbursedOn = '2023-01-31', terms: LoanProductTerms = TEST_TERMS): LoanEvent[] {
  return [appliedEvent(terms), APPRAISED, APPROVED, disbursedEvent(disbursedOn, terms)];
}
