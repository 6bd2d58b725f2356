import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EffectiveDated } from '@samabay/domain-kit';
import type { SavingsProducts } from '../domain/products/savings-products';
import { savingsProductsFileSchema } from './savings-products-schema';

/**
 * Validates parsed savings product configuration (the shape of config/savings-products.json: per product
 * an effective-dated list `[{ effectiveFrom: 'YYYY-MM-DD', note?, terms }]`; rates as decimal strings in
 * % p.a., amounts in integer paise) and returns it with every schedule oldest first and notes dropped.
 * Throws Error naming `origin` and every offending path.
 */
export function parseSavingsProducts(raw: unknown, origin = 'savings products'): SavingsProducts {
  const parsed = savingsProductsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid ${origin}: ${problems}`);
  }
  const file = parsed.data;
  return {
    savingsDeposit: sorted(file.savingsDeposit),
    thriftFund: sorted(file.thriftFund),
    recurringDeposit: sorted(file.recurringDeposit),
    fixedDeposit: sorted(file.fixedDeposit),
    monthlyIncome: sorted(file.monthlyIncome),
  };
}

/** Reads and validates a savings products JSON file. Throws Error for an unreadable file, bad JSON or a bad shape. */
export function loadSavingsProducts(filePath: string): SavingsProducts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read savings products from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseSavingsProducts(raw, filePath);
}

/**
 * The co-operative's savings products from services/savings/config/savings-products.json (DESIGN §8).
 * The build copies config/ beside the compiled code, so the same relative path serves src/ and dist/.
 * Throws Error when the file is missing or invalid.
 */
export function defaultSavingsProducts(): SavingsProducts {
  return loadSavingsProducts(path.resolve(__dirname, '..', '..', 'config', 'savings-products.json'));
}

function sorted<T>(entries: ReadonlyArray<{ effectiveFrom: string; terms: T }>): EffectiveDated<T> {
  return [...entries].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map(({ effectiveFrom, terms }) => ({ effectiveFrom, terms }));
}
