import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidIsoDate } from '@samabay/domain-kit';
import { z } from 'zod';
import type { MembershipProducts } from '../domain/membership-products';

const paise = z.number().int().nonnegative().refine(Number.isSafeInteger, 'must be a safe integer of paise');

const membershipProductsFileSchema = z
  .object({
    source: z.string().optional(),
    admission: z
      .array(
        z
          .object({
            effectiveFrom: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD'),
            note: z.string().optional(),
            needsConfirmation: z.boolean().optional(),
            terms: z
              .object({
                admissionFeePaise: paise,
                shareFaceValuePaise: paise.refine((value) => value > 0, 'must be more than 0'),
                minimumShares: z.number().int().min(1),
                maxSharesPerMember: z.number().int().min(1).max(1_000_000_000),
                minimumAgeYears: z.number().int().min(0).max(120),
              })
              .strict()
              .refine((terms) => terms.minimumShares <= terms.maxSharesPerMember, {
                message: 'minimumShares must not exceed maxSharesPerMember',
                path: ['maxSharesPerMember'],
              }),
          })
          .strict(),
      )
      .min(1, 'at least one dated entry is required'),
  })
  .strict()
  .refine((file) => new Set(file.admission.map((entry) => entry.effectiveFrom)).size === file.admission.length, {
    message: 'two entries take effect on the same date',
    path: ['admission'],
  });

/**
 * Validates parsed membership product configuration (the shape of config/membership-products.json:
 * `{ source?, admission: [{ effectiveFrom: 'YYYY-MM-DD', note?, terms: { admissionFeePaise, shareFaceValuePaise, minimumShares,
 * maxSharesPerMember, minimumAgeYears } }] }`, amounts in integer paise) and returns it as an effective-dated schedule
 * ({ effectiveFrom, terms } entries; a `note` is documentation only), oldest first.
 * Throws Error naming `origin` and every offending path.
 */
export function parseMembershipProducts(raw: unknown, origin = 'membership products'): MembershipProducts {
  const parsed = membershipProductsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid ${origin}: ${problems}`);
  }
  return parsed.data.admission
    .map(({ effectiveFrom, terms }) => ({ effectiveFrom, terms }))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** Reads and validates a membership products JSON file. Throws Error for an unreadable file, bad JSON or a bad shape. */
export function loadMembershipProducts(filePath: string): MembershipProducts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read membership products from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseMembershipProducts(raw, filePath);
}

/**
 * The co-operative's membership products from services/membership/config/membership-products.json
 * (DESIGN §8; today Rs 5 admission fee = 500 paise, Rs 10 share face value = 1000 paise, at least one share,
 * at most 10,000 shares per member — a provisional limit the co-operative must confirm).
 * The build copies config/ beside the compiled code, so the same relative path serves src/ and dist/.
 * Throws Error when the file is missing or invalid.
 */
export function defaultMembershipProducts(): MembershipProducts {
  return loadMembershipProducts(path.resolve(__dirname, '..', '..', 'config', 'membership-products.json'));
}
