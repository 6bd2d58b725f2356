import type { SqlExecutor } from '@samabay/sql';
/**
 * The personal data port (DESIGN §7): name, date of birth, phone, locality and nominee details
 * travel in events only sealed with a per-subject data key. Forgetting a subject deletes the key,
 * which makes every sealed copy unreadable while the financial history stays whole (crypto-shredding).
 */

/** Personal fields of one subject, by name; null for a field known to be absent. */
export type PersonalData = Record<string, string | null>;

/**
 * Sealed personal data as stored in an event: AES-256-GCM under the subject's data key, a random
 * 96-bit IV, additional authenticated data = the subject id (so a copy moved to another member
 * does not open). `iv`, `ciphertext` and `tag` are base64.
 */
export type SealedPersonalData = {
  readonly v: 1;
  readonly alg: 'A256GCM';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
};

/** Options of {@link PersonalDataVault.open}. */
export interface OpenOptions {
  readonly executor?: SqlExecutor;
}

/** Seals, opens and forgets subjects' personal data. Errors are PersonalDataError (never carrying plaintext or key material). */
export interface PersonalDataVault {
  /**
   * Seals `data` with the subject's data key, creating the key on first use. Throws
   * PersonalDataError SUBJECT_FORGOTTEN after `forget` (no new personal data for a forgotten
   * subject), BAD_SUBJECT_ID / BAD_PERSONAL_DATA for malformed input.
   */
  seal(subjectId: string, data: PersonalData): Promise<SealedPersonalData>;
  /**
   * Opens sealed data; 'forgotten' when the subject's key was deleted. Throws PersonalDataError
   * NO_DATA_KEY when the subject never had a key here, SEALED_DATA_INVALID when the envelope is
   * malformed or fails authentication (tampered, or sealed for another subject).
   * `options.executor`: read the key through this executor (the caller's open transaction) —
   * required on PGlite, whose single connection would otherwise wait on that transaction forever.
   */
  open(subjectId: string, sealed: SealedPersonalData, options?: OpenOptions): Promise<PersonalData | 'forgotten'>;
  /**
   * A keyed fingerprint of `data` for comparing, never for reading: lower-case hex HMAC-SHA256 of
   * the canonical JSON of `data` (keys sorted) under a key derived with HKDF-SHA256 from the
   * subject's data key. Equal data of one subject gives equal fingerprints; without the data key
   * nobody can test a guess against it, and after `forget` nobody can at all. Creates the data key
   * on first use, like `seal`. Throws PersonalDataError SUBJECT_FORGOTTEN after `forget`,
   * BAD_SUBJECT_ID / BAD_PERSONAL_DATA for malformed input. `options.executor` as for `open`.
   */
  fingerprint(subjectId: string, data: PersonalData, options?: OpenOptions): Promise<string>;
  /** Deletes the subject's data key for good (idempotent) and evicts it from this process's cache. */
  forget(subjectId: string): Promise<void>;
}
