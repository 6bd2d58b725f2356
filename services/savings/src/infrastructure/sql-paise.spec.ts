import { DomainError } from '@samabay/domain-kit';
import { paiseFromSql, sumPaise } from './sql-paise';

describe('paise totals from SQL', () => {
  it('passes safe integers through and reads null as 0', () => {
    expect(paiseFromSql('9007199254740991', 'balance')).toBe(Number.MAX_SAFE_INTEGER);
    expect(paiseFromSql(null, 'balance')).toBe(0);
    expect(sumPaise([1, 2, 3], 'receipts')).toBe(6);
  });

  it('refuses a total beyond 2^53 − 1 paise with a typed error naming the field, never a rounded number', () => {
    const tooLarge = () => paiseFromSql('10000000000000000', 'balance');
    expect(tooLarge).toThrow(DomainError);
    expect(tooLarge).toThrow(expect.objectContaining({ code: 'TOTAL_TOO_LARGE', field: 'balance' }));
    expect(() => sumPaise([Number.MAX_SAFE_INTEGER, 1], 'receipts')).toThrow(expect.objectContaining({ code: 'TOTAL_TOO_LARGE', field: 'receipts' }));
  });
});
