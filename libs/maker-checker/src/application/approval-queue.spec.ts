import { CommandHandler, DomainError, InMemoryEventStore, InMemoryIdempotencyStore, type Actor, type CommandContext } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { PendingItemsProjection } from '../infrastructure/pending-items-projection';
import { PendingItemsReader } from '../infrastructure/pending-items-reader';
import type { PendingItem } from '../domain/approval-state';
import { ApprovalQueue } from './approval-queue';

const teller: Actor = { userId: 'teller-1', role: 'teller', branchCode: 'KLG' };
const manager: Actor = { userId: 'manager-1', role: 'branch_manager', branchCode: 'KLG' };
const sngManager: Actor = { userId: 'manager-2', role: 'branch_manager', branchCode: 'SNG' };
const context = (actor: Actor, key: string): CommandContext => ({ actor, idempotencyKey: key, businessDate: '2024-06-03' });
const request = { kind: 'LARGE_WITHDRAWAL', branchCode: 'KLG', checkerRoles: ['branch_manager', 'head_office'] as const, subject: { accountId: 'KLG-000001-SD-01', amountPaise: 5_000_000 } };

let store: InMemoryEventStore;
let queue: ApprovalQueue;
let ran: Array<{ item: PendingItem; context: CommandContext }>;
let refuseAction: boolean;

beforeEach(() => {
  store = new InMemoryEventStore();
  queue = new ApprovalQueue(new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => new Date('2024-06-03T06:00:00Z') }));
  ran = [];
  refuseAction = false;
  queue.registerAction('LARGE_WITHDRAWAL', async (item, actionContext) => {
    ran.push({ item, context: actionContext });
    if (refuseAction) throw new DomainError('BELOW_MINIMUM_BALANCE', 'the withdrawal would leave less than the minimum balance', 'amount');
    return { streamId: 'savingsAccount-KLG-000001-SD-01', position: null };
  });
});

describe('ApprovalQueue', () => {
  it('runs the action once, as the checker, after a different person of the branch approves', async () => {
    const requested = await queue.request({ ...request, checkerRoles: [...request.checkerRoles] }, context(teller, 'withdraw-big-0001'));
    expect(requested).toMatchObject({ approvalId: expect.stringMatching(/^KLG-AP-[0-9a-f]{20}$/), status: 'PENDING', replayed: false });
    expect((await queue.request({ ...request, checkerRoles: [...request.checkerRoles] }, context(teller, 'withdraw-big-0001'))).approvalId).toBe(requested.approvalId);

    await expect(queue.approve(requested.approvalId, context(teller, 'approve-0001'))).rejects.toMatchObject({ code: 'CHECKER_ROLE_NOT_ALLOWED' });
    await expect(queue.approve(requested.approvalId, context(sngManager, 'approve-0002'))).rejects.toMatchObject({ code: 'CHECKER_OUTSIDE_BRANCH' });
    expect(ran).toHaveLength(0);

    const approved = await queue.approve(requested.approvalId, context(manager, 'approve-0003'));
    expect(approved).toMatchObject({ status: 'EXECUTED', outcomeCode: null });
    expect(ran).toHaveLength(1);
    expect(ran[0].context).toMatchObject({ actor: manager, idempotencyKey: `${requested.approvalId}:action`, businessDate: '2024-06-03' });
    expect(ran[0].item.subject).toEqual(request.subject);

    expect(await queue.approve(requested.approvalId, context(manager, 'approve-0003'))).toMatchObject({ status: 'EXECUTED', replayed: true });
    expect(ran).toHaveLength(1);
  });

  it('records a refused action as FAILED with its code', async () => {
    refuseAction = true;
    const { approvalId } = await queue.request({ ...request, checkerRoles: [...request.checkerRoles] }, context(teller, 'withdraw-big-0002'));
    expect(await queue.approve(approvalId, context(manager, 'approve-0004'))).toMatchObject({ status: 'FAILED', outcomeCode: 'BELOW_MINIMUM_BALANCE' });
  });

  it('refuses a kind without an action', async () => {
    await expect(queue.request({ ...request, kind: 'UNKNOWN_KIND', checkerRoles: ['head_office'] }, context(teller, 'withdraw-big-0003'))).rejects.toMatchObject({ code: 'NO_ACTION_FOR_KIND' });
  });
});

describe('the pending-items read model', () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => db.close());

  it('lists pending items per branch and checker role, and follows their status', async () => {
    const projection = new PendingItemsProjection('approvals_spec');
    const reader = new PendingItemsReader(db, 'approvals_spec');
    const first = await queue.request({ ...request, checkerRoles: [...request.checkerRoles] }, context(teller, 'withdraw-big-0010'));
    await queue.request({ ...request, checkerRoles: [...request.checkerRoles] }, context(teller, 'withdraw-big-0011'));
    await queue.request({ ...request, branchCode: 'SNG', checkerRoles: ['head_office'] }, context({ ...teller, branchCode: 'SNG' }, 'withdraw-big-0012'));
    await queue.approve(first.approvalId, context(manager, 'approve-0010'));
    await db.transaction(async (tx) => {
      await projection.setup(tx);
      for (const event of await store.readAll()) await projection.apply(event, tx);
      for (const event of await store.readAll()) await projection.apply(event, tx);
    });
    expect((await reader.list({ branchCode: 'KLG', status: 'PENDING', checkerRole: 'branch_manager' })).map((item) => item.makerUserId)).toEqual(['teller-1']);
    expect(await reader.list({ branchCode: 'SNG', checkerRole: 'branch_manager' })).toEqual([]);
    expect(await reader.list({ branchCode: 'SNG', checkerRole: 'head_office' })).toHaveLength(1);
    expect(await reader.find(first.approvalId)).toMatchObject({ status: 'EXECUTED', checkerUserId: 'manager-1', subject: request.subject, requestedOn: '2024-06-03' });
  });
});
