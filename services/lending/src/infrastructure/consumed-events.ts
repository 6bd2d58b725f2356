import type { RecordedEvent } from '@samabay/event-store';

/**
 * What lending reads of other services' events (DESIGN §1: a service learns about the others only from
 * their events and keeps a local projection). Services may not import each other, so the shapes are
 * restated here — only the fields lending relies on — from their sources:
 * services/membership/src/domain/member/member-events.ts (stream `member-<memberNo>`) and
 * services/savings/src/domain/{account/savings-account-events,recurring/recurring-deposit-events}.ts
 * (stream `savingsAccount-<memberNo>-<kind>-<nn>`, every money event carrying the resulting `balancePaise`).
 */
export type ConsumedMemberEvent =
  | { readonly type: 'MemberAdmitted' | 'MemberRegisteredFromLegacyRegister'; readonly data: { readonly memberNo: string; readonly branchCode: string; readonly admissionDate: string } }
  | { readonly type: 'MemberStatusCarriedForward'; readonly data: { readonly memberNo: string; readonly status: 'INACTIVE' | 'EXITED' } }
  | { readonly type: 'MemberExited'; readonly data: { readonly memberNo: string } };

/** A savings event that states an account's balance after it (paise), and the member who owns the account. */
export interface ConsumedSavingsBalance {
  readonly accountId: string;
  readonly memberNo: string;
  readonly balancePaise: number;
}

const MEMBER_STREAM = 'member-';
const SAVINGS_STREAM = 'savingsAccount-';
const MEMBER_EVENT_TYPES: ReadonlySet<string> = new Set(['MemberAdmitted', 'MemberRegisteredFromLegacyRegister', 'MemberStatusCarriedForward', 'MemberExited']);
/** Savings account ids name their owner: 'SNG-000123-SD-01'. */
const ACCOUNT_ID = /^([A-Z]{3}-\d{6})-[A-Z]{2}-\d{2}$/;

/** The recorded event as a membership event lending reads, or null for anything else. */
export function asConsumedMemberEvent(event: RecordedEvent): ConsumedMemberEvent | null {
  if (!event.streamId.startsWith(MEMBER_STREAM) || !MEMBER_EVENT_TYPES.has(event.type)) return null;
  return { type: event.type, data: event.data } as ConsumedMemberEvent;
}

/** The balance a savings event states, or null for an event of another stream or one without a balance. */
export function asConsumedSavingsBalance(event: RecordedEvent): ConsumedSavingsBalance | null {
  if (!event.streamId.startsWith(SAVINGS_STREAM)) return null;
  const accountId = event.streamId.slice(SAVINGS_STREAM.length);
  const owner = ACCOUNT_ID.exec(accountId);
  const balancePaise = (event.data as { balancePaise?: unknown } | null)?.balancePaise;
  if (!owner || typeof balancePaise !== 'number' || !Number.isSafeInteger(balancePaise)) return null;
  return { accountId, memberNo: owner[1], balancePaise };
}
