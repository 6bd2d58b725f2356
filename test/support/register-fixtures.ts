import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the synthetic member registers and their expected outcomes live (copied from shared/data). */
export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures');

/**
 * The expected outcome of importing a register fixture, as its `<name>.expected.json` states it:
 * row counts, the rejected lines (line number → reason), members by branch, and totals in paise
 * and shares.
 */
export interface RegisterExpectation {
  readonly rows: number;
  readonly rejected_lines: Record<string, string>;
  readonly accepted: number;
  readonly accepted_by_branch: Record<string, number>;
  readonly savings_deposit_total_paise: number;
  readonly thrift_fund_total_paise: number;
  readonly shares_total: number;
}

/** Reads `test/fixtures/<register>.expected.json`, e.g. `registerExpectation('member-register-with-errors')`. */
export function registerExpectation(register: 'member-register' | 'member-register-with-errors'): RegisterExpectation {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${register}.expected.json`), 'utf8')) as RegisterExpectation;
}
