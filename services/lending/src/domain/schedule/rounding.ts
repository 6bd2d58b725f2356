import { decimalToPaise, multiplyPaise, type Paise } from '@samabay/domain-kit';
import type Decimal from 'decimal.js';
import type { RoundingRule } from '../product/loan-product';

/** Rounds an exact amount of paise (Decimal) to whole paise with the rule's named mode (`rule.unit` ignored). */
export function roundToPaise(exactPaise: Decimal, rule: RoundingRule): Paise {
  return decimalToPaise(exactPaise, rule.mode);
}

/**
 * Rounds an exact amount of paise (Decimal) to the rule's unit with its named mode: whole paise, or
 * whole rupees (a multiple of 100 paise) — e.g. 315148.50 paise → 315149 (PAISA, HALF_UP) or 315100 (RUPEE, HALF_UP).
 */
export function roundToUnit(exactPaise: Decimal, rule: RoundingRule): Paise {
  if (rule.unit === 'PAISA') return decimalToPaise(exactPaise, rule.mode);
  return multiplyPaise(decimalToPaise(exactPaise.dividedBy(100), rule.mode), 100);
}
