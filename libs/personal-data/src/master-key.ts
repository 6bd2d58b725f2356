/** Length in bytes of the master key and of each data key (AES-256). */
export const KEY_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes the vault's master key from standard base64 (surrounding whitespace ignored, e.g. a
 * trailing newline in a secret file). Throws RangeError when the text is not base64 or does not
 * decode to exactly 32 bytes; the message gives the length only, never the key.
 */
export function parseMasterKey(base64: string): Buffer {
  const text = typeof base64 === 'string' ? base64.trim() : '';
  if (text.length === 0 || !BASE64.test(text)) throw new RangeError(`the master key must be standard base64 of exactly ${KEY_BYTES} bytes`);
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) throw new RangeError(`the master key must be ${KEY_BYTES} bytes; it decodes to ${key.length} bytes`);
  return key;
}
