import { givenWhenThen } from '@samabay/domain-kit';
import { APPRAISED, APPROVED, HEAD_OFFICE, LOAN_ID, MANAGER, SECOND_MANAGER, TELLER, TEST_PRODUCTS, TEST_TERMS, AUDITOR, applyCommand, appliedEvent } from '../../testing/loan-fixtures';
import type { AppraiseLoan, ApproveLoan, GuarantorFact } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent } from './loan-events';

const spec = givenWhenThen(createLoanDecider(TEST_PRODUCTS));
const appraise: AppraiseLoan = { type: 'AppraiseLoan', loanId: LOAN_ID, businessDate: '2022-12-21', actor: TELLER };
const approve: ApproveLoan = { type: 'ApproveLoan', loanId: LOAN_ID, businessDate: '2022-12-22', actor: MANAGER, eligibility: applyCommand().eligibility };
const eligibility = applyCommand().eligibility;
/** An active member of the borrower's branch, as lending's membership projection knows her. */
const GUARANTOR: GuarantorFact = { memberNo: 'SNG-000200', status: 'ACTIVE', branchCode: 'SNG' };

describe('loan decider: ApplyForLoan', () => {
  it('records the application with the product terms in force snapshotted', () => {
    spec.given([]).when(applyCommand()).then([appliedEvent()]);
  });

  it('accepts a rate inside the product band on its basis (1.5% per month = 18% p.a.)', () => {
    const applied = appliedEvent();
    spec
      .given([])
      .when(applyCommand({ ratePercent: '1.5' }))
      .then([{ type: 'LoanApplied', data: { ...applied.data, rate: { ratePercent: '1.5', per: 'MONTH' }, annualRatePercent: '18' } }]);
  });

  it('needs a guarantor from 20,000 and records the guarantors', () => {
    spec.given([]).when(applyCommand({ amountPaise: 1_400_000, eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 }, guarantors: [] })).then([
      { type: 'LoanApplied', data: { ...appliedEvent().data, amountPaise: 1_400_000, eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 } } },
    ]);
    spec.given([]).when(applyCommand({ amountPaise: 2_000_000, eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 } })).thenThrows('GUARANTORS_REQUIRED', 'guarantors');
    spec
      .given([])
      .when(applyCommand({ amountPaise: 2_000_000, eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 }, guarantors: ['SNG-000200'], guarantorFacts: [GUARANTOR] }))
      .then([{ type: 'LoanApplied', data: { ...appliedEvent().data, amountPaise: 2_000_000, guarantors: ['SNG-000200'], eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 } } }]);
  });

  it.each<[string, Parameters<typeof applyCommand>[0], string, string]>([
    ['a rate above the product band', { ratePercent: '2.5' }, 'RATE_OUTSIDE_PRODUCT', 'ratePercent'],
    ['a rate below the product band', { ratePercent: '1' }, 'RATE_OUTSIDE_PRODUCT', 'ratePercent'],
    ['a rate that is not a decimal string', { ratePercent: '2%' }, 'INVALID_RATE', 'ratePercent'],
    ['a term longer than the product allows', { numberOfInstalments: 13 }, 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments'],
    ['a term shorter than the product allows', { numberOfInstalments: 2 }, 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments'],
    ['a fractional term', { numberOfInstalments: 4.5 }, 'INVALID_TERM', 'numberOfInstalments'],
    ['an amount above the product maximum', { amountPaise: 5_000_001 }, 'AMOUNT_OUTSIDE_PRODUCT', 'amount'],
    ['an amount below the product minimum', { amountPaise: 99_999 }, 'AMOUNT_OUTSIDE_PRODUCT', 'amount'],
    ['a zero amount', { amountPaise: 0 }, 'AMOUNT_NOT_POSITIVE', 'amount'],
    ['fractional paise', { amountPaise: 1_200_000.5 }, 'NOT_PAISE', 'amount'],
    ['an unknown product', { productCode: 'XYZ' }, 'UNKNOWN_PRODUCT', 'productCode'],
    ['a purpose the product does not serve', { purpose: 'MARRIAGE' }, 'PURPOSE_NOT_OFFERED', 'purpose'],
    ['an unknown purpose', { purpose: 'GAMBLING' as never }, 'INVALID_PURPOSE', 'purpose'],
    ['a date before any product terms', { businessDate: '2020-03-31' }, 'NO_TERMS_IN_FORCE', 'businessDate'],
    ['an impossible date', { businessDate: '2023-02-29' }, 'BAD_DATE', 'businessDate'],
    ['a malformed loan id', { loanId: '-bad id' }, 'INVALID_LOAN_ID', 'loanId'],
    ['a malformed member number', { memberNo: 'SNG-12' }, 'INVALID_MEMBER_NO', 'memberNo'],
    ['a malformed branch code', { branchCode: 'sng' }, 'INVALID_BRANCH_CODE', 'branchCode'],
    ['the borrower as her own guarantor', { guarantors: ['SNG-000123'] }, 'GUARANTOR_IS_BORROWER', 'guarantors[0]'],
    ['the same guarantor twice', { guarantors: ['SNG-000200', 'SNG-000200'], guarantorFacts: [GUARANTOR] }, 'DUPLICATE_GUARANTOR', 'guarantors[1]'],
    ['an auditor recording it', { actor: AUDITOR }, 'ROLE_NOT_ALLOWED', 'actor.role'],
  ])('rejects %s', (_label, overrides, code, field) => {
    spec.given([]).when(applyCommand(overrides)).thenThrows(code, field);
  });

  it.each<[string, Partial<typeof eligibility>, string, string]>([
    ['an inactive member', { memberStatus: 'INACTIVE' }, 'MEMBER_NOT_ACTIVE', 'memberNo'],
    ['a member who has exited', { memberStatus: 'EXITED' }, 'MEMBER_NOT_ACTIVE', 'memberNo'],
    ['a member for less than 6 months', { memberSince: '2022-06-21' }, 'MEMBERSHIP_TOO_SHORT', 'memberNo'],
    ['a borrower with an NPA loan', { borrowerNpa: true }, 'BORROWER_IS_NPA', 'memberNo'],
    ['a member with 2 open loans already', { openLoans: 2 }, 'TOO_MANY_OPEN_LOANS', 'memberNo'],
    ['a loan above 3 × savings (12,000 > 3 × 3,999.99)', { savingsBalancePaise: 399_999 }, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount'],
    ['a malformed admission date', { memberSince: '2020-02-30' }, 'BAD_DATE', 'eligibility.memberSince'],
  ])('rejects an ineligible member: %s', (_label, facts, code, field) => {
    spec.given([]).when(applyCommand({ eligibility: { ...eligibility, ...facts } })).thenThrows(code, field);
  });

  it.each<[string, Parameters<typeof applyCommand>[0], string, string]>([
    ['a guarantor lending has never heard of', { guarantors: ['ZZZ-999999'] }, 'GUARANTOR_NOT_FOUND', 'guarantors[0]'],
    ['an exited guarantor', { guarantors: ['SNG-000200'], guarantorFacts: [{ ...GUARANTOR, status: 'EXITED' }] }, 'GUARANTOR_NOT_ACTIVE', 'guarantors[0]'],
    ['an inactive guarantor', { guarantors: ['SNG-000200'], guarantorFacts: [{ ...GUARANTOR, status: 'INACTIVE' }] }, 'GUARANTOR_NOT_ACTIVE', 'guarantors[0]'],
    [
      'a guarantor of another branch',
      { guarantors: ['SNG-000200', 'KLG-000203'], guarantorFacts: [GUARANTOR, { memberNo: 'KLG-000203', status: 'ACTIVE', branchCode: 'KLG' }] },
      'GUARANTOR_OTHER_BRANCH',
      'guarantors[1]',
    ],
    ['a malformed guarantor', { guarantors: ['SNG-000200', 'nobody'], guarantorFacts: [GUARANTOR] }, 'INVALID_GUARANTOR', 'guarantors[1]'],
    ['guarantors that are not a list', { guarantors: 'SNG-000200' as never }, 'INVALID_GUARANTOR', 'guarantors'],
  ])('rejects %s, naming its place in the list', (_label, overrides, code, field) => {
    spec.given([]).when(applyCommand(overrides)).thenThrows(code, field);
  });

  it('says "1 guarantor" in the singular', () => {
    expect(() => createLoanDecider(TEST_PRODUCTS).decide(applyCommand({ amountPaise: 2_000_000, eligibility: { ...eligibility, savingsBalancePaise: 1_000_000 } }), null)).toThrow(
      expect.objectContaining({ code: 'GUARANTORS_REQUIRED', message: 'a loan of this amount needs 1 guarantor' }),
    );
  });

  it('states limits in rupees, as the API takes the amount', () => {
    expect(() => createLoanDecider(TEST_PRODUCTS).decide(applyCommand({ amountPaise: 99_999 }), null)).toThrow(
      expect.objectContaining({ code: 'AMOUNT_OUTSIDE_PRODUCT', field: 'amount', message: 'the amount must be Rs 1000.00–Rs 50000.00 for this product' }),
    );
  });

  it('counts pending and outstanding loans against the savings multiple (total exposure), not this loan alone', () => {
    // 3 × 5,000 = 15,000; 12,000 alone fits, but not beside 3,000.01 already lent or applied for.
    spec.given([]).when(applyCommand({ eligibility: { ...eligibility, openLoans: 1, exposurePaise: 300_000 } })).then([
      { type: 'LoanApplied', data: { ...appliedEvent().data, eligibility: { ...eligibility, openLoans: 1, exposurePaise: 300_000 } } },
    ]);
    expect(() => createLoanDecider(TEST_PRODUCTS).decide(applyCommand({ eligibility: { ...eligibility, openLoans: 1, exposurePaise: 300_001 } }), null)).toThrow(
      expect.objectContaining({ code: 'EXCEEDS_SAVINGS_MULTIPLE', field: 'amount', message: expect.stringContaining('at most Rs 11999.99') }),
    );
  });

  it('accepts a member of exactly 6 months and a loan of exactly 3 × savings', () => {
    const facts = { ...eligibility, memberSince: '2022-06-20', savingsBalancePaise: 400_000 };
    spec.given([]).when(applyCommand({ eligibility: facts })).then([{ type: 'LoanApplied', data: { ...appliedEvent().data, eligibility: facts } }]);
  });

  it('rejects a second application under the same loan id', () => {
    spec.given([appliedEvent()]).when(applyCommand()).thenThrows('LOAN_ALREADY_EXISTS', 'loanId');
  });
});

describe('loan decider: AppraiseLoan', () => {
  it('records the appraisal as applied', () => {
    spec.given([appliedEvent()]).when(appraise).then([APPRAISED]);
  });

  it('may revise amount, term and rate within the product', () => {
    spec
      .given([appliedEvent()])
      .when({ ...appraise, amountPaise: 1_000_000, numberOfInstalments: 6, ratePercent: '1.75' })
      .then([{ type: 'LoanAppraised', data: { ...APPRAISED.data, amountPaise: 1_000_000, numberOfInstalments: 6, rate: { ratePercent: '1.75', per: 'MONTH' }, annualRatePercent: '21' } }]);
  });

  it.each<[string, Partial<AppraiseLoan>, string, string]>([
    ['a rate outside the product', { ratePercent: '3' }, 'RATE_OUTSIDE_PRODUCT', 'ratePercent'],
    ['a term outside the product', { numberOfInstalments: 24 }, 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments'],
    ['an amount beyond 3 × the savings on record', { amountPaise: 1_500_001 }, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount'],
    ['a date before the application', { businessDate: '2022-12-19' }, 'BUSINESS_DATE_BEFORE_APPLICATION', 'businessDate'],
  ])('rejects %s', (_label, overrides, code, field) => {
    spec.given([appliedEvent()]).when({ ...appraise, ...overrides }).thenThrows(code, field);
  });

  it('rejects an appraisal of an unknown or already approved loan', () => {
    spec.given([]).when(appraise).thenThrows('LOAN_NOT_FOUND', 'loanId');
    spec.given([appliedEvent(), APPRAISED, APPROVED]).when(appraise).thenThrows('LOAN_NOT_AWAITING_APPRAISAL', 'loanId');
  });
});

describe('loan decider: ApproveLoan (maker–checker)', () => {
  it('a branch manager other than the maker approves', () => {
    spec.given([appliedEvent(), APPRAISED]).when(approve).then([APPROVED]);
  });

  it('head office may approve', () => {
    spec
      .given([appliedEvent(), APPRAISED])
      .when({ ...approve, actor: HEAD_OFFICE })
      .then([{ type: 'LoanApproved', data: { ...APPROVED.data, approvedBy: HEAD_OFFICE.userId, approverRole: 'head_office' } }]);
  });

  it.each<[string, Partial<typeof eligibility>, string]>([
    ['two other loans applied for or open since', { openLoans: 2, exposurePaise: 200_000 }, 'TOO_MANY_OPEN_LOANS'],
    ['other loans that leave less than the amount under 3 × savings', { openLoans: 1, exposurePaise: 300_001 }, 'EXCEEDS_SAVINGS_MULTIPLE'],
    ['a borrower who has exited since applying', { memberStatus: 'EXITED' }, 'MEMBER_NOT_ACTIVE'],
  ])('re-checks eligibility with the facts at approval: refuses %s', (_label, facts, code) => {
    spec.given([appliedEvent(), APPRAISED]).when({ ...approve, eligibility: { ...eligibility, ...facts } }).thenThrows(code, code === 'EXCEEDS_SAVINGS_MULTIPLE' ? 'amount' : 'memberNo');
  });

  it('rejects approval by the maker who appraised it', () => {
    const appraisedByManager: LoanEvent = { type: 'LoanAppraised', data: { ...APPRAISED.data, appraisedBy: MANAGER.userId } };
    spec.given([appliedEvent(), appraisedByManager]).when(approve).thenThrows('MAKER_CANNOT_APPROVE', 'actor.userId');
    spec.given([appliedEvent(), appraisedByManager]).when({ ...approve, actor: SECOND_MANAGER }).then([
      { type: 'LoanApproved', data: { ...APPROVED.data, approvedBy: SECOND_MANAGER.userId } },
    ]);
  });

  it('rejects approval by the maker who recorded the application', () => {
    const appliedByManager = appliedEvent();
    const history: LoanEvent[] = [{ ...appliedByManager, data: { ...appliedByManager.data, appliedBy: MANAGER.userId } }, APPRAISED];
    spec.given(history).when(approve).thenThrows('MAKER_CANNOT_APPROVE', 'actor.userId');
  });

  it('rejects approval by a teller (no approving role)', () => {
    spec.given([appliedEvent(), APPRAISED]).when({ ...approve, actor: { userId: 'staff-teller-02', role: 'teller' } }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
  });

  it('rejects approval before appraisal, twice, or dated before the appraisal', () => {
    spec.given([appliedEvent()]).when(approve).thenThrows('LOAN_NOT_APPRAISED', 'loanId');
    spec.given([appliedEvent(), APPRAISED, APPROVED]).when(approve).thenThrows('LOAN_NOT_APPRAISED', 'loanId');
    spec.given([appliedEvent(), APPRAISED]).when({ ...approve, businessDate: '2022-12-20' }).thenThrows('BUSINESS_DATE_BEFORE_APPRAISAL', 'businessDate');
  });

});

describe('loan decider: effective-dated product terms', () => {
  const revised = { ...TEST_TERMS, interest: { ratePercent: '1.5', per: 'MONTH' as const, minRatePercent: '1', maxRatePercent: '1.5' } };
  const products = [{ ...TEST_PRODUCTS[0], terms: [...TEST_PRODUCTS[0].terms, { effectiveFrom: '2023-01-01', terms: revised }] }];
  const dated = givenWhenThen(createLoanDecider(products));

  it('applies the terms in force on the application date and keeps them for the loan', () => {
    dated.given([]).when(applyCommand()).then([appliedEvent()]);
    const later = appliedEvent(revised);
    dated
      .given([])
      .when(applyCommand({ businessDate: '2023-01-01' }))
      .then([{ type: 'LoanApplied', data: { ...later.data, appliedOn: '2023-01-01', rate: { ratePercent: '1.5', per: 'MONTH' }, annualRatePercent: '18' } }]);
    // a loan applied for under the old terms is still appraised within its own band (2% stays allowed)
    dated.given([appliedEvent()]).when({ ...appraise, businessDate: '2023-01-02' }).then([{ type: 'LoanAppraised', data: { ...APPRAISED.data, appraisedOn: '2023-01-02' } }]);
  });
});
