import type { PersonalData, PersonalDataVault, SealedPersonalData } from '@samabay/personal-data';
import { PersonalDataError } from '@samabay/personal-data';

/**
 * A PersonalDataVault for unit tests: "sealing" files the data away in memory and returns an
 * envelope that holds only a reference (so events can be checked for plaintext), bound to the
 * subject. `forget` makes a subject's envelopes open as 'forgotten'. `failNextSeals(n)` makes the
 * next n seals throw (to test a crash between reserving a member number and writing the member).
 */
export class InMemoryPersonalDataVault implements PersonalDataVault {
  private readonly sealed = new Map<string, { subjectId: string; data: PersonalData }>();
  private readonly forgotten = new Set<string>();
  private readonly subjects = new Set<string>();
  private counter = 0;
  private failures = 0;
  /** Number of successful seal calls. */
  sealCount = 0;

  async seal(subjectId: string, data: PersonalData): Promise<SealedPersonalData> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('vault unavailable (injected)');
    }
    if (this.forgotten.has(subjectId)) throw new PersonalDataError('SUBJECT_FORGOTTEN', `subject ${subjectId} was forgotten`, 'subjectId');
    this.subjects.add(subjectId);
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

  async forget(subjectId: string): Promise<void> {
    this.forgotten.add(subjectId);
  }

  /** Makes the next `count` seal calls throw. */
  failNextSeals(count: number): void {
    this.failures = count;
  }
}
