import { DomainError, type CommandAccepted, type DomainEvent } from '@samabay/domain-kit';
import { formatAccountId, type AccountKind } from '../domain/shared/account-ids';

const MAX_SERIAL = 99;

/**
 * Opens an account under `requestedAccountId`, or under the member's first free serial of `kind`
 * (SNG-000123-SD-01, then -02, …): `open` is tried on each id until its stream does not exist yet
 * (ACCOUNT_ALREADY_OPEN means the serial is taken). The same idempotency key answers from its first
 * success on a retry, whichever serial that took, because the key's record is found before any stream is read.
 * @throws DomainError NO_FREE_ACCOUNT_SERIAL (field accountId), or whatever `open` throws otherwise.
 */
export async function openUnderFreeSerial<E extends DomainEvent>(
  memberNo: string,
  kind: AccountKind,
  requestedAccountId: string | null | undefined,
  open: (accountId: string) => Promise<CommandAccepted<E>>,
): Promise<CommandAccepted<E> & { readonly accountId: string }> {
  if (requestedAccountId !== null && requestedAccountId !== undefined) return { ...(await open(requestedAccountId)), accountId: requestedAccountId };
  for (let serial = 1; serial <= MAX_SERIAL; serial += 1) {
    const accountId = formatAccountId(memberNo, kind, serial);
    try {
      const accepted = await open(accountId);
      return { ...accepted, accountId: accepted.streamId.replace(/^savingsAccount-/, '') };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ACCOUNT_ALREADY_OPEN')) throw error;
    }
  }
  throw new DomainError('NO_FREE_ACCOUNT_SERIAL', `member ${memberNo} has no free ${kind} account serial left`, 'accountId');
}
