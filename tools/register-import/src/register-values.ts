/**
 * Parsers for the register's cell formats. Each returns the parsed value or the reason it is not
 * acceptable; none throws and none echoes the cell's text (it may be personal data).
 */

/** A parse outcome: the value, or why the text is not acceptable. */
export type Parsed<T, Reason extends string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: Reason };

const DD_MM_YYYY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2099;

/**
 * Parses a register date `dd/mm/yyyy` (day and month may lack the leading zero) into ISO
 * `YYYY-MM-DD`. Impossible dates (31/02/2011) and years outside 1900–2099 are `bad_date`.
 */
export function parseRegisterDate(text: string): Parsed<string, 'bad_date'> {
  const match = DD_MM_YYYY.exec(text.trim());
  if (!match) return { ok: false, reason: 'bad_date' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return { ok: false, reason: 'bad_date' };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { ok: false, reason: 'bad_date' };
  return { ok: true, value: `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Why a rupee amount is not acceptable. */
export type AmountProblem = 'missing_value' | 'not_a_number' | 'negative' | 'too_many_decimals' | 'out_of_range';

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$|^(-?)\.(\d+)$/;

/**
 * Parses a non-negative rupee amount with at most 2 decimals ("22728.25", "50", "0.5") into
 * integer paise. Thousands separators, currency signs and exponents are `not_a_number`; a minus
 * sign is `negative`; a third decimal (even "10.550") is `too_many_decimals`; more paise than a
 * safe integer holds is `out_of_range`. Blank is `missing_value` (a blank is not a zero balance).
 */
export function parseRupeesToPaise(text: string): Parsed<number, AmountProblem> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'missing_value' };
  const match = DECIMAL.exec(trimmed);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const negative = (match[1] ?? match[4]) === '-';
  const rupees = match[2] ?? '0';
  const decimals = match[3] ?? match[5] ?? '';
  if (negative) return { ok: false, reason: 'negative' };
  if (decimals.length > 2) return { ok: false, reason: 'too_many_decimals' };
  const paise = BigInt(rupees) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (paise > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'out_of_range' };
  return { ok: true, value: Number(paise) };
}

/** Why a share count is not acceptable. */
export type ShareCountProblem = 'not_a_number' | 'fractional_shares' | 'negative_shares' | 'zero_shares' | 'out_of_range';

const SHARE_COUNT = /^(-?)(\d+)(?:\.(\d+))?$/;
/** More shares than this in one register row is a typing error, not a holding (face value Rs 10 → Rs 10 crore). */
export const MAX_SHARES_PER_MEMBER = 10_000_000;

/**
 * Parses a whole, positive number of shares. "5.0" is 5 (spreadsheets write integers that way);
 * "2.5" is `fractional_shares`, "-1" `negative_shares`, "0" `zero_shares` (a member holds at least
 * one share — scheme rule, DESIGN §8), anything else `not_a_number`.
 */
export function parseShareCount(text: string): Parsed<number, ShareCountProblem> {
  const match = SHARE_COUNT.exec(text.trim());
  if (!match) return { ok: false, reason: 'not_a_number' };
  if (match[3] !== undefined && /[1-9]/.test(match[3])) return { ok: false, reason: 'fractional_shares' };
  const count = Number(match[2]);
  if (match[1] === '-' && count !== 0) return { ok: false, reason: 'negative_shares' };
  if (count === 0) return { ok: false, reason: 'zero_shares' };
  if (count > MAX_SHARES_PER_MEMBER) return { ok: false, reason: 'out_of_range' };
  return { ok: true, value: count };
}

/** A member's status as the platform names it. */
export type MemberStatus = 'ACTIVE' | 'INACTIVE' | 'EXITED';

/** Parses the register's status column (`active`, `inactive`, `exited`, any case). */
export function parseMemberStatus(text: string): Parsed<MemberStatus, 'unknown_status'> {
  const status = text.trim().toUpperCase();
  return status === 'ACTIVE' || status === 'INACTIVE' || status === 'EXITED' ? { ok: true, value: status } : { ok: false, reason: 'unknown_status' };
}

const INDIAN_MOBILE = /^[6-9]\d{9}$/;

/**
 * Normalises an optional phone number to the ten-digit Indian mobile number the membership service
 * keeps: spaces, hyphens and brackets dropped, a leading +91, 91 (12 digits) or 0 (11 digits)
 * removed; blank → null; anything else (landlines, short numbers) is `bad_phone`.
 */
export function parsePhone(text: string): Parsed<string | null, 'bad_phone'> {
  const compact = text.replace(/[\s\-()]/g, '');
  if (compact === '') return { ok: true, value: null };
  const national = compact.replace(/^\+91(?=\d{10}$)|^91(?=\d{10}$)|^0(?=\d{10}$)/, '');
  return INDIAN_MOBILE.test(national) ? { ok: true, value: national } : { ok: false, reason: 'bad_phone' };
}

/** Trims a free-text cell, collapses inner whitespace and applies Unicode NFC (Bengali names compare equal however typed); blank → ''. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
