import type { RecordedEvent } from '@samabay/event-store';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { AuditTrailReader, InvalidAuditPageError } from './audit-trail-reader';
import { CommandAuditProjection } from './command-audit-projection';
import { RefusalLog } from './refusal-log';

const SCHEMA = 'audit_spec';

function event(streamId: string, revision: number, type: string, metadata: Record<string, unknown>): RecordedEvent {
  return {
    id: `${streamId}-${revision}`,
    streamId,
    revision,
    type,
    data: { personal: { fullName: 'Synthetic Auditspecia' } },
    metadata,
    position: { commit: BigInt(revision + 1), prepare: BigInt(revision + 1) },
    recordedAt: new Date('2025-04-01T05:00:00Z'),
  } as unknown as RecordedEvent;
}

const metadata = (key: string, occurredAt: string) => ({
  actor: 'teller-1',
  actorRole: 'teller',
  branchCode: 'SNG',
  correlationId: `corr-${key}`,
  occurredAt,
  businessDate: '2025-04-01',
  idempotencyKey: key,
});

describe('the audit trail', () => {
  let db: SqlDatabase;
  let clock: Date;
  let refusals: RefusalLog;
  let reader: AuditTrailReader;
  const projection = new CommandAuditProjection(SCHEMA);

  beforeAll(async () => {
    db = await openPglite();
    clock = new Date('2025-04-01T05:30:00Z');
    refusals = new RefusalLog(db, SCHEMA, () => clock);
    reader = new AuditTrailReader(db, refusals, SCHEMA);
    const events = [
      event('member-SNG-000001', 0, 'MemberAdmitted', metadata('key-admit-0001', '2025-04-01T05:00:00.000Z')),
      event('savingsAccount-SNG-S-1', 0, 'SavingsAccountOpened', metadata('key-admit-0001', '2025-04-01T05:00:00.000Z')),
      event('savingsAccount-SNG-S-1', 1, 'DepositRecorded', metadata('key-deposit-0002', '2025-04-01T06:00:00.000Z')),
      event('legacy-1', 0, 'Imported', {}),
    ];
    await db.transaction(async (tx) => {
      await projection.setup(tx);
      // Twice: a replay must not add rows.
      for (const recorded of [...events, ...events]) await projection.apply(recorded, tx);
    });
  });
  afterAll(async () => db.close());

  it('keeps one row per accepted command (actor + idempotency key), from metadata only', async () => {
    const page = await reader.page({ outcome: 'ACCEPTED' }, 10);
    expect(page.entries.map((entry) => [entry.operation, entry.streamId, entry.correlationId])).toEqual([
      ['MemberAdmitted', 'member-SNG-000001', 'corr-key-admit-0001'],
      ['DepositRecorded', 'savingsAccount-SNG-S-1', 'corr-key-deposit-0002'],
    ]);
    expect(JSON.stringify(page)).not.toContain('Auditspecia');
  });

  it('stores no free text in a refusal: anything that is not an identifier, a branch code or a code becomes "unknown"', async () => {
    await refusals.record({
      operation: 'admitMember',
      actor: { userId: 'teller-2', role: 'teller', branchCode: 'KLG' },
      refusedBy: 'ACCESS_POLICY',
      code: 'FORBIDDEN',
      targetBranchCode: 'Synthetic Auditspecia Lane',
      correlationId: 'Synthetic Auditspecia said hello',
      field: 'Synthetic Auditspecia',
    });
    const [refused] = (await reader.page({ outcome: 'REFUSED' }, 10)).entries;
    expect(refused).toMatchObject({ operation: 'admitMember', actor: 'teller-2', branchCode: 'KLG', targetBranchCode: 'unknown', correlationId: 'unknown', code: 'FORBIDDEN', refusedBy: 'ACCESS_POLICY', field: 'unknown' });
  });

  it('pages in time order with a cursor, and filters by actor, branch and time', async () => {
    const first = await reader.page({}, 2);
    expect(first.hasNextPage).toBe(true);
    const second = await reader.page({}, 2, first.endCursor);
    expect([...first.entries, ...second.entries].map((entry) => entry.occurredAt.toISOString())).toEqual([
      '2025-04-01T05:00:00.000Z',
      '2025-04-01T05:30:00.000Z',
      '2025-04-01T06:00:00.000Z',
    ]);
    expect(second.hasNextPage).toBe(false);
    expect((await reader.page({ actor: 'teller-2' }, 10)).entries).toHaveLength(1);
    expect((await reader.page({ branchCode: 'KLG' }, 10)).entries).toHaveLength(1);
    expect((await reader.page({ from: new Date('2025-04-01T05:15:00Z'), to: new Date('2025-04-01T06:00:00Z') }, 10)).entries.map((entry) => entry.outcome)).toEqual(['REFUSED']);
  });

  it('refuses a cursor it did not hand out and a page size outside 1–500', async () => {
    await expect(reader.page({}, 10, 'bm90LWEtY3Vyc29y')).rejects.toBeInstanceOf(InvalidAuditPageError);
    await expect(reader.page({}, 0)).rejects.toMatchObject({ code: 'INVALID_AUDIT_PAGE', field: 'first' });
  });

  it('keeps the input field a domain refusal named, and none for an accepted command', async () => {
    clock = new Date('2025-04-01T07:00:00Z');
    await refusals.record({ operation: 'importMembers', actor: { userId: 'bm-3', role: 'branch_manager', branchCode: 'DHT' }, refusedBy: 'DOMAIN', code: 'EMPTY_NAME', field: 'personal.fullName' });
    expect((await reader.page({ actor: 'bm-3' }, 10)).entries).toEqual([expect.objectContaining({ outcome: 'REFUSED', code: 'EMPTY_NAME', field: 'personal.fullName' })]);
    expect((await reader.page({ outcome: 'ACCEPTED' }, 10)).entries.every((entry) => entry.field === null)).toBe(true);
  });

  it('writes the refused items of a batch together, one row each', async () => {
    clock = new Date('2025-04-01T08:00:00Z');
    const actor = { userId: 'bm-4', role: 'branch_manager', branchCode: 'DHT' } as const;
    await refusals.recordAll([]);
    await refusals.recordAll([
      { operation: 'importMembers', actor, refusedBy: 'DOMAIN', code: 'DUPLICATE_MEMBER_NUMBER', field: 'memberNo', targetBranchCode: 'DHT', correlationId: 'import-1' },
      { operation: 'importMembers', actor, refusedBy: 'DOMAIN', code: 'BRANCH_NOT_FOUND', field: 'branchCode', targetBranchCode: 'QZX', correlationId: 'import-1' },
    ]);
    const entries = (await reader.page({ actor: 'bm-4' }, 10)).entries;
    expect(entries.map((entry) => [entry.code, entry.field, entry.targetBranchCode]).sort()).toEqual([
      ['BRANCH_NOT_FOUND', 'branchCode', 'QZX'],
      ['DUPLICATE_MEMBER_NUMBER', 'memberNo', 'DHT'],
    ]);
  });
});
