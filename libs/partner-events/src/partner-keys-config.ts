import { partnerKey, type PartnerKey } from './partner-key';

/**
 * Parses the partner keys from configuration (SAMABAY_PARTNER_KEYS): comma-separated
 * `<partnerId>=<base64 key of at least 32 bytes>`, e.g. `ngo-a=…,ngo-b=…` (generate each with
 * `openssl rand -base64 32`). Throws RangeError naming the partner or entry, never the key.
 */
export function parsePartnerKeys(text: string): PartnerKey[] {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) throw new RangeError('no partner keys given: expected <partnerId>=<base64 key>, comma-separated');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const equals = entry.indexOf('=');
    if (equals < 1) throw new RangeError(`partner key entry ${index + 1} must be <partnerId>=<base64 key>`);
    const partnerId = entry.slice(0, equals);
    if (seen.has(partnerId)) throw new RangeError(`partner ${partnerId} is listed twice`);
    seen.add(partnerId);
    const base64 = entry.slice(equals + 1);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new RangeError(`the key of partner ${partnerId} must be standard base64`);
    return partnerKey(partnerId, Buffer.from(base64, 'base64'));
  });
}
