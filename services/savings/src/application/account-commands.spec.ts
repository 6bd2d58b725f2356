import { CommandHandler, DomainError, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext } from '@samabay/domain-kit';
import type { MemberStanding } from '../domain/shared/member-standing';
import { TEST_PRODUCTS } from '../domain/testing/savings-test-products';
import { defaultCashDepositLimit } from '../infrastructure/cash-deposit-limit-config';
import { AccountCommands } from './account-commands';
import { SavingsExecutor } from './savings-executor';

const MEMBER = 'KLG-000250';
const clock = (): Date => new Date('2026-12-01T06:00:00Z');
let keys = 0;
const context = (): CommandContext => ({ idempotencyKey: `account-commands-${++keys}`, businessDate: '2026-11-30', actor: { userId: 'teller-1', role: 'teller', branchCode: 'KLG' } });

/** Account commands over an in-memory store, with the member's standing as savings would have learned it from membership events. */
function setUp() {
  const store = new InMemoryEventStore();
  const standing: { status: MemberStanding } = { status: 'ACTIVE' };
  const commands = new AccountCommands({
    executor: new SavingsExecutor(new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock }), TEST_PRODUCTS),
    standings: { memberStanding: async (memberNo) => (memberNo === MEMBER ? { status: standing.status, branchCode: 'KLG', origin: 'ADMITTED' as const } : null) },
    catchUp: async () => undefined,
    clock,
    cashDepositLimit: defaultCashDepositLimit(),
  });
  return { store, standing, commands };
}

describe('account commands for a member who has exited', () => {
  it('refuses a deposit (MEMBER_EXITED on memberNo) and an opening, appending nothing', async () => {
    const { store, standing, commands } = setUp();
    const { accountId } = await commands.openAccount({ memberNo: MEMBER, product: 'SAVINGS_DEPOSIT' }, context());
    await commands.deposit({ memberNo: MEMBER, accountId, amountPaise: 1_346_857 }, context());
    standing.status = 'EXITED';
    const before = (await store.readAll()).length;
    const deposit = await commands.deposit({ memberNo: MEMBER, accountId, amountPaise: 100 }, context()).catch((error: unknown) => error);
    expect(deposit).toBeInstanceOf(DomainError);
    expect(deposit).toMatchObject({ code: 'MEMBER_EXITED', field: 'memberNo' });
    const opening = await commands.openAccount({ memberNo: MEMBER, product: 'THRIFT_FUND' }, context()).catch((error: unknown) => error);
    expect(opening).toMatchObject({ code: 'MEMBER_NOT_ACTIVE', field: 'memberStatus' });
    expect((await store.readAll()).length).toBe(before);
  });
});
