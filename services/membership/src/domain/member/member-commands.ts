import type { StaffRole } from '@samabay/domain-kit';
import type { SealedPersonalData } from '../sealed-personal-data';
import type { MemberStatus } from './member-status';
import type { NomineeDetails, PersonalDetails } from './personal-details';

/**
 * Personal data as a command carries it: the plaintext, only so that the decider can validate it,
 * and the sealed form the application produced with the member's data key, which is what the event stores.
 */
interface CarriesPersonalData {
  readonly personal: PersonalDetails;
  readonly nominee: NomineeDetails | null;
  readonly sealedPersonal: SealedPersonalData;
  /** Present exactly when `nominee` is. */
  readonly sealedNominee: SealedPersonalData | null;
}

/** Every member command names the member, its business date and `today` (both YYYY-MM-DD, Asia/Kolkata). */
interface MemberCommandBase {
  /** The member number already reserved on the branch stream, e.g. 'SNG-000123'. */
  readonly memberNo: string;
  readonly businessDate: string;
  /** The application's calendar date: deciders have no clock, so a future business date is caught with this. */
  readonly today: string;
}

/**
 * Admit a new member on the business date: collects the admission fee and `shares` × share face
 * value in force on that date (DESIGN §8). `shares`: whole number ≥ the product's minimum.
 */
export interface AdmitMember extends MemberCommandBase, CarriesPersonalData {
  readonly type: 'AdmitMember';
  readonly branchCode: string;
  readonly shares: number;
}

/**
 * Bring a member over from the legacy paper/spreadsheet register (issue 2 item 7). The business date
 * is the historical admission date; `sharesHeld` and `status` are as the register carries them.
 * No money is collected: the fee and share money were paid long ago, outside this system.
 */
export interface ImportMember extends MemberCommandBase, CarriesPersonalData {
  readonly type: 'ImportMember';
  readonly branchCode: string;
  readonly sharesHeld: number;
  readonly status: MemberStatus;
}

/** Buy more shares at the face value in force on the business date. `shares`: whole number ≥ 1. */
export interface PurchaseShares extends MemberCommandBase {
  readonly type: 'PurchaseShares';
  readonly shares: number;
}

/** Replace the member's nominee. */
export interface ChangeNominee extends MemberCommandBase {
  readonly type: 'ChangeNominee';
  readonly nominee: NomineeDetails;
  readonly sealedNominee: SealedPersonalData;
}

/**
 * Something the member still owes or is owed that blocks exit (DESIGN §8: "shares are refunded on
 * exit after all dues are cleared"). `kind` e.g. 'loan' | 'welfare'; `reference` e.g. a stream id.
 */
export interface OpenDue {
  readonly kind: string;
  readonly reference: string;
}

/** A savings account of the member not yet closed, as membership learned it from savings' events; balance in integer paise. */
export interface OpenSavingsAccount {
  readonly accountId: string;
  readonly balancePaise: number;
}

/**
 * What the application learned about the member from other streams before an exit: her savings
 * accounts still open, and the latest business date (YYYY-MM-DD) of any activity of hers — her own
 * stream, savings and loans — or null when none is known.
 */
export interface ExitStanding {
  readonly openSavingsAccounts: readonly OpenSavingsAccount[];
  readonly lastActivityOn: string | null;
}

/**
 * The member leaves; the share capital is refunded. `openDues` are her open loans/welfare dues (any
 * entry rejects with OPEN_DUES); `openSavingsAccounts` her savings not yet paid out and closed (any
 * entry rejects with SAVINGS_NOT_SETTLED); an exit dated before `lastActivityOn` is refused
 * (EXIT_BEFORE_LAST_ACTIVITY), so that the retention period counts from a true exit date.
 */
export interface ExitMember extends MemberCommandBase, ExitStanding {
  readonly type: 'ExitMember';
  readonly openDues: readonly OpenDue[];
}

/**
 * Explains why `memberNo`, whose prefix names another branch than `branchCode`, cannot be taken:
 * DUPLICATE_MEMBER_NUMBER when the number already belongs to a member (the more useful answer for
 * staff and for the register import), MEMBER_NO_BRANCH_MISMATCH otherwise. It always rejects, so it
 * appends and records nothing; the application sends it only after the branch turned the number down.
 */
export interface ExplainForeignMemberNumber {
  readonly type: 'ExplainForeignMemberNumber';
  readonly memberNo: string;
  readonly branchCode: string;
}

/** The staff member acting on a forget command (from the verified token, never the payload). */
export interface ForgetActor {
  readonly userId: string;
  readonly role: StaffRole;
}

/**
 * Head office asks to forget a former member (the maker of maker–checker; issue 6 item 4): allowed
 * only after her exit plus the retention period in force on the business date.
 */
export interface RequestForgetMember {
  readonly type: 'RequestForgetMember';
  readonly memberNo: string;
  readonly businessDate: string;
  readonly today: string;
  readonly actor: ForgetActor;
}

/**
 * A second head-office user (the checker, never the requester) approves forgetting the member. The
 * application deletes the member's data key once the decider accepted; the event carries no personal data.
 */
export interface ApproveForgetMember {
  readonly type: 'ApproveForgetMember';
  readonly memberNo: string;
  readonly businessDate: string;
  readonly today: string;
  readonly actor: ForgetActor;
}

/** Every command the member decider accepts. */
export type MemberCommand =
  | AdmitMember
  | ImportMember
  | PurchaseShares
  | ChangeNominee
  | ExitMember
  | ExplainForeignMemberNumber
  | RequestForgetMember
  | ApproveForgetMember;
