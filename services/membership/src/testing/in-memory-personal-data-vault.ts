import { createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '@samabay/domain-kit';
import type { PersonalData, PersonalDataVault, SealedPersonalData } from '@samabay/personal-data';
import { PersonalDataError } from '@samabay/personal-data';

/**
 * A PersonalDataVault for unit tests: "sealing" files the data away in memory and returns an
 * envelope that holds only a reference (so events can be checked for plaintext), bound to the
 * subject. `fingerprint` is an HMAC under a random per-subject key (like the real vault's, unguessable
 * without it). `forget` makes a subject's envelopes open as 'forgotten'. `failNextSeals(n)` makes the
 * next n seals throw (to test a crash between reserving a member number and writing the member).
 */
export class InMemoryPersonalDataVault implements PersonalDataVault {
  private readonly sealed = new Map<string, { subjectId: string; data: PersonalData }>();
  private readonly forgotten = new Set<string>();
  private readonly subjects = new Map<string, Buffer>();
  private counter = 0;
  private failures = 0;
  /** Number of successful seal calls. */
  sealCount = 0;

  async seal(subjectId: string, data: PersonalData): Promise<SealedPersonalData> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('vault unavailable (injected)');
    }
    this.keyFor(subjectId);
    this.sealCount++;
    const reference = `ref-${++this.counter}`;
    this.sealed.set(reference, { subjectId, data: { ...data } });
    return { v: 1, alg: 'A256GCM', iv: Buffer.from(reference).toString('base64'), ciphertext: Buffer.from(reference).toString('base64'), tag: 'dGFn' };
  }

  async open(subjectId: string, sealed: SealedPersonalData): Promise<PersonalData | 'forgotten'> {
    if (this.forgotten.has(subjectId)) return 'forgotten';
    if (!this.subjects.has(subjectId)) throw new PersonalDataError('NO_DATA_KEY', `subject ${subjectId} has no data key`, 'subjectId');
    const entry = this.sealed.get(Buffer.from(sealed.ciphertext, 'base64').toString());
    if (!entry || entry.subjectId !== subjectId) throw new PersonalDataError('SEALED_DATA_INVALID', 'sealed data does not open', 'sealed');
    return { ...entry.data };
  }

  async fingerprint(subjectId: string, data: PersonalData): Promise<string> {
    return createHmac('sha256', this.keyFor(subjectId)).update(canonicalJson(data), 'utf8').digest('hex');
  }

  /** Whether a data key was ever made for the subject (by seal or fingerprint). */
  hasKey(subjectId: string): boolean {
    return this.subjects.has(subjectId);
  }

  async forget(subjectId: string): Promise<void> {
    this.forgotten.add(subjectId);
  }

  private keyFor(subjectId: string): Buffer {
    if (this.forgotten.has(subjectId)) throw new PersonalDataError('SUBJECT_FORGOTTEN', `subject ${subjectId} was forgotten`, 'subjectId');
    const key = this.subjects.get(subjectId) ?? randomBytes(32);
    this.subjects.set(subjectId, key);
    return key;
  }

  /** Makes the next `count` seal calls throw. */
  failNextSeals(count: number): void {
    this.failures = count;
  }
}
