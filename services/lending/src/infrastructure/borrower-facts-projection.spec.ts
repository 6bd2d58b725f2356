import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@samabay/event-store';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { BorrowerFactsProjection } from './borrower-facts-projection';
import { LoanAccountProjection } from './loan-account-projection';
import { SqlLendingReader } from './sql-lending-reader';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db.close();
});

let position = 0n;
const recorded = (streamId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {},
  streamId,
  revision,
  position: { commit: ++position, prepare: position },
  recordedAt: new Date(),
});

describe("lending's projection of membership and savings events (eligibility facts)", () => {
  it('keeps status, admission date and the sum of deposit balances, ignoring repeats and other streams', async () => {
    const projection = new BorrowerFactsProjection('borrower_facts_spec');
    const reader = new SqlLendingReader(db, 'borrower_facts_spec');
    const events = [
      recorded('member-KLG-000042', 0, 'MemberRegisteredFromLegacyRegister', { memberNo: 'KLG-000042', branchCode: 'KLG', admissionDate: '1999-06-02', sharesHeld: 3 }),
      recorded('savingsAccount-KLG-000042-SD-01', 0, 'SavingsAccountOpened', { accountId: 'KLG-000042-SD-01', memberNo: 'KLG-000042' }),
      recorded('savingsAccount-KLG-000042-SD-01', 1, 'OpeningBalanceRecorded', { accountId: 'KLG-000042-SD-01', amountPaise: 250_000, balancePaise: 250_000 }),
      recorded('savingsAccount-KLG-000042-TF-01', 0, 'DepositRecorded', { accountId: 'KLG-000042-TF-01', amountPaise: 100_000, balancePaise: 100_000 }),
      recorded('savingsAccount-KLG-000042-RD-01', 3, 'InstalmentPaid', { accountId: 'KLG-000042-RD-01', amountPaise: 5_000, balancePaise: 15_000 }),
      recorded('savingsAccount-KLG-000042-SD-01', 2, 'WithdrawalRecorded', { accountId: 'KLG-000042-SD-01', amountPaise: 50_000, balancePaise: 200_000 }),
      recorded('ledger-KLG-000042-SD-01', 0, 'DepositRecorded', { balancePaise: 9_999_999 }),
    ];
    await db.transaction(async (tx) => {
      await projection.setup(tx);
      await new LoanAccountProjection('borrower_facts_spec').setup(tx);
      for (const event of [...events, ...events]) await projection.apply(event, tx);
      // An older event arriving again changes nothing.
      await projection.apply(events[2], tx);
    });
    expect(await reader.eligibilityFacts('KLG-000042', 'KLG-L-000001')).toEqual({
      memberStatus: 'ACTIVE',
      memberSince: '1999-06-02',
      savingsBalancePaise: 315_000,
      openLoans: 0,
      exposurePaise: 0,
      borrowerNpa: false,
    });
    expect(await reader.guarantorFacts(['KLG-000042', 'KLG-000043'])).toEqual([{ memberNo: 'KLG-000042', status: 'ACTIVE', branchCode: 'KLG' }]);
    await db.transaction(async (tx) => {
      await projection.apply(recorded('member-KLG-000042', 1, 'MemberStatusCarriedForward', { memberNo: 'KLG-000042', status: 'INACTIVE' }), tx);
    });
    expect(await reader.eligibilityFacts('KLG-000042', 'KLG-L-000001')).toMatchObject({ memberStatus: 'INACTIVE' });
    await db.transaction(async (tx) => {
      await projection.apply(recorded('member-KLG-000042', 2, 'MemberExited', { memberNo: 'KLG-000042', exitDate: '2024-01-01' }), tx);
    });
    expect(await reader.eligibilityFacts('KLG-000042', 'KLG-L-000001')).toMatchObject({ memberStatus: 'EXITED' });
    expect(await reader.guarantorFacts(['KLG-000042'])).toEqual([{ memberNo: 'KLG-000042', status: 'EXITED', branchCode: 'KLG' }]);
    expect(await reader.eligibilityFacts('KLG-000043', 'KLG-L-000001')).toBeNull();
  });
});
