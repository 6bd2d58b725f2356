import { randomUUID } from 'node:crypto';
import { DomainError, type CommandContext } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { projectedMembership } from '../testing/projected-membership';

const clock = (): Date => new Date('2026-11-29T06:00:00Z');
let keys = 0;
const context = (businessDate = '2026-11-29'): CommandContext => ({ idempotencyKey: `open-loan-dues-${++keys}`, businessDate, actor: { userId: 'staff-1', role: 'head_office', branchCode: 'SNG' } });

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

/** Membership with its projections on PGlite; lending is stood in for by appending its events (the shapes membership reads). */
async function scenario() {
  const { store, membership } = await projectedMembership({ db, clock, readModelSchema: `membership_dues_${++keys}`, context: context() });
  const { memberNo } = await membership.commands.admitMember(
    { branchCode: 'SNG', personal: { fullName: 'Synthetic Borrower', dateOfBirth: '1980-01-01', phone: null, locality: null }, nominee: null, shares: 2 },
    context('2024-01-02'),
  );
  const lendingEvent = (loanId: string, type: string, data: Record<string, unknown>) =>
    store.appendToStream(`loan-${loanId}`, [{ id: randomUUID(), type, data: { loanId, memberNo, ...data }, metadata: {} }], { expectedRevision: 'any' });
  return { store, membership, memberNo, lendingEvent };
}

describe('exit while a loan is open (membership learns it from lending events)', () => {
  it('refuses the exit from disbursement until the loan is closed or written off, appending nothing', async () => {
    const { store, membership, memberNo, lendingEvent } = await scenario();
    await lendingEvent('SNG-L-000001', 'LoanApplied', { amountPaise: 100_000 });
    await lendingEvent('SNG-L-000001', 'LoanDisbursed', { amountPaise: 100_000 });
    await lendingEvent('SNG-L-000002', 'LoanDisbursed', { amountPaise: 100_000 });
    const before = (await store.readAll()).length;
    const refused = await membership.commands.exitMember({ memberNo }, context()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'OPEN_DUES', field: 'memberNo' });
    expect((await store.readAll()).length).toBe(before);

    await lendingEvent('SNG-L-000001', 'LoanClosed', { closedOn: '2024-06-01' });
    await expect(membership.commands.exitMember({ memberNo }, context())).rejects.toMatchObject({ code: 'OPEN_DUES' });
    await lendingEvent('SNG-L-000002', 'LoanWrittenOff', { writtenOffOn: '2024-06-01' });
    const exited = await membership.commands.exitMember({ memberNo }, context());
    expect(exited.events.map((event) => event.type)).toEqual(['MemberExited']);
  });
});
