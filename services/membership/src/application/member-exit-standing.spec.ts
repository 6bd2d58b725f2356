import { randomUUID } from 'node:crypto';
import { DomainError, type CommandContext } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { projectedMembership } from '../testing/projected-membership';

const clock = (): Date => new Date('2026-12-05T06:00:00Z');
let keys = 0;
const context = (businessDate = '2026-12-05'): CommandContext => ({ idempotencyKey: `exit-standing-${++keys}`, businessDate, actor: { userId: 'staff-1', role: 'head_office', branchCode: 'KLG' } });

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

/** Membership with its projections on PGlite; savings and lending are stood in for by appending their events (the shapes membership reads). */
async function scenario() {
  const { store, membership } = await projectedMembership({ db, clock, readModelSchema: `membership_exit_${++keys}`, context: context() });
  const { memberNo } = await membership.commands.admitMember(
    { branchCode: 'KLG', personal: { fullName: 'Synthetic Saver', dateOfBirth: '1980-01-01', phone: null, locality: null }, nominee: null, shares: 2 },
    context('2019-01-02'),
  );
  /** Appends one event of another service; `businessDate` goes into the envelope as the command handler puts it. */
  const foreignEvent = (streamId: string, type: string, businessDate: string, data: Record<string, unknown>) =>
    store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: { businessDate } }], { expectedRevision: 'any' });
  const savingsEvent = (accountId: string, type: string, businessDate: string, data: Record<string, unknown> = {}) =>
    foreignEvent(`savingsAccount-${accountId}`, type, businessDate, { accountId, businessDate, ...data });
  const eventCount = async (): Promise<number> => (await store.readAll()).length;
  return { membership, memberNo, savingsEvent, foreignEvent, eventCount };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('exit while savings are not settled (membership learns them from savings events)', () => {
  it('refuses the exit while any savings account is open, holding money or not, and accepts it once all are closed', async () => {
    const { membership, memberNo, savingsEvent, eventCount } = await scenario();
    const sd = `${memberNo}-SD-01`;
    const rd = `${memberNo}-RD-01`;
    await savingsEvent(sd, 'SavingsAccountOpened', '2019-01-02', { memberNo, branchCode: 'KLG', product: 'SAVINGS_DEPOSIT', origin: 'COUNTER' });
    await savingsEvent(sd, 'DepositRecorded', '2019-02-01', { amountPaise: 1_346_857, balancePaise: 1_346_857 });
    await savingsEvent(rd, 'RecurringDepositOpened', '2019-02-01', { memberNo, branchCode: 'KLG', contract: {} });
    const before = await eventCount();
    const refused = await refusal(membership.commands.exitMember({ memberNo }, context('2020-06-01')));
    expect([refused.code, refused.field, refused.details]).toEqual(['SAVINGS_NOT_SETTLED', 'memberNo', { openSavingsAccounts: 2 }]);
    expect(refused.message).not.toMatch(/13,?468|1346857/);
    expect(await eventCount()).toBe(before);

    await savingsEvent(sd, 'SavingsAccountClosed', '2020-05-30', { payoutPaise: 1_346_857, balancePaise: 0 });
    expect((await refusal(membership.commands.exitMember({ memberNo }, context('2020-06-01')))).code).toBe('SAVINGS_NOT_SETTLED');
    await savingsEvent(rd, 'RecurringDepositClosedPrematurely', '2020-05-31', { balancePaise: 0 });
    const exited = await membership.commands.exitMember({ memberNo }, context('2020-06-01'));
    expect(exited.events.map((event) => event.type)).toEqual(['MemberExited']);
  });
});

describe('a backdated exit (membership learns her latest activity from her own, savings and loan events)', () => {
  it('refuses an exit dated before her latest savings activity, appending nothing, and accepts one on that day', async () => {
    const { membership, memberNo, savingsEvent, eventCount } = await scenario();
    const sd = `${memberNo}-SD-01`;
    await savingsEvent(sd, 'SavingsAccountOpened', '2019-01-02', { memberNo, branchCode: 'KLG', product: 'SAVINGS_DEPOSIT', origin: 'COUNTER' });
    await savingsEvent(sd, 'DepositRecorded', '2026-11-30', { amountPaise: 100, balancePaise: 100 });
    await savingsEvent(sd, 'SavingsAccountClosed', '2026-11-30', { payoutPaise: 100, balancePaise: 0 });
    const before = await eventCount();
    const refused = await refusal(membership.commands.exitMember({ memberNo }, context('2020-06-01')));
    expect([refused.code, refused.field, refused.details]).toEqual(['EXIT_BEFORE_LAST_ACTIVITY', 'businessDate', { lastActivityOn: '2026-11-30' }]);
    expect(await eventCount()).toBe(before);
    const exited = await membership.commands.exitMember({ memberNo }, context('2026-11-30'));
    expect(exited.events[0].data).toMatchObject({ exitDate: '2026-11-30' });
  });

  it('counts her loan streams (attributed by LoanApplied, later events by stream) and her own member stream', async () => {
    const { membership, memberNo, foreignEvent } = await scenario();
    await foreignEvent('loan-KLG-L-000001', 'LoanApplied', '2021-03-01', { loanId: 'KLG-L-000001', memberNo });
    await foreignEvent('loan-KLG-L-000001', 'LoanApplicationWithdrawn', '2021-04-15', { loanId: 'KLG-L-000001' });
    expect((await refusal(membership.commands.exitMember({ memberNo }, context('2021-04-14')))).details).toEqual({ lastActivityOn: '2021-04-15' });
    await membership.commands.purchaseShares({ memberNo, shares: 1 }, context('2022-07-01'));
    expect((await refusal(membership.commands.exitMember({ memberNo }, context('2022-06-30')))).details).toEqual({ lastActivityOn: '2022-07-01' });
    await membership.commands.exitMember({ memberNo }, context('2022-07-01'));
  });

  it('ignores other members’ streams', async () => {
    const { membership, memberNo, savingsEvent } = await scenario();
    const other = 'KLG-000999-SD-01';
    await savingsEvent(other, 'SavingsAccountOpened', '2019-01-02', { memberNo: 'KLG-000999', branchCode: 'KLG', product: 'SAVINGS_DEPOSIT', origin: 'COUNTER' });
    await savingsEvent(other, 'DepositRecorded', '2026-11-30', { amountPaise: 100, balancePaise: 100 });
    const exited = await membership.commands.exitMember({ memberNo }, context('2020-06-01'));
    expect(exited.events[0].data).toMatchObject({ exitDate: '2020-06-01' });
  });
});
