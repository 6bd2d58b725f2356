import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { ReceiveOwnAccountTransfer, ReverseOwnAccountTransfer, TransferToOwnAccount } from './savings-account-commands';

/** A member's request to move money between two of her own savings accounts. */
export interface OwnAccountTransferRequest {
  readonly transferId: string;
  readonly memberNo: string;
  readonly fromAccountId: string;
  readonly toAccountId: string;
  readonly amountPaise: Paise;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
}

/** The commands of one own-account transfer, in the order the application sends them. */
export interface OwnAccountTransferSteps {
  /** 1. To the source stream (idempotency scope 'transfer-debit'). A rejection ends the transfer: nothing moved. */
  readonly debit: TransferToOwnAccount;
  /** 2. To the destination stream (scope 'transfer-credit'), only after the debit was accepted. */
  readonly credit: ReceiveOwnAccountTransfer;
  /** 3. Only if the credit was rejected: to the source stream (scope 'transfer-reversal'), returning the money. */
  readonly reversal: ReverseOwnAccountTransfer;
}

/**
 * TransferBetweenOwnAccounts as a process over two streams (each aggregate keeps its own invariants; no
 * transaction spans two streams, DESIGN §1, §4): debit the source, then credit the destination; if the
 * credit is rejected (e.g. the destination closed meanwhile), reverse the debit. All three commands share
 * the client's idempotency key under different scopes, so re-running the same request after a crash
 * replays the steps already taken and resumes where it stopped — the money is moved exactly once or
 * returned. Both accounts are checked to belong to `memberNo` (account ids name their owner).
 */
export function ownAccountTransferSteps(request: OwnAccountTransferRequest): OwnAccountTransferSteps {
  const dated = { businessDate: request.businessDate, today: request.today };
  return {
    debit: {
      type: 'TransferToOwnAccount',
      accountId: request.fromAccountId,
      memberNo: request.memberNo,
      transferId: request.transferId,
      toAccountId: request.toAccountId,
      amountPaise: request.amountPaise,
      ...dated,
    },
    credit: {
      type: 'ReceiveOwnAccountTransfer',
      accountId: request.toAccountId,
      memberNo: request.memberNo,
      transferId: request.transferId,
      fromAccountId: request.fromAccountId,
      amountPaise: request.amountPaise,
      ...dated,
    },
    reversal: { type: 'ReverseOwnAccountTransfer', accountId: request.fromAccountId, transferId: request.transferId, ...dated },
  };
}

/** Idempotency scopes of the three steps (see {@link ownAccountTransferSteps}). */
export const OWN_ACCOUNT_TRANSFER_SCOPES = { debit: 'transfer-debit', credit: 'transfer-credit', reversal: 'transfer-reversal' } as const;
