import { DomainError } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { lendingScenario, STAFF, type LendingScenario } from '../testing/lending-scenario';
import type { ApplyForLoanInput } from './lending-inputs';
import { loanIdForApplication } from './loan-ids';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a rejection, but the command was accepted');
}

/** Expects the command to be rejected with `code` (and `field`) and to append nothing. */
async function expectRejected(s: LendingScenario, promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  const before = await s.eventCount();
  const error = await rejection(promise);
  expect({ code: error.code, ...(field ? { field: error.field } : {}) }).toEqual({ code, ...(field ? { field } : {}) });
  expect(await s.eventCount()).toBe(before);
}

const application = (overrides: Partial<ApplyForLoanInput> = {}): ApplyForLoanInput => ({
  memberNo: 'SNG-000101',
  productCode: 'EDU',
  purpose: 'EDUCATION',
  amountPaise: 1_200_000,
  numberOfInstalments: 4,
  ...overrides,
});

/** A member since 2023 with 5,000 rupees saved. */
async function scenarioWithMember() {
  const s = await lendingScenario(db);
  await s.admit('SNG-000101', '2023-01-15');
  await s.saveBalance('SNG-000101', 500_000);
  return s;
}

async function approvedLoan(s: LendingScenario): Promise<string> {
  const { loanId } = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01'));
  await s.lending.commands.appraiseLoan({ loanId }, s.context('2024-03-01'));
  await s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.manager));
  return loanId;
}

