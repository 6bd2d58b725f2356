import { isValidIsoDate, type EffectiveDated } from '@samabay/domain-kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { WithdrawalApprovalTerms } from '../domain/products/withdrawal-approval-terms';

const fileSchema = z
  .object({
    source: z.string().optional(),
    largeWithdrawal: z
      .array(
        z
          .object({
            effectiveFrom: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD'),
            note: z.string().optional(),
            terms: z
              .object({
                approvalAbovePaise: z.number().int().positive().refine(Number.isSafeInteger, 'must be a safe integer of paise'),
                checkerRoles: z.array(z.enum(['branch_manager', 'head_office', 'admin'])).min(1),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1, 'at least one dated entry is required')
      .refine((entries) => new Set(entries.map((entry) => entry.effectiveFrom)).size === entries.length, 'two entries take effect on the same date'),
  })
  .strict();

/**
 * Validates the withdrawal-approval configuration (`{ largeWithdrawal: [{ effectiveFrom, note?, terms:
 * { approvalAbovePaise, checkerRoles } }] }`; checker roles among branch_manager, head_office, admin)
 * and returns the schedule oldest first. Throws Error naming `origin` and every offending path.
 */
export function parseWithdrawalApproval(raw: unknown, origin = 'withdrawal approval'): EffectiveDated<WithdrawalApprovalTerms> {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid ${origin}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`);
  }
  return [...parsed.data.largeWithdrawal].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map(({ effectiveFrom, terms }) => ({ effectiveFrom, terms }));
}

/** The co-operative's withdrawal-approval schedule from services/savings/config/withdrawal-approval.json. Throws Error when missing or invalid. */
export function defaultWithdrawalApproval(): EffectiveDated<WithdrawalApprovalTerms> {
  const file = path.resolve(__dirname, '..', '..', 'config', 'withdrawal-approval.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read withdrawal approval terms from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseWithdrawalApproval(raw, file);
}
