import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type Actor, type CommandContext } from '@samabay/domain-kit';
import { ApprovalQueue } from '@samabay/maker-checker';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { createStaff, type Staff } from './create-staff';

const admin: Actor = { userId: 'admin-1', role: 'admin', branchCode: 'SNG' };
const headOffice: Actor = { userId: 'ho-1', role: 'head_office', branchCode: 'SNG' };
let keys = 0;
const context = (actor: Actor): CommandContext => ({ actor, idempotencyKey: `staff-spec-${++keys}`, businessDate: '2024-06-03' });

let db: SqlDatabase;
let store: InMemoryEventStore;
let staff: Staff;
let approvals: ApprovalQueue;

beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => db.close());

beforeEach(async () => {
  store = new InMemoryEventStore();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => new Date('2024-06-03T06:00:00Z') });
  approvals = new ApprovalQueue(handler);
  staff = createStaff({ handler, db, approvals, readModelSchema: `staff_spec_${keys}` });
  await db.transaction(async (tx) => {
    for (const projection of staff.projections) await projection.setup(tx);
  });
});

async function project(): Promise<void> {
  await db.transaction(async (tx) => {
    for (const event of await store.readAll()) for (const projection of staff.projections) await projection.apply(event, tx);
  });
}

describe('staff commands and the directory', () => {
  it('moves the directory forward as soon as a command is accepted, before any projection ran', async () => {
    expect(await staff.directory.find('teller-7')).toBeNull();
    await staff.commands.register({ userId: 'teller-7', role: 'teller', branchCode: 'KLG' }, context(admin));
    expect(await staff.directory.find('teller-7')).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG', active: true, revision: 0 });
    await staff.commands.disable('teller-7', 'LEFT_SERVICE', context(headOffice));
    expect(await staff.directory.find('teller-7')).toMatchObject({ active: false, revision: 1 });
    expect(await staff.reader.find('teller-7')).toBeNull();
    await project();
    expect(await staff.reader.find('teller-7')).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG', active: false });
  });

  it('never lets an older standing replace a newer one', async () => {
    staff.directory.observe({ userId: 'u1', role: 'teller', branchCode: 'KLG', active: false, revision: 3 });
    staff.directory.observe({ userId: 'u1', role: 'teller', branchCode: 'KLG', active: true, revision: 2 });
    expect(await staff.directory.find('u1')).toMatchObject({ active: false, revision: 3 });
  });

  it('follows the events through the projection in another process (cold cache)', async () => {
    await staff.commands.register({ userId: 'bm-2', role: 'branch_manager', branchCode: 'DHT' }, context(admin));
    await project();
    staff.directory.clear();
    expect(await staff.directory.find('bm-2')).toMatchObject({ active: true, revision: 0 });
    await staff.commands.disable('bm-2', 'ON_LEAVE', context(admin));
    staff.directory.clear();
    expect(await staff.directory.find('bm-2')).toMatchObject({ active: true });
    await project();
    expect(await staff.directory.find('bm-2')).toMatchObject({ active: false, revision: 1 });
  });

  it('changes a role only after a second administrator, not the user concerned, approves', async () => {
    await staff.commands.register({ userId: 'ho-2', role: 'head_office', branchCode: 'SNG' }, context(admin));
    await staff.commands.register({ userId: 'teller-8', role: 'teller', branchCode: 'KLG' }, context(admin));
    const requested = await staff.commands.requestRoleChange({ userId: 'teller-8', role: 'branch_manager', branchCode: 'KLG' }, context(headOffice));
    expect(requested).toMatchObject({ status: 'PENDING', approvalId: expect.stringMatching(/^KLG-AP-/) });
    expect(await staff.directory.find('teller-8')).toMatchObject({ role: 'teller' });
    await expect(approvals.approve(requested.approvalId, context(headOffice))).rejects.toMatchObject({ code: 'MAKER_CANNOT_APPROVE' });
    const approved = await approvals.approve(requested.approvalId, context(admin));
    expect(approved.status).toBe('EXECUTED');
    expect(await staff.directory.find('teller-8')).toMatchObject({ role: 'branch_manager', branchCode: 'KLG', revision: 1 });
    await expect(staff.commands.requestRoleChange({ userId: 'teller-8', role: 'branch_manager', branchCode: 'KLG' }, context(headOffice))).rejects.toMatchObject({ code: 'ROLE_UNCHANGED' });
    await expect(staff.commands.requestRoleChange({ userId: 'nobody', role: 'teller', branchCode: 'KLG' }, context(headOffice))).rejects.toMatchObject({ code: 'STAFF_NOT_FOUND' });
  });
});
