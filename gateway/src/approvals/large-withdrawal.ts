import { DomainError, type CommandContext } from '@samabay/domain-kit';
import type { ApprovalAnswer, ApprovalQueue } from '@samabay/maker-checker';
import { parseAccountId, type Savings } from '@samabay/savings';

/** The maker–checker kind of a withdrawal above the configured limit. */
export const LARGE_WITHDRAWAL = 'LARGE_WITHDRAWAL';

/** A teller's request to pay out more than the limit: account, owner, amount (paise). */
export interface LargeWithdrawalRequest {
  readonly accountId: string;
  readonly memberNo: string;
  readonly amountPaise: number;
}

/**
 * Wires large withdrawals into the maker–checker queue: once a checker approves, the withdrawal runs
 * as the checker with the approval's id (savings then lets it past the limit).
 */
export function registerLargeWithdrawal(queue: ApprovalQueue, savings: Savings): void {
  queue.registerAction(LARGE_WITHDRAWAL, async (item, context) => {
    const { accountId, memberNo, amountPaise } = item.subject as unknown as LargeWithdrawalRequest;
    const accepted = await savings.commands.withdraw({ accountId, memberNo, amountPaise, approvalId: item.approvalId }, context);
    return { streamId: accepted.streamId, position: accepted.position };
  });
}

/**
 * Puts a withdrawal above the limit on the queue for the checker roles the savings terms name (the
 * item belongs to the account's branch). Savings decides on the account as it stands: the day's
 * earlier withdrawals count toward the limit, and a withdrawal the balance cannot cover is refused now.
 * Throws DomainError APPROVAL_NOT_NEEDED (field amount) when the day's withdrawals stay within the
 * limit (use `withdraw`); savings' refusals of the withdrawal (INSUFFICIENT_BALANCE field amountPaise,
 * ACCOUNT_DORMANT, …); INVALID_ACCOUNT_ID for a malformed account id.
 */
export async function requestLargeWithdrawal(queue: ApprovalQueue, savings: Savings, request: LargeWithdrawalRequest, context: CommandContext): Promise<ApprovalAnswer> {
  const terms = await savings.commands.largeWithdrawalTerms({ accountId: request.accountId, memberNo: request.memberNo, amountPaise: request.amountPaise }, context);
  if (!terms) throw new DomainError('APPROVAL_NOT_NEEDED', "the day's withdrawals stay within the limit; withdraw it directly", 'amount');
  const branchCode = parseAccountId(request.accountId).memberNo.slice(0, 3);
  return queue.request(
    { kind: LARGE_WITHDRAWAL, branchCode, checkerRoles: terms.checkerRoles, subject: { accountId: request.accountId, memberNo: request.memberNo, amountPaise: request.amountPaise } },
    context,
  );
}
