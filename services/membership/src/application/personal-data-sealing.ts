import type { PersonalData, PersonalDataVault } from '@samabay/personal-data';
import type { SealedPersonalData } from '../domain/sealed-personal-data';
import type { NomineeDetails, PersonalDetails } from '../domain/member/personal-details';

/**
 * Normalises the personal details a client sent to Unicode NFC (so that a name typed with combining
 * marks and the same name precomposed are one name, as the register import already does), trims
 * them and turns blank optional fields (phone, locality) into null, so that "  " and "" and a missing
 * field mean the same and fingerprint the same. Anything that is not an object is passed through for
 * the decider's validation to reject.
 */
export function normalizePersonal(personal: PersonalDetails): PersonalDetails {
  if (personal === null || typeof personal !== 'object') return personal;
  return {
    fullName: trimmed(personal.fullName) as string,
    dateOfBirth: trimmed(personal.dateOfBirth) as string,
    phone: blankToNull(personal.phone),
    locality: blankToNull(personal.locality),
  };
}

/** NFC-normalises and trims a nominee's name and relation; null/undefined means "no nominee". */
export function normalizeNominee(nominee: NomineeDetails | null | undefined): NomineeDetails | null {
  if (nominee === null || nominee === undefined) return null;
  if (typeof nominee !== 'object') return nominee;
  return { name: trimmed(nominee.name) as string, relation: trimmed(nominee.relation) as string };
}

/**
 * Seals a member's personal details (fullName, dateOfBirth, phone, locality) and nominee (name,
 * relation) under the member's data key, subject id = member number (DESIGN §7).
 * Throws PersonalDataError (e.g. SUBJECT_FORGOTTEN) from the vault.
 */
export async function sealMemberData(
  vault: PersonalDataVault,
  memberNo: string,
  personal: PersonalDetails,
  nominee: NomineeDetails | null,
): Promise<{ sealedPersonal: SealedPersonalData; sealedNominee: SealedPersonalData | null }> {
  const sealedPersonal = await vault.seal(memberNo, personalRecord(personal));
  const sealedNominee = nominee === null ? null : await sealNominee(vault, memberNo, nominee);
  return { sealedPersonal, sealedNominee };
}

/** Seals a nominee's { name, relation } under the member's data key. */
export function sealNominee(vault: PersonalDataVault, memberNo: string, nominee: NomineeDetails): Promise<SealedPersonalData> {
  return vault.seal(memberNo, nomineeRecord(nominee));
}

/**
 * Keyed fingerprints (PersonalDataVault.fingerprint, under the member's data key) of exactly what
 * {@link sealMemberData} seals: what a command hash may carry in place of the plaintext, which it
 * must never carry (the hash is stored unsalted with every event and idempotency record).
 * Throws PersonalDataError (e.g. SUBJECT_FORGOTTEN) from the vault.
 */
export async function fingerprintMemberData(
  vault: PersonalDataVault,
  memberNo: string,
  personal: PersonalDetails,
  nominee: NomineeDetails | null,
): Promise<{ personal: string; nominee: string | null }> {
  return {
    personal: await vault.fingerprint(memberNo, personalRecord(personal)),
    nominee: nominee === null ? null : await fingerprintNominee(vault, memberNo, nominee),
  };
}

/** The keyed fingerprint of a nominee's { name, relation } (see {@link fingerprintMemberData}). */
export function fingerprintNominee(vault: PersonalDataVault, memberNo: string, nominee: NomineeDetails): Promise<string> {
  return vault.fingerprint(memberNo, nomineeRecord(nominee));
}

function personalRecord(personal: PersonalDetails): PersonalData {
  return { fullName: personal.fullName, dateOfBirth: personal.dateOfBirth, phone: personal.phone ?? null, locality: personal.locality ?? null };
}

function nomineeRecord(nominee: NomineeDetails): PersonalData {
  return { name: nominee.name, relation: nominee.relation };
}

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim() : value;
}

function blankToNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value as string;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}
