import type { DomainEvent } from '@samabay/domain-kit';
import type { SealedPersonalData } from '../sealed-personal-data';

/**
 * A new member was admitted and paid on the admission (business) date: `admissionFeePaise` plus
 * `shares` × `shareFaceValuePaise` = `amountCollectedPaise`; `shareCapitalPaise` is the resulting
 * share capital. `personal` seals { fullName, dateOfBirth, phone, locality }; `nominee` seals
 * { name, relation } or is null. All amounts integer paise.
 */
export type MemberAdmitted = DomainEvent<
  'MemberAdmitted',
  {
    readonly memberNo: string;
    readonly branchCode: string;
    readonly admissionDate: string;
    readonly shares: number;
    readonly shareFaceValuePaise: number;
    readonly admissionFeePaise: number;
    readonly amountCollectedPaise: number;
    readonly shareCapitalPaise: number;
    readonly personal: SealedPersonalData;
    readonly nominee: SealedPersonalData | null;
  }
>;

/**
 * A member was brought over from the legacy register with the admission date and shares the register
 * carries. Nothing was collected today: the share capital is the register's shares valued at the face
 * value in force on the admission date, and no admission fee is recorded (it was paid outside this
 * system). The member is ACTIVE unless a MemberStatusCarriedForward follows.
 */
export type MemberRegisteredFromLegacyRegister = DomainEvent<
  'MemberRegisteredFromLegacyRegister',
  {
    readonly memberNo: string;
    readonly branchCode: string;
    readonly admissionDate: string;
    readonly sharesHeld: number;
    readonly shareFaceValuePaise: number;
    readonly shareCapitalPaise: number;
    readonly personal: SealedPersonalData;
    readonly nominee: SealedPersonalData | null;
  }
>;

/**
 * The legacy register showed the member as INACTIVE or EXITED, and that status is carried forward as
 * it stood. It claims nothing about when or how it came about: an EXITED member's shares stay as the
 * register lists them (no refund is recorded here, because none was paid through this system).
 */
export type MemberStatusCarriedForward = DomainEvent<
  'MemberStatusCarriedForward',
  { readonly memberNo: string; readonly status: 'INACTIVE' | 'EXITED' }
>;

/** The member bought shares; `amountPaise` = `sharesPurchased` × `shareFaceValuePaise`; totals are after the purchase. */
export type SharesPurchased = DomainEvent<
  'SharesPurchased',
  {
    readonly memberNo: string;
    readonly sharesPurchased: number;
    readonly shareFaceValuePaise: number;
    readonly amountPaise: number;
    readonly sharesHeld: number;
    readonly shareCapitalPaise: number;
  }
>;

/** The member named a new nominee; `nominee` seals { name, relation }. */
export type NomineeChanged = DomainEvent<'NomineeChanged', { readonly memberNo: string; readonly nominee: SealedPersonalData }>;

/**
 * The member left on `exitDate`; the share capital `shareCapitalRefundedPaise` (for `sharesRefunded`
 * shares) is refunded, leaving 0 shares and 0 paise.
 */
export type MemberExited = DomainEvent<
  'MemberExited',
  {
    readonly memberNo: string;
    readonly exitDate: string;
    readonly sharesRefunded: number;
    readonly shareCapitalRefundedPaise: number;
    readonly sharesHeld: 0;
    readonly shareCapitalPaise: 0;
  }
>;

/**
 * Head office asked to forget the former member (maker of maker–checker); `eligibleFrom` is the first
 * date the retention period allowed it. No personal data.
 */
export type MemberForgetRequested = DomainEvent<
  'MemberForgetRequested',
  { readonly memberNo: string; readonly requestedOn: string; readonly requestedBy: string; readonly eligibleFrom: string }
>;

/**
 * A second head-office user approved, and the member's data key was deleted (crypto-shredding,
 * DESIGN §7): every sealed copy of her personal data is unreadable from now on, in every event,
 * topic and backup made after this. Carries no personal data; the financial history is untouched.
 */
export type MemberForgotten = DomainEvent<
  'MemberForgotten',
  { readonly memberNo: string; readonly forgottenOn: string; readonly requestedBy: string; readonly approvedBy: string }
>;

/** Every event of a `member-<memberNo>` stream. */
export type MemberEvent =
  | MemberAdmitted
  | MemberRegisteredFromLegacyRegister
  | MemberStatusCarriedForward
  | SharesPurchased
  | NomineeChanged
  | MemberExited
  | MemberForgetRequested
  | MemberForgotten;
