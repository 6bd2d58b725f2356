import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext } from '@samabay/domain-kit';
import { EventStoreUnavailableError, type AppendOptions, type EventData } from '@samabay/event-store';
import { TEST_PRODUCTS } from '../domain/testing/savings-test-products';
import { transferBetweenOwnAccounts, transferIdOf } from './own-account-transfer-process';
import { SavingsExecutor } from './savings-executor';

const MEMBER = 'SNG-000123';
const SD = 'SNG-000123-SD-01';
const TF = 'SNG-000123-TF-01';
const clock = (): Date => new Date('2026-06-30T06:00:00Z');
const actor = { userId: 'teller-1', role: 'teller', branchCode: 'SNG' } as const;
const context = (idempotencyKey: string): CommandContext => ({ idempotencyKey, businessDate: '2026-06-02', actor });

/** An in-memory store that can fail one append to a stream, as if the database had gone away. */
class FlakyStore extends InMemoryEventStore {
  private readonly failures = new Map<string, number>();

  /** The append to `streamId` after `successes` more successful ones fails (once). */
  failAppendTo(streamId: string, successes = 0): void {
    this.failures.set(streamId, successes);
  }

  override async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions) {
    const left = this.failures.get(streamId);
    if (left !== undefined) {
      if (left === 0) {
        this.failures.delete(streamId);
        throw new EventStoreUnavailableError('the database went away');
      }
      this.failures.set(streamId, left - 1);
    }
    return super.appendToStream(streamId, events, options);
  }
}

async function setUp(openDestination = true) {
  const store = new FlakyStore();
  const executor = new SavingsExecutor(new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock }), TEST_PRODUCTS);
  const dated = { memberNo: MEMBER, businessDate: '2026-06-01', today: '2026-06-30' };
  await executor.onSavingsAccount({ type: 'OpenAccount', accountId: SD, product: 'SAVINGS_DEPOSIT', memberStatus: 'ACTIVE', origin: 'COUNTER', ...dated }, context('open-sd-0001'));
  await executor.onSavingsAccount({ type: 'Deposit', accountId: SD, amountPaise: 200_000, ...dated }, context('deposit-sd-01'));
  if (openDestination) {
    await executor.onSavingsAccount({ type: 'OpenAccount', accountId: TF, product: 'THRIFT_FUND', memberStatus: 'ACTIVE', origin: 'COUNTER', ...dated }, context('open-tf-0001'));
  }
  const balance = async (accountId: string): Promise<number> => {
    const events = (await store.readStream(`savingsAccount-${accountId}`)).map((event) => event.data as { balancePaise?: number });
    return events.reduce((last, data) => data.balancePaise ?? last, 0);
  };
  const transfer = (idempotencyKey: string, toAccountId = TF, amountPaise = 50_000) =>
    transferBetweenOwnAccounts(executor, clock, { memberNo: MEMBER, fromAccountId: SD, toAccountId, amountPaise }, context(idempotencyKey));
  return { store, executor, balance, transfer };
}

describe('transfer between own accounts (a process over two streams)', () => {
  it('moves the money once, and a repeat of the request answers from the first run', async () => {
    const { balance, transfer } = await setUp();
    const done = await transfer('transfer-0001');
    expect(done).toMatchObject({ status: 'COMPLETED', replayed: false, transferId: transferIdOf('transfer-0001'), reversal: null, failure: null });
    expect(await transfer('transfer-0001')).toMatchObject({ status: 'COMPLETED', replayed: true });
    expect([await balance(SD), await balance(TF)]).toEqual([150_000, 50_000]);
  });

  it('resumes after a crash between the debit and the credit, crediting exactly once', async () => {
    const { store, balance, transfer } = await setUp();
    store.failAppendTo(`savingsAccount-${TF}`);
    await expect(transfer('transfer-0002')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect([await balance(SD), await balance(TF)]).toEqual([150_000, 0]);
    expect(await transfer('transfer-0002')).toMatchObject({ status: 'COMPLETED', replayed: false, debit: { replayed: true }, credit: { replayed: false } });
    expect([await balance(SD), await balance(TF)]).toEqual([150_000, 50_000]);
  });

  it('reverses the debit when the destination refuses the credit, also after a crash before the reversal', async () => {
    const { store, balance, transfer } = await setUp(false);
    expect(await transfer('transfer-0003')).toMatchObject({ status: 'REVERSED', credit: null, failure: { code: 'ACCOUNT_NOT_FOUND', field: 'accountId' } });
    expect(await balance(SD)).toBe(200_000);

    // The debit is appended, the credit refused, and the reversal lost to a crash: the money is out of the source.
    store.failAppendTo(`savingsAccount-${SD}`, 1);
    await expect(transfer('transfer-0004')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(await balance(SD)).toBe(150_000);
    expect(await transfer('transfer-0004')).toMatchObject({ status: 'REVERSED', debit: { replayed: true }, reversal: { replayed: false } });
    expect(await transfer('transfer-0004')).toMatchObject({ status: 'REVERSED', replayed: true });
    expect(await balance(SD)).toBe(200_000);
  });

  it('never credits on a re-run once the debit was reversed, even if the destination was opened since', async () => {
    const { executor, balance, transfer } = await setUp(false);
    expect(await transfer('transfer-0006')).toMatchObject({ status: 'REVERSED' });
    await executor.onSavingsAccount(
      { type: 'OpenAccount', accountId: TF, memberNo: MEMBER, product: 'THRIFT_FUND', memberStatus: 'ACTIVE', origin: 'COUNTER', businessDate: '2026-06-02', today: '2026-06-30' },
      context('open-tf-later'),
    );
    expect(await transfer('transfer-0006')).toMatchObject({ status: 'REVERSED', replayed: true, credit: null, failure: null });
    expect([await balance(SD), await balance(TF)]).toEqual([200_000, 0]);
  });

  it('rejects a transfer the debit refuses, appending nothing', async () => {
    const { store, transfer } = await setUp();
    const before = (await store.readAll()).length;
    await expect(transfer('transfer-0007', TF, 200_001)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE', field: 'amountPaise' });
    await expect(transfer('transfer-0008', 'SNG-000123-RD-01')).rejects.toMatchObject({ code: 'TRANSFER_TARGET_NOT_SUPPORTED', field: 'toAccountId' });
    await expect(transfer('transfer-0009', 'KLG-000001-TF-01')).rejects.toMatchObject({ code: 'NOT_OWN_ACCOUNT', field: 'toAccountId' });
    await expect(transfer('transfer-0010', TF, 0)).rejects.toMatchObject({ code: 'AMOUNT_NOT_POSITIVE', field: 'amountPaise' });
    expect((await store.readAll()).length).toBe(before);
  });
});
