import { createHmac } from 'node:crypto';
import { assertPartnerId } from './public-event-names';

/** Shortest partner key accepted, in bytes (HMAC-SHA256 gains nothing from longer than 32). */
export const MIN_PARTNER_KEY_BYTES = 32;

/**
 * One partner organisation and its secret pseudonymisation key. The key never leaves the platform:
 * partners receive only HMAC outputs, so they cannot compute a pseudonym from a member number, and
 * two partners (different keys) get unrelated pseudonyms for the same member and cannot join their data.
 */
export interface PartnerKey {
  readonly partnerId: string;
  readonly key: Buffer;
}

/** @throws RangeError for a bad partner id or a key shorter than {@link MIN_PARTNER_KEY_BYTES}. Never puts key material in a message. */
export function partnerKey(partnerId: string, key: Buffer): PartnerKey {
  assertPartnerId(partnerId);
  if (!Buffer.isBuffer(key) || key.length < MIN_PARTNER_KEY_BYTES) throw new RangeError(`the key of partner ${partnerId} must be at least ${MIN_PARTNER_KEY_BYTES} bytes`);
  return { partnerId, key };
}

/**
 * The partner's pseudonymous id of a member: `m_` + the first 32 hex digits (128 bits) of
 * HMAC-SHA256(partner key, "member:" + memberNo). Stable for one partner, unrelated across partners.
 */
export function pseudonymousMemberId(partner: PartnerKey, memberNo: string): string {
  return `m_${hmacHex(partner, `member:${memberNo}`)}`;
}

/**
 * The partner's id of one public event: 32 hex digits of HMAC-SHA256(partner key, "event:" + name + internal
 * event id). Stable across re-publishing (consumers dedupe on it) but never the internal id, which
 * would be the same in every partner's feed and let two partners join their data.
 */
export function publicEventId(partner: PartnerKey, name: string, internalEventId: string): string {
  return hmacHex(partner, `event:${name}:${internalEventId}`);
}

function hmacHex(partner: PartnerKey, message: string): string {
  return createHmac('sha256', partner.key).update(message, 'utf8').digest('hex').slice(0, 32);
}