describe('applyForLoan: eligibility from lending\'s own projections of membership and savings events', () => {
  it('records the facts it decided on and derives the loan id from the idempotency key', async () => {
    const s = await scenarioWithMember();
    const context = s.context('2024-03-01');
    const accepted = await s.lending.commands.applyForLoan(application(), context);
    expect(accepted.loanId).toBe(loanIdForApplication('SNG', context.idempotencyKey));
    expect(accepted.loanId).toMatch(/^SNG-L-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(accepted.streamId).toBe(`loan-${accepted.loanId}`);
    expect(accepted.events[0]).toMatchObject({
      type: 'LoanApplied',
      data: { memberNo: 'SNG-000101', eligibility: { memberStatus: 'ACTIVE', memberSince: '2023-01-15', savingsBalancePaise: 500_000, openLoans: 0, exposurePaise: 0, borrowerNpa: false } },
    });
  });

  it('answers a retried request with the first answer even when the facts moved since', async () => {
    const s = await scenarioWithMember();
    const context = s.context('2024-03-01');
    const first = await s.lending.commands.applyForLoan(application(), context);
    await s.saveBalance('SNG-000101', 10_000);
    const before = await s.eventCount();
    const again = await s.lending.commands.applyForLoan(application(), { ...context, actor: STAFF.manager });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await s.eventCount()).toBe(before);
  });

  it.each([
    ['an unknown member', async (s: LendingScenario) => s.lending.commands.applyForLoan(application({ memberNo: 'SNG-000999' }), s.context('2024-03-01')), 'MEMBER_NOT_FOUND', 'memberNo'],
    ['a member for less than six months', async (s: LendingScenario) => s.lending.commands.applyForLoan(application(), s.context('2023-06-01')), 'MEMBERSHIP_TOO_SHORT', 'memberNo'],
    ['more than three times the savings', async (s: LendingScenario) => s.lending.commands.applyForLoan(application({ amountPaise: 1_500_001 }), s.context('2024-03-01')), 'EXCEEDS_SAVINGS_MULTIPLE', 'amount'],
    ['a rate outside the product', async (s: LendingScenario) => s.lending.commands.applyForLoan(application({ ratePercent: '2.5' }), s.context('2024-03-01')), 'RATE_OUTSIDE_PRODUCT', 'ratePercent'],
    ['a term outside the product', async (s: LendingScenario) => s.lending.commands.applyForLoan(application({ numberOfInstalments: 13 }), s.context('2024-03-01')), 'TERM_OUTSIDE_PRODUCT', 'numberOfInstalments'],
    ['a business date after today', async (s: LendingScenario) => s.lending.commands.applyForLoan(application(), s.context('2025-01-01')), 'BUSINESS_DATE_IN_FUTURE', 'businessDate'],
    ['a loan id of another branch', async (s: LendingScenario) => s.lending.commands.applyForLoan(application({ loanId: 'KLG-L-000001' }), s.context('2024-03-01')), 'LOAN_BRANCH_MISMATCH', 'loanId'],
  ])('refuses %s with a typed error and appends nothing', async (_name, act, code, field) => {
    const s = await scenarioWithMember();
    await expectRejected(s, act(s), code, field);
  });

  it('refuses a member who has exited', async () => {
    const s = await scenarioWithMember();
    await s.exit('SNG-000101', '2024-02-01');
    await expectRejected(s, s.lending.commands.applyForLoan(application(), s.context('2024-03-01')), 'MEMBER_NOT_ACTIVE', 'memberNo');
  });

  it('counts loans applied for, appraised and approved — not withdrawn — against the maximum of open loans', async () => {
    const s = await scenarioWithMember();
    await s.saveBalance('SNG-000101', 2_000_000);
    const first = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01'));
    await s.lending.commands.appraiseLoan({ loanId: first.loanId }, s.context('2024-03-01'));
    const second = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01'));
    await expectRejected(s, s.lending.commands.applyForLoan(application({ amountPaise: 100_000 }), s.context('2024-03-01')), 'TOO_MANY_OPEN_LOANS', 'memberNo');
    await s.lending.commands.withdrawLoanApplication({ loanId: second.loanId }, s.context('2024-03-02'));
    await s.lending.commands.applyForLoan(application({ amountPaise: 100_000 }), s.context('2024-03-02'));
  });

  it('refuses the tester\'s four applications before any payout: two at most, and the multiple on the total', async () => {
    // 3 × 8,880.14 = 26,640.42 of savings ceiling; the product allows two open loans.
    const s = await lendingScenario(db);
    await s.admit('SNG-000601', '2023-01-15');
    await s.saveBalance('SNG-000601', 888_014);
    const apply = (amountPaise: number) => s.lending.commands.applyForLoan(application({ memberNo: 'SNG-000601', amountPaise }), s.context('2024-03-01'));
    await apply(1_500_000);
    await expectRejected(s, apply(1_200_000), 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    const error = await rejection(apply(1_200_000));
    expect(error.message).toBe("a member's loans outstanding and pending may total at most 3 times her savings; this loan may be at most Rs 11640.42");
    await apply(1_164_042);
    await expectRejected(s, apply(100_000), 'TOO_MANY_OPEN_LOANS', 'memberNo');
    await expectRejected(s, apply(100_000), 'TOO_MANY_OPEN_LOANS', 'memberNo');
  });

  it('checks each guarantor against lending\'s projection of membership events, naming guarantors[i]', async () => {
    const s = await scenarioWithMember();
    await s.saveBalance('SNG-000101', 1_000_000);
    await s.admit('SNG-000102', '2020-01-01');
    await s.admit('SNG-000103', '2020-01-01');
    await s.exit('SNG-000103', '2024-01-01');
    await s.admit('KLG-000203', '2020-01-01');
    const apply = (guarantors: string[]) => s.lending.commands.applyForLoan(application({ amountPaise: 2_000_000, guarantors }), s.context('2024-03-01'));
    await expectRejected(s, apply(['ZZZ-999999']), 'GUARANTOR_NOT_FOUND', 'guarantors[0]');
    await expectRejected(s, apply(['SNG-000102', 'SNG-000103']), 'GUARANTOR_NOT_ACTIVE', 'guarantors[1]');
    await expectRejected(s, apply(['KLG-000203']), 'GUARANTOR_OTHER_BRANCH', 'guarantors[0]');
    await expectRejected(s, apply(['SNG-000101']), 'GUARANTOR_IS_BORROWER', 'guarantors[0]');
    await expectRejected(s, apply(['SNG-000102', 'SNG-000102']), 'DUPLICATE_GUARANTOR', 'guarantors[1]');
    await expectRejected(s, apply([]), 'GUARANTORS_REQUIRED', 'guarantors');
    const { loanId, events } = await apply(['SNG-000102']);
    expect(events[0]).toMatchObject({ type: 'LoanApplied', data: { guarantors: ['SNG-000102'] } });
    await expectRejected(s, s.lending.commands.appraiseLoan({ loanId, guarantors: ['SNG-000103'] }, s.context('2024-03-01')), 'GUARANTOR_NOT_ACTIVE', 'guarantors[0]');
    await s.lending.commands.appraiseLoan({ loanId, guarantors: ['SNG-000102'] }, s.context('2024-03-01'));
  });
});

describe('eligibility re-checked at approval and disbursement', () => {
  it('approves and disburses two loans side by side (each excluded from its own count)', async () => {
    const s = await scenarioWithMember();
    await s.saveBalance('SNG-000101', 1_000_000);
    const first = await approvedLoan(s);
    const second = await approvedLoan(s);
    await s.lending.commands.disburseLoan({ loanId: first, channel: { kind: 'CASH' } }, s.context('2024-03-03'));
    await s.lending.commands.disburseLoan({ loanId: second, channel: { kind: 'CASH' } }, s.context('2024-03-03'));
  });

  it('refuses approval when the savings no longer carry the loan', async () => {
    const s = await scenarioWithMember();
    const { loanId } = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01'));
    await s.lending.commands.appraiseLoan({ loanId }, s.context('2024-03-01'));
    await s.saveBalance('SNG-000101', 399_999);
    await expectRejected(s, s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.manager)), 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
  });

  it('refuses disbursement when the savings no longer carry the loan', async () => {
    const s = await scenarioWithMember();
    const loanId = await approvedLoan(s);
    await s.saveBalance('SNG-000101', 399_999);
    await expectRejected(s, s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-03')), 'EXCEEDS_SAVINGS_MULTIPLE', 'amount');
    await expectRejected(s, s.lending.commands.approveLoan({ loanId: 'SNG-L-000999' }, s.context('2024-03-03', STAFF.manager)), 'LOAN_NOT_FOUND', 'loanId');
  });
});

describe('maker–checker approval and disbursement', () => {
  it('refuses approval by the maker and by a teller, then accepts a second manager', async () => {
    const s = await scenarioWithMember();
    const { loanId } = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01', STAFF.manager));
    await s.lending.commands.appraiseLoan({ loanId }, s.context('2024-03-01', STAFF.manager));
    await expectRejected(s, s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.manager)), 'MAKER_CANNOT_APPROVE', 'actor.userId');
    await expectRejected(s, s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.teller)), 'ROLE_NOT_ALLOWED', 'actor.role');
    const approved = await s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.secondManager));
    expect(approved.events[0]).toMatchObject({ type: 'LoanApproved', data: { approvedBy: STAFF.secondManager.userId, approverRole: 'branch_manager' } });
  });

  it('refuses disbursement before approval, twice, into another member\'s savings account and to an exited member', async () => {
    const s = await scenarioWithMember();
    await s.saveBalance('SNG-000101', 1_000_000);
    const { loanId: unapproved } = await s.lending.commands.applyForLoan(application(), s.context('2024-03-01'));
    await expectRejected(s, s.lending.commands.disburseLoan({ loanId: unapproved, channel: { kind: 'CASH' } }, s.context('2024-03-03')), 'LOAN_NOT_APPROVED', 'loanId');
    await s.lending.commands.withdrawLoanApplication({ loanId: unapproved }, s.context('2024-03-03'));
    const loanId = await approvedLoan(s);
    await expectRejected(
      s,
      s.lending.commands.disburseLoan({ loanId, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000102-SD-01' } }, s.context('2024-03-03')),
      'NOT_BORROWERS_SAVINGS_ACCOUNT',
      'channel.savingsAccountId',
    );
    await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-03'));
    await expectRejected(s, s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-03')), 'LOAN_ALREADY_DISBURSED', 'loanId');
    const other = await approvedLoan(s);
    await s.exit('SNG-000101', '2024-03-04');
    await expectRejected(s, s.lending.commands.disburseLoan({ loanId: other, channel: { kind: 'CASH' } }, s.context('2024-03-05')), 'MEMBER_NOT_ACTIVE', 'memberNo');
  });
});

describe('repayments', () => {
  it('refuses zero, more than the foreclosure amount without an overpayment rule, and a date before disbursement', async () => {
    const s = await scenarioWithMember();
    const loanId = await approvedLoan(s);
    await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-10'));
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId, amountPaise: 0 }, s.context('2024-04-10')), 'AMOUNT_NOT_POSITIVE', 'amount');
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId, amountPaise: -100 }, s.context('2024-04-10')), 'AMOUNT_NOT_POSITIVE', 'amount');
    await s.catchUp();
    const quote = await s.lending.reader.foreclosureQuote(loanId, '2024-04-10');
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId, amountPaise: quote.totalPaise + 1 }, s.context('2024-04-10')), 'REPAYMENT_EXCEEDS_FORECLOSURE', 'amount');
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId, amountPaise: 10_000 }, s.context('2024-03-09')), 'BUSINESS_DATE_BEFORE_DISBURSEMENT', 'businessDate');
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId: 'not a loan', amountPaise: 10_000 }, s.context('2024-04-10')), 'INVALID_LOAN_ID', 'loanId');
  });

  it('closes the loan with exactly the foreclosure quote, then refuses further business', async () => {
    const s = await scenarioWithMember();
    const loanId = await approvedLoan(s);
    await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-10'));
    await s.catchUp();
    const quote = await s.lending.reader.foreclosureQuote(loanId, '2024-04-25');
    const paid = await s.lending.commands.recordRepayment({ loanId, amountPaise: quote.totalPaise }, s.context('2024-04-25'));
    expect(paid.repayment.balances).toEqual({ principalOutstandingPaise: 0, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 });
    expect(paid.repayment.principalPaidPaise + paid.repayment.interestPaidPaise + paid.repayment.penaltyPaidPaise).toBe(quote.totalPaise);
    await s.lending.commands.closeLoan({ loanId }, s.context('2024-04-25'));
    await expectRejected(s, s.lending.commands.recordRepayment({ loanId, amountPaise: 100 }, s.context('2024-04-26')), 'LOAN_NOT_ACTIVE', 'loanId');
  });
});
