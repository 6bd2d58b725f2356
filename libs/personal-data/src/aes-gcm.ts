import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** GCM's recommended nonce length: 96 bits. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** The three parts of an AES-256-GCM encryption. */
export interface GcmBox {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** Encrypts with AES-256-GCM under `key` (32 bytes) with a fresh random 96-bit IV, authenticating `aad`. */
export function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): GcmBox {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; returns null when authentication fails (wrong key, AAD or tampering). */
export function gcmDecrypt(key: Buffer, box: GcmBox, aad: Buffer): Buffer | null {
  if (box.iv.length !== IV_BYTES || box.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(box.tag);
    return Buffer.concat([decipher.update(box.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
