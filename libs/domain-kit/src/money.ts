import Decimal from 'decimal.js';
import { ValidationError } from './domain-error';

/**
 * Money is an integer number of paise (1 rupee = 100 paise), always a safe integer (DESIGN §5).
 * Never a float: arithmetic beyond + and − goes through decimal.js with a named rounding mode.
 */
export type Paise = number;

/** Options for {@link rupeesToPaise} and {@link assertPaise}. */
export interface PaiseOptions {
  /** The input field named in a ValidationError. Default 'amount'. */
  readonly field?: string;
  /** Accept a leading '-' / a negative value. Default false: amounts are non-negative. */
  readonly allowNegative?: boolean;
}

/** Rounding modes by name, so every call site says which one it uses. */
export type PaiseRounding = 'HALF_UP' | 'HALF_EVEN' | 'HALF_DOWN' | 'UP' | 'DOWN' | 'CEIL' | 'FLOOR';

const ROUNDING: Readonly<Record<PaiseRounding, Decimal.Rounding>> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  HALF_DOWN: Decimal.ROUND_HALF_DOWN,
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  CEIL: Decimal.ROUND_CEIL,
  FLOOR: Decimal.ROUND_FLOOR,
};

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses rupees written as text into paise, strictly: digits, optionally '.' and one or two
 * decimals ("15", "15.5", "15.50"); no grouping commas, spaces, '+', exponent or leading '.'.
 * A leading '-' only when `allowNegative`. Throws ValidationError naming `field` with code
 * NOT_A_NUMBER ("12,5O0.00"), TOO_MANY_DECIMALS ("10.555"), NEGATIVE_AMOUNT ("-150.00" when
 * negatives are not allowed) or AMOUNT_TOO_LARGE (beyond a safe integer of paise).
 * Messages never repeat the input: a shifted CSV column could put a name there.
 */
export function rupeesToPaise(text: unknown, options: PaiseOptions = {}): Paise {
  const field = options.field ?? 'amount';
  const match = typeof text === 'string' ? NUMBER_TEXT.exec(text) : null;
  if (!match) throw new ValidationError(field, `${field} must be rupees written like 1250.00`, 'NOT_A_NUMBER');
  const [, sign, whole, decimals = ''] = match;
  if (decimals.length > 2) throw new ValidationError(field, `${field} has more than 2 decimals (paise)`, 'TOO_MANY_DECIMALS');
  const magnitude = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) throw new ValidationError(field, `${field} is too large`, 'AMOUNT_TOO_LARGE');
  if (sign === '-' && magnitude !== 0n && !options.allowNegative) {
    throw new ValidationError(field, `${field} must not be negative`, 'NEGATIVE_AMOUNT');
  }
  const paise = Number(magnitude);
  return sign === '-' && paise !== 0 ? -paise : paise;
}

/** Formats paise as rupees with exactly two decimals: 123450 → "1234.50", -5 → "-0.05". Throws RangeError for a non-safe-integer. */
export function formatPaiseAsRupees(paise: Paise): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError('paise must be a safe integer');
  const magnitude = Math.abs(paise);
  const rupees = Math.trunc(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  return `${paise < 0 ? '-' : ''}${rupees}.${rest}`;
}

/**
 * Asserts `value` is a safe integer of paise (non-negative unless `allowNegative`). Throws
 * ValidationError naming `field`: NOT_PAISE (not a safe integer), NEGATIVE_AMOUNT.
 */
export function assertPaise(value: unknown, field: string, options: Pick<PaiseOptions, 'allowNegative'> = {}): asserts value is Paise {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ValidationError(field, `${field} must be a whole number of paise`, 'NOT_PAISE');
  }
  if (value < 0 && !options.allowNegative) throw new ValidationError(field, `${field} must not be negative`, 'NEGATIVE_AMOUNT');
}

/** Adds amounts of paise; throws RangeError when an operand or the sum leaves the safe-integer range. */
export function addPaise(...amounts: Paise[]): Paise {
  const sum = amounts.reduce((total, amount) => {
    if (!Number.isSafeInteger(amount)) throw new RangeError('paise must be a safe integer');
    return total + amount;
  }, 0);
  if (!Number.isSafeInteger(sum)) throw new RangeError('sum of paise exceeds the safe-integer range');
  return sum;
}

/** Multiplies paise by a whole count (e.g. shares × face value); throws RangeError when the product is not a safe integer. */
export function multiplyPaise(paise: Paise, count: number): Paise {
  if (!Number.isSafeInteger(paise) || !Number.isSafeInteger(count)) throw new RangeError('paise and count must be safe integers');
  const product = paise * count;
  if (!Number.isSafeInteger(product)) throw new RangeError('product of paise exceeds the safe-integer range');
  return product === 0 ? 0 : product;
}

/**
 * Scales paise by a decimal factor given as text or Decimal (e.g. "0.05" or a day fraction of a
 * rate) in decimal.js, then rounds to whole paise with the named mode. Throws RangeError for a
 * non-finite factor or a result beyond the safe-integer range.
 */
export function scalePaise(paise: Paise, factor: string | Decimal, rounding: PaiseRounding): Paise {
  if (!Number.isSafeInteger(paise)) throw new RangeError('paise must be a safe integer');
  const exact = new Decimal(paise).times(factor);
  return decimalToPaise(exact, rounding);
}

/** Rounds a decimal number of paise to whole paise with the named mode; throws RangeError beyond the safe-integer range. */
export function decimalToPaise(value: Decimal, rounding: PaiseRounding): Paise {
  if (!value.isFinite()) throw new RangeError('amount is not finite');
  const rounded = value.toDecimalPlaces(0, ROUNDING[rounding]);
  if (rounded.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount exceeds the safe-integer range of paise');
  const paise = rounded.toNumber();
  return paise === 0 ? 0 : paise;
}
