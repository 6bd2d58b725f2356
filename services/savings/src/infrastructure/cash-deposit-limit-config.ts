import { isValidIsoDate, type EffectiveDated } from '@samabay/domain-kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CashDepositLimitTerms } from '../domain/products/cash-deposit-limit-terms';

const fileSchema = z
  .object({
    source: z.string().optional(),
    cashDeposit: z
      .array(
        z
          .object({
            effectiveFrom: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD'),
            note: z.string().optional(),
            terms: z.object({ maximumPaise: z.number().int().positive().refine(Number.isSafeInteger, 'must be a safe integer of paise') }).strict(),
          })
          .strict(),
      )
      .min(1, 'at least one dated entry is required')
      .refine((entries) => new Set(entries.map((entry) => entry.effectiveFrom)).size === entries.length, 'two entries take effect on the same date'),
  })
  .strict();

/**
 * Validates the cash-deposit limit configuration (`{ cashDeposit: [{ effectiveFrom, note?, terms:
 * { maximumPaise } }] }`) and returns the schedule oldest first. Throws Error naming `origin` and every offending path.
 */
export function parseCashDepositLimit(raw: unknown, origin = 'cash deposit limit'): EffectiveDated<CashDepositLimitTerms> {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid ${origin}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`);
  }
  return [...parsed.data.cashDeposit].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map(({ effectiveFrom, terms }) => ({ effectiveFrom, terms }));
}

/** The co-operative's cash-deposit limit from services/savings/config/cash-deposit-limit.json. Throws Error when missing or invalid. */
export function defaultCashDepositLimit(): EffectiveDated<CashDepositLimitTerms> {
  const file = path.resolve(__dirname, '..', '..', 'config', 'cash-deposit-limit.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the cash deposit limit from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseCashDepositLimit(raw, file);
}
