import { DomainError, type CommandContext } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { lendingScenario, STAFF, type LendingScenario } from '../testing/lending-scenario';
import { LoanDisbursementProcess, type LoanCreditRequest, type SavingsLoanCredit } from './loan-disbursement-process';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

/**
 * A stand-in for the savings service's loan-credit command with its idempotency semantics: one credit per
 * key (a repeat answers the first answer), and it can refuse an account or crash once after crediting.
 */
class FakeSavings implements SavingsLoanCredit {
  readonly credits: Array<{ key: string; request: LoanCreditRequest; businessDate: string }> = [];
  refuse: string | null = null;

  async creditLoanDisbursement(request: LoanCreditRequest, context: CommandContext): Promise<{ eventIds: string[] }> {
    const earlier = this.credits.findIndex((credit) => credit.key === context.idempotencyKey);
    if (earlier >= 0) return { eventIds: [`credit-${earlier}`] };
    if (this.refuse) throw new DomainError(this.refuse, 'refused', 'accountId');
    this.credits.push({ key: context.idempotencyKey, request, businessDate: context.businessDate });
    return { eventIds: [`credit-${this.credits.length - 1}`] };
  }
}

/** Lending's confirm step crashing once (the process dies after the credit, before the confirmation). */
function crashingOnceOnConfirm(s: LendingScenario) {
  let crashed = false;
  return {
    confirmDisbursement: async (...args: Parameters<LendingScenario['lending']['commands']['confirmDisbursement']>) => {
      if (!crashed) {
        crashed = true;
        throw new Error('process killed');
      }
      return s.lending.commands.confirmDisbursement(...args);
    },
    failDisbursement: s.lending.commands.failDisbursement.bind(s.lending.commands),
  };
}

async function requestedDisbursement() {
  const s = await lendingScenario(db);
  await s.admit('SNG-000101', '2023-01-15');
  await s.saveBalance('SNG-000101', 500_000);
  const { loanId } = await s.lending.commands.applyForLoan({ memberNo: 'SNG-000101', productCode: 'EDU', purpose: 'EDUCATION', amountPaise: 1_200_000, numberOfInstalments: 4 }, s.context('2024-03-01'));
  await s.lending.commands.appraiseLoan({ loanId }, s.context('2024-03-01'));
  await s.lending.commands.approveLoan({ loanId }, s.context('2024-03-02', STAFF.manager));
  const accepted = await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000101-SD-01' } }, s.context('2024-03-03'));
  const request = (await s.allEvents()).find((event) => event.type === 'LoanDisbursementRequested') as RecordedEvent;
  expect(request.id).toBe(accepted.eventIds[0]);
  const loanEvents = async (): Promise<string[]> => (await s.store.readStream(`loan-${loanId}`)).map((event) => event.type);
  return { s, loanId, request, loanEvents };
}

describe('the loan disbursement process (LoanDisbursementRequested → savings credit → confirmation)', () => {
  it('credits the savings account with the disbursement, dated the request, and confirms the loan', async () => {
    const { s, loanId, request, loanEvents } = await requestedDisbursement();
    const savings = new FakeSavings();
    expect(await new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).toBe('confirmed');
    expect(savings.credits).toEqual([
      {
        key: `loan-disbursement/${request.id}/credit`,
        request: { accountId: 'SNG-000101-SD-01', memberNo: 'SNG-000101', loanId, disbursementId: request.id, amountPaise: 1_200_000 },
        businessDate: '2024-03-03',
      },
    ]);
    expect(await loanEvents()).toEqual(['LoanApplied', 'LoanAppraised', 'LoanApproved', 'LoanDisbursementRequested', 'LoanDisbursed']);
    const disbursed = (await s.store.readStream(`loan-${loanId}`))[4].data as Record<string, unknown>;
    expect(disbursed).toMatchObject({ disbursedOn: '2024-03-03', disbursedBy: STAFF.teller.userId, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000101-SD-01' }, creditEventId: 'credit-0' });
  });

  it('after a crash between the credit and the confirmation, the re-delivery confirms without crediting twice', async () => {
    const { s, request, loanEvents } = await requestedDisbursement();
    const savings = new FakeSavings();
    await expect(new LoanDisbursementProcess(crashingOnceOnConfirm(s), savings).handle(request)).rejects.toThrow('process killed');
    expect(await loanEvents()).not.toContain('LoanDisbursed');
    expect(await new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).toBe('confirmed');
    expect(savings.credits).toHaveLength(1);
    expect((await loanEvents()).filter((type) => type === 'LoanDisbursed')).toHaveLength(1);
  });

  it('handles a double delivery as a replay: nothing new is credited or appended', async () => {
    const { s, request } = await requestedDisbursement();
    const savings = new FakeSavings();
    const process = new LoanDisbursementProcess(s.lending.commands, savings);
    await process.handle(request);
    const before = await s.eventCount();
    expect(await process.handle(request)).toBe('confirmed');
    expect(savings.credits).toHaveLength(1);
    expect(await s.eventCount()).toBe(before);
  });

  it('returns the loan to APPROVED when savings refuses the credit, and the loan can then be paid in cash', async () => {
    const { s, loanId, request, loanEvents } = await requestedDisbursement();
    const savings = new FakeSavings();
    savings.refuse = 'ACCOUNT_CLOSED';
    expect(await new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).toBe('failed');
    expect(await loanEvents()).toEqual(['LoanApplied', 'LoanAppraised', 'LoanApproved', 'LoanDisbursementRequested', 'LoanDisbursementFailed']);
    expect(await new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).toBe('failed');
    expect((await loanEvents()).filter((type) => type === 'LoanDisbursementFailed')).toHaveLength(1);
    await s.lending.commands.disburseLoan({ loanId, channel: { kind: 'CASH' } }, s.context('2024-03-04'));
    expect((await loanEvents()).at(-1)).toBe('LoanDisbursed');
  });

  it.each(['SERVICE_UNAVAILABLE', 'READ_MODEL_BEHIND'])('propagates %s from savings (not a refusal): nothing is appended, the re-delivery credits and confirms', async (code) => {
    const { s, request, loanEvents } = await requestedDisbursement();
    const savings = new FakeSavings();
    savings.refuse = code;
    const before = await s.eventCount();
    await expect(new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).rejects.toMatchObject({ code });
    expect(await s.eventCount()).toBe(before);
    savings.refuse = null;
    expect(await new LoanDisbursementProcess(s.lending.commands, savings).handle(request)).toBe('confirmed');
    expect(savings.credits).toHaveLength(1);
    expect((await loanEvents()).slice(-2)).toEqual(['LoanDisbursementRequested', 'LoanDisbursed']);
  });

  it('ignores every other event', async () => {
    const { s } = await requestedDisbursement();
    const savings = new FakeSavings();
    const process = new LoanDisbursementProcess(s.lending.commands, savings);
    for (const event of await s.allEvents()) if (event.type !== 'LoanDisbursementRequested') expect(await process.handle(event)).toBe('ignored');
    expect(savings.credits).toEqual([]);
  });
});
