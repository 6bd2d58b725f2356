/**
 * Both adapters hand rows back with the same JavaScript types, so code written against one runs
 * unchanged on the other:
 * - int8 (bigint, count(*)) and numeric → string (lossless; convert with BigInt/Number/decimal.js);
 * - date → 'YYYY-MM-DD' string (a business date has no time zone; pg would make a local-midnight Date);
 * - timestamptz → Date; json/jsonb → parsed value; int2/int4 → number; uuid, text, xid8 → string.
 */
export const PG_TYPE_OIDS = { int8: 20, date: 1082, numeric: 1700 } as const;

/** Returns the raw text for the types above whose driver default would lose precision or add a time zone. */
export const keepAsText = (value: string): string => value;
