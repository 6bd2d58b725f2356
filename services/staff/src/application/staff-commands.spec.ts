import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type Actor, type CommandContext } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import { ApprovalQueue } from '@samabay/maker-checker';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { createStaff, type Staff } from './create-staff';

const admin: Actor = { userId: 'admin-1', role: 'admin', branchCode: 'SNG' };
const headOffice: Actor = { userId: 'ho-1', role: 'head_office', branchCode: 'SNG' };
const system: Actor = { userId: 'system', role: 'admin', branchCode: 'SNG' };
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
  await openBranches('SNG', 'KLG', 'DHT');
});

/** Membership's BranchOpened events, as the staff projections receive them. */
async function openBranches(...codes: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [index, branchCode] of codes.entries()) {
      const event = { streamId: `branch-${branchCode}`, revision: 0, type: 'BranchOpened', data: { branchCode, name: `Branch ${index}` } } as unknown as RecordedEvent;
      for (const projection of staff.projections) await projection.apply(event, tx);
    }
  });
}

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

  it('registers admin, head office and auditor only through maker–checker, checked by a different administrator', async () => {
    for (const role of ['admin', 'head_office', 'auditor'] as const) {
      await expect(staff.commands.register({ userId: `new-${role.replace('_', '-')}`, role, branchCode: 'SNG' }, context(admin))).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED', field: 'role' });
    }
    expect(await store.readAll()).toHaveLength(0);

    const requested = await staff.commands.requestRegistration({ userId: 'admin-2', role: 'admin', branchCode: 'SNG' }, context(admin));
    expect(requested).toMatchObject({ status: 'PENDING', approvalId: expect.stringMatching(/^SNG-AP-/) });
    expect(await staff.directory.find('admin-2')).toBeNull();
    await expect(approvals.approve(requested.approvalId, context(admin))).rejects.toMatchObject({ code: 'MAKER_CANNOT_APPROVE' });
    await expect(approvals.approve(requested.approvalId, context({ userId: 'bm-1', role: 'branch_manager', branchCode: 'SNG' }))).rejects.toMatchObject({ code: 'CHECKER_ROLE_NOT_ALLOWED' });
    expect((await approvals.approve(requested.approvalId, context(headOffice))).status).toBe('EXECUTED');
    expect(await staff.directory.find('admin-2')).toMatchObject({ role: 'admin', branchCode: 'SNG', active: true });
    const [registered] = await store.readStream('staff-admin-2');
    expect(registered.data).toMatchObject({ role: 'admin', approvalId: requested.approvalId });

    await expect(staff.commands.requestRegistration({ userId: 'admin-2', role: 'auditor', branchCode: 'SNG' }, context(headOffice))).rejects.toMatchObject({ code: 'STAFF_ALREADY_REGISTERED' });
    await expect(staff.commands.requestRegistration({ userId: 'aud-1', role: 'auditor', branchCode: 'SNG' }, context({ userId: 'bm-1', role: 'branch_manager', branchCode: 'SNG' }))).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it("registers the platform's first administrator without a checker only as the platform's own actor", async () => {
    await expect(staff.commands.registerBootstrapAdmin('admin-9', 'SNG', context(admin))).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' });
    await staff.commands.registerBootstrapAdmin('admin-9', 'SNG', context(system));
    expect(await staff.directory.find('admin-9')).toMatchObject({ role: 'admin', active: true });
    await expect(staff.commands.register({ userId: 'system', role: 'teller', branchCode: 'SNG' }, context(admin))).rejects.toMatchObject({ code: 'RESERVED_USER_ID' });
  });

  it('refuses a branch that membership never opened, and knows one once its BranchOpened event arrives', async () => {
    const xyz = { userId: 'teller-9', role: 'teller', branchCode: 'XYZ' } as const;
    await expect(staff.commands.register(xyz, context(admin))).rejects.toMatchObject({ code: 'UNKNOWN_BRANCH', field: 'branchCode' });
    await expect(staff.commands.requestRegistration({ ...xyz, role: 'auditor' }, context(admin))).rejects.toMatchObject({ code: 'UNKNOWN_BRANCH', field: 'branchCode' });
    await staff.commands.register({ userId: 'teller-9', role: 'teller', branchCode: 'KLG' }, context(admin));
    await expect(staff.commands.requestRoleChange(xyz, context(admin))).rejects.toMatchObject({ code: 'UNKNOWN_BRANCH', field: 'branchCode' });
    expect(await store.readAll()).toHaveLength(1);

    await openBranches('XYZ');
    await staff.commands.register({ userId: 'teller-10', role: 'teller', branchCode: 'XYZ' }, context(admin));
    expect(await staff.directory.find('teller-10')).toMatchObject({ branchCode: 'XYZ' });
  });

  it('waits for the read models to catch up before calling a branch unknown', async () => {
    const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => new Date('2024-06-03T06:00:00Z') });
    const schema = `staff_spec_catchup_${keys}`;
    let caughtUp = 0;
    const late = createStaff({
      handler,
      db,
      approvals: new ApprovalQueue(handler),
      readModelSchema: schema,
      readModelsCaughtUp: async () => {
        caughtUp++;
        await db.transaction(async (tx) => {
          for (const projection of late.projections) await projection.apply({ streamId: 'branch-BRB', revision: 0, type: 'BranchOpened', data: { branchCode: 'BRB', name: 'B' } } as unknown as RecordedEvent, tx);
        });
      },
    });
    await db.transaction(async (tx) => {
      for (const projection of late.projections) await projection.setup(tx);
    });
    await late.commands.register({ userId: 'teller-11', role: 'teller', branchCode: 'BRB' }, context(admin));
    expect(caughtUp).toBe(1);
  });

  it('changes a role only after a second administrator, not the user concerned, approves', async () => {
    const ho2 = await staff.commands.requestRegistration({ userId: 'ho-2', role: 'head_office', branchCode: 'SNG' }, context(admin));
    await approvals.approve(ho2.approvalId, context(headOffice));
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
