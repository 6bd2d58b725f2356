import type { RecordedEvent } from '@samabay/event-store';
import { PendingItemsProjection, PendingItemsReader } from '@samabay/maker-checker';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { lendingApprovalItems, loanApprovalItemId, loanWriteOffItemId } from './lending-approval-items';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => db.close());

const loanId = 'KLG-L-000007';
const recorded = (revision: number, type: string, data: Record<string, unknown>, actorRole = 'teller'): RecordedEvent => ({
  id: `00000000-0000-4000-8000-00000000000${revision}`,
  type,
  data,
  metadata: { actorRole, branchCode: 'KLG' },
  streamId: `loan-${loanId}`,
  revision,
  position: { commit: BigInt(revision + 1), prepare: BigInt(0) } as never,
  recordedAt: new Date(),
});

async function project(events: RecordedEvent[], schema: string): Promise<PendingItemsReader> {
  const projection = new PendingItemsProjection(schema, [lendingApprovalItems]);
  await db.transaction(async (tx) => {
    await projection.setup(tx);
    for (const event of [...events, ...events]) await projection.apply(event, tx);
  });
  return new PendingItemsReader(db, schema);
}

describe('loan approvals and write-offs in the shared queue', () => {
  it('lists an appraised loan for checkers of its branch until it is approved', async () => {
    const appraised = recorded(1, 'LoanAppraised', { loanId, amountPaise: 2_000_000, numberOfInstalments: 12, appraisedOn: '2025-04-02', appraisedBy: 'teller-1' });
    const pending = await project([recorded(0, 'LoanApplied', { loanId }), appraised], 'lending_items_a');
    expect(await pending.list({ branchCode: 'KLG', checkerRole: 'branch_manager' })).toEqual([
      expect.objectContaining({ approvalId: loanApprovalItemId(loanId), kind: 'LOAN_APPROVAL', makerUserId: 'teller-1', status: 'PENDING', subject: { loanId, amountPaise: 2_000_000, numberOfInstalments: 12 } }),
    ]);
    const approved = await project([appraised, recorded(2, 'LoanApproved', { loanId, approvedBy: 'bm-1', approvedOn: '2025-04-03' })], 'lending_items_b');
    expect(await approved.list({ branchCode: 'KLG', status: 'PENDING' })).toEqual([]);
    expect(await approved.find(loanApprovalItemId(loanId))).toMatchObject({ status: 'EXECUTED', checkerUserId: 'bm-1' });
  });

  it('takes a rejected application down and follows a write-off request to its checker', async () => {
    const reader = await project(
      [
        recorded(1, 'LoanAppraised', { loanId, amountPaise: 100, numberOfInstalments: 1, appraisedOn: '2025-04-02', appraisedBy: 'teller-1' }),
        recorded(2, 'LoanApplicationRejected', { loanId }),
        recorded(3, 'LoanWriteOffRequested', { loanId, requestedOn: '2026-01-02', requestedBy: 'bm-1' }, 'branch_manager'),
      ],
      'lending_items_c',
    );
    expect(await reader.find(loanApprovalItemId(loanId))).toMatchObject({ status: 'REFUSED', outcomeCode: 'LOANAPPLICATIONREJECTED' });
    expect(await reader.find(loanWriteOffItemId(loanId))).toMatchObject({ kind: 'LOAN_WRITE_OFF', status: 'PENDING', makerRole: 'branch_manager' });
  });
});
