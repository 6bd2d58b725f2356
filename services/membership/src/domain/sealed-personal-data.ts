/**
 * Personal data as it travels in events: ciphertext sealed by the application with the member's
 * data key (libs/personal-data; DESIGN §7). The domain only carries it — it never sees the key.
 * Structurally identical to `SealedPersonalData` of @samabay/personal-data, which the domain may not import.
 */
export interface SealedPersonalData {
  readonly v: 1;
  readonly alg: 'A256GCM';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}
