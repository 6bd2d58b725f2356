import { DomainError, todayInKolkata, type CommandAccepted, type CommandContext } from '@samabay/domain-kit';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import type { SavingsProductCode } from '../domain/products/savings-products';
import { formatAccountId } from '../domain/shared/account-ids';
import { requireNonNegativePaise } from '../domain/shared/amounts';
import { requireMemberNo } from '../domain/shared/member-number';
import { requireMemberFromRegister } from '../domain/shared/member-standing';
import { standingRecordOf, type MemberStandingSource } from './member-standings';
import type { SavingsExecutor } from './savings-executor';
import type { RegisterBalancesInput } from './savings-inputs';

/** One account the register import carried over. */
export interface RegisterBalanceAccepted {
  readonly accountId: string;
  readonly product: SavingsProductCode;
  readonly accepted: CommandAccepted<SavingsAccountEvent>;
}

/** The outcome of one register row's balances: the accounts carried over (none for an exited member). */
export interface RegisterBalancesAccepted {
  readonly memberNo: string;
  readonly accounts: RegisterBalanceAccepted[];
  /** True when every account's command was answered from an earlier run (nothing new appended). */
  readonly replayed: boolean;
}

/** What the register import needs. */
export interface RegisterBalanceDeps {
  readonly executor: SavingsExecutor;
  readonly standings: MemberStandingSource;
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
}

const COLUMNS: ReadonlyArray<{ product: SavingsProductCode; kind: 'SD' | 'TF'; field: 'savingsDepositPaise' | 'thriftFundPaise' }> = [
  { product: 'SAVINGS_DEPOSIT', kind: 'SD', field: 'savingsDepositPaise' },
  { product: 'THRIFT_FUND', kind: 'TF', field: 'thriftFundPaise' },
];

/**
 * Carries one register row's Savings Deposit and Thrift Fund balances over (issue 4 item 7): for each,
 * account 01 of the product is opened (origin REGISTER_IMPORT) with the balance as its opening balance
 * — one OpeningBalanceRecorded event each, dated at the import's business date (the context's), zero
 * balances included so that every member of the register has both accounts.
 *
 * Exited members: the register lists them with nil balances and they hold no accounts here, so a row of
 * an EXITED member with both balances 0 opens nothing (accepted, no accounts); a non-zero balance of an
 * exited member is rejected (EXITED_MEMBER_HAS_BALANCE on that column) for the branch to look into.
 * INACTIVE members' balances are carried over as they stand.
 *
 * Idempotent: each account's command uses the context's key under the scope `register-balance/<SD|TF>`,
 * so re-running an import (also one killed between the two accounts) replays and finishes.
 * Only members brought in by the register import (savings' copy of membership's events says so) take
 * opening balances: a member admitted at a counter is refused (MEMBER_NOT_FROM_REGISTER), nothing appended.
 * @throws ValidationError INVALID_MEMBER_NO, NOT_PAISE, NEGATIVE_AMOUNT; DomainError MEMBER_NOT_FOUND,
 *   MEMBER_NOT_FROM_REGISTER, EXITED_MEMBER_HAS_BALANCE, ACCOUNT_ALREADY_OPEN (an account 01 opened otherwise), BUSINESS_DATE_IN_FUTURE, NO_TERMS_IN_FORCE.
 */
export async function importRegisterBalances(deps: RegisterBalanceDeps, input: RegisterBalancesInput, context: CommandContext): Promise<RegisterBalancesAccepted> {
  const memberNo = requireMemberNo(input.memberNo);
  for (const column of COLUMNS) requireNonNegativePaise(input[column.field], column.field);
  const { status: memberStatus, origin: memberOrigin } = await standingRecordOf(deps.standings, memberNo, deps.catchUp);
  requireMemberFromRegister(memberOrigin);
  if (memberStatus === 'EXITED') {
    const withBalance = COLUMNS.find((column) => input[column.field] > 0);
    if (withBalance) throw new DomainError('EXITED_MEMBER_HAS_BALANCE', 'the register shows a balance for a member who has exited', withBalance.field);
    return { memberNo, accounts: [], replayed: false };
  }
  const today = todayInKolkata(deps.clock);
  const accounts: RegisterBalanceAccepted[] = [];
  for (const column of COLUMNS) {
    const accountId = formatAccountId(memberNo, column.kind, 1);
    const amountPaise = input[column.field];
    const accepted = await deps.executor.onSavingsAccount(
      { type: 'ImportRegisterBalance', accountId, memberNo, product: column.product, memberStatus, memberOrigin, amountPaise, businessDate: context.businessDate, today },
      context,
      { scope: `register-balance/${column.kind}`, payloadForHash: { memberNo, product: column.product, amountPaise, businessDate: context.businessDate } },
    );
    accounts.push({ accountId, product: column.product, accepted });
  }
  return { memberNo, accounts, replayed: accounts.every((account) => account.accepted.replayed) };
}
