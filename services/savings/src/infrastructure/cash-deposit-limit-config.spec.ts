import { requireCashDepositWithinLimit } from '../domain/products/cash-deposit-limit-terms';
import { defaultCashDepositLimit, parseCashDepositLimit } from './cash-deposit-limit-config';

const schedule = parseCashDepositLimit({
  cashDeposit: [
    { effectiveFrom: '2025-04-01', terms: { maximumPaise: 5_000_000 } },
    { effectiveFrom: '2020-04-01', note: 'older', terms: { maximumPaise: 19_999_999 } },
  ],
});

describe('cash deposit limit', () => {
  it('applies the limit in force on the business date; the limit itself is accepted', () => {
    expect(requireCashDepositWithinLimit(schedule, '2024-06-03', 19_999_999)).toBe(19_999_999);
    expect(() => requireCashDepositWithinLimit(schedule, '2024-06-03', 20_000_000)).toThrow(
      expect.objectContaining({ code: 'DEPOSIT_ABOVE_LIMIT', field: 'amountPaise', details: { maximumPaise: 19_999_999 } }),
    );
    expect(() => requireCashDepositWithinLimit(schedule, '2025-04-01', 5_000_001)).toThrow(expect.objectContaining({ code: 'DEPOSIT_ABOVE_LIMIT' }));
    expect(() => requireCashDepositWithinLimit(schedule, '2019-01-01', 1)).toThrow(expect.objectContaining({ code: 'NO_TERMS_IN_FORCE' }));
  });

  it.each([
    [{ cashDeposit: [] }, /at least one/],
    [{ cashDeposit: [{ effectiveFrom: '2024-02-30', terms: { maximumPaise: 1 } }] }, /effectiveFrom/],
    [{ cashDeposit: [{ effectiveFrom: '2024-04-01', terms: { maximumPaise: 10.5 } }] }, /maximumPaise/],
    [{ cashDeposit: [{ effectiveFrom: '2024-04-01', terms: { maximumPaise: 0 } }] }, /maximumPaise/],
  ])('refuses an invalid file %#', (raw, message) => {
    expect(() => parseCashDepositLimit(raw)).toThrow(message);
  });

  it('ships a Rs 2,00,000 placeholder (2 lakh or more refused) marked as needing the co-operative’s confirmation', () => {
    expect(requireCashDepositWithinLimit(defaultCashDepositLimit(), '2026-11-29', 19_999_999)).toBe(19_999_999);
    expect(() => requireCashDepositWithinLimit(defaultCashDepositLimit(), '2026-11-29', 20_000_000)).toThrow(expect.objectContaining({ code: 'DEPOSIT_ABOVE_LIMIT' }));
  });
});
