import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidIsoDate } from '@samabay/domain-kit';
import { z } from 'zod';
import type { LoanProducts } from '../domain/product/loan-product';
import { LOAN_PURPOSES, type LoanPurpose } from '../domain/product/loan-purpose';

const paise = z.number().int().nonnegative().refine(Number.isSafeInteger, 'must be a safe integer of paise');
const count = z.number().int().nonnegative();
const decimalText = z.string().regex(/^\d{1,3}(?:\.\d{1,6})?$/, 'must be a decimal string like "12" or "9.4822"');
const isoDate = z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD');

const termsSchema = z
  .object({
    amortization: z.enum(['EMI_DECLINING', 'EQUAL_PRINCIPAL_DECLINING', 'FLAT']),
    frequency: z.enum(['MONTHLY', 'FORTNIGHTLY', 'WEEKLY']),
    dayCount: z.enum(['ACTUAL_365', 'THIRTY_360']),
    interest: z.object({ ratePercent: decimalText, per: z.enum(['YEAR', 'MONTH']), minRatePercent: decimalText, maxRatePercent: decimalText }).strict(),
    grace: z.object({ principalInstalments: count, interestInstalments: count }).strict(),
    rounding: z.object({ mode: z.enum(['HALF_UP', 'HALF_EVEN', 'HALF_DOWN', 'UP', 'DOWN', 'CEIL', 'FLOOR']), unit: z.enum(['PAISA', 'RUPEE']) }).strict(),
    limits: z.object({ minAmountPaise: paise.refine((v) => v > 0, 'must be more than 0'), maxAmountPaise: paise, minInstalments: count.min(1), maxInstalments: count }).strict(),
    eligibility: z.object({ minMembershipMonths: count, maxSavingsMultiple: decimalText, maxOpenLoans: count.min(1) }).strict(),
    guarantorRules: z.array(z.object({ fromAmountPaise: paise, guarantors: count }).strict()),
    latePenalty: z.object({ graceDays: count, flatPaise: paise, percentOfOverdue: decimalText }).strict().nullable(),
  })
  .strict()
  .superRefine((terms, context) => {
    const problem = (pathTo: (string | number)[], message: string) => context.addIssue({ code: 'custom', path: pathTo, message });
    const rate = Number(terms.interest.ratePercent);
    if (Number(terms.interest.minRatePercent) > rate || rate > Number(terms.interest.maxRatePercent)) problem(['interest'], 'the rate must lie within minRatePercent–maxRatePercent');
    if (terms.limits.minAmountPaise > terms.limits.maxAmountPaise) problem(['limits'], 'minAmountPaise is above maxAmountPaise');
    if (terms.limits.minInstalments > terms.limits.maxInstalments) problem(['limits'], 'minInstalments is above maxInstalments');
    if (terms.grace.principalInstalments >= terms.limits.minInstalments) problem(['grace', 'principalInstalments'], 'principal grace must be shorter than the shortest term');
    if (new Set(terms.guarantorRules.map((rule) => rule.fromAmountPaise)).size !== terms.guarantorRules.length) problem(['guarantorRules'], 'two rules start at the same amount');
  });

const productSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,8}$/, 'must be 2–8 upper-case letters'),
    name: z.string().min(1),
    purposes: z.array(z.enum(LOAN_PURPOSES as readonly [LoanPurpose, ...LoanPurpose[]])).min(1),
    terms: z.array(z.object({ effectiveFrom: isoDate, terms: termsSchema }).strict()).min(1, 'at least one dated entry is required'),
  })
  .strict()
  .refine((product) => new Set(product.terms.map((entry) => entry.effectiveFrom)).size === product.terms.length, {
    message: 'two entries take effect on the same date',
    path: ['terms'],
  });

const fileSchema = z
  .object({ source: z.string().min(1, 'say where the terms come from'), products: z.array(productSchema).min(1) })
  .strict()
  .refine((file) => new Set(file.products.map((product) => product.code)).size === file.products.length, { message: 'two products share a code', path: ['products'] });

/**
 * Validates parsed loan product configuration (the shape of config/loan-products.json:
 * `{ source, products: [{ code, name, purposes, terms: [{ effectiveFrom, terms: LoanProductTerms }] }] }`,
 * amounts integer paise, rates decimal strings) and returns the products, each schedule oldest first.
 * Besides the shape it checks the rate lies in its band, min ≤ max, principal grace < the shortest
 * term, unique codes, dates and guarantor thresholds. Throws Error naming `origin` and every offending path.
 */
export function parseLoanProducts(raw: unknown, origin = 'loan products'): LoanProducts {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid ${origin}: ${problems}`);
  }
  return parsed.data.products.map((product) => ({
    ...product,
    terms: [...product.terms].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
  }));
}

/** Reads and validates a loan products JSON file. Throws Error for an unreadable file, bad JSON or a bad shape. */
export function loadLoanProducts(filePath: string): LoanProducts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read loan products from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseLoanProducts(raw, filePath);
}

/**
 * The loan products shipped in services/lending/config/loan-products.json — PLACEHOLDER example terms
 * (see the file's `source`) until the co-operative confirms its own. The build copies config/ beside
 * the compiled code, so the same relative path serves src/ and dist/. Throws Error when missing or invalid.
 */
export function defaultLoanProducts(): LoanProducts {
  return loadLoanProducts(path.resolve(__dirname, '..', '..', 'config', 'loan-products.json'));
}
