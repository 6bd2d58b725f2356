import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatPaiseAsRupees, termsOn } from '@samabay/domain-kit';
import { recurringDepositMaturityValue } from '../domain/interest/recurring-deposit-maturity';
import { defaultSavingsProducts, loadSavingsProducts, parseSavingsProducts } from './savings-products-config';

const shipped = (): Record<string, unknown> => JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'config', 'savings-products.json'), 'utf8'));

/** The shipped file with `edit` applied to a deep copy. */
function edited(edit: (file: any) => void): unknown {
  const file = shipped();
  edit(file);
  return file;
}

describe('savings product configuration', () => {
  it('ships the published rates: Savings Deposit 5% and Thrift Fund 7% p.a., from the register\'s first year', () => {
    const products = defaultSavingsProducts();
    expect(termsOn(products.savingsDeposit, '2026-11-29').annualRatePercent).toBe('5.00');
    expect(termsOn(products.thriftFund, '1995-06-22').annualRatePercent).toBe('7.00');
  });

  it('ships the published maturity table: the six published values to the rupee', () => {
    const rd = termsOn(defaultSavingsProducts().recurringDeposit, '2026-11-29');
    const valueOf = (rupees: number, years: number) => {
      const row = rd.tenures.find((tenure) => tenure.years === years);
      return formatPaiseAsRupees(recurringDepositMaturityValue(rupees * 100, row?.maturityFactorPerRupee ?? 'missing', rd.maturityRounding));
    };
    expect([1, 2, 3].map((years) => valueOf(50, years))).toEqual(['630.00', '1292.00', '1987.00']);
    expect([1, 2, 3].map((years) => valueOf(200, years))).toEqual(['2520.00', '5168.00', '7948.00']);
    expect(rd.missedInstalmentFine.bands).toEqual([
      { overTenureYears: 0, finePerHundredPaise: 200 },
      { overTenureYears: 5, finePerHundredPaise: 150 },
    ]);
    expect(rd.prematureClosure.penaltyPercentagePoints).toBe('1.00');
  });

  it('offers Fixed Deposit and Monthly Income Scheme on placeholder terms marked as needing the co-operative\'s confirmation', () => {
    const products = defaultSavingsProducts();
    expect(termsOn(products.fixedDeposit, '2026-11-29')).toMatchObject({ compounding: 'QUARTERLY', prematurePenaltyPercentagePoints: '1.00' });
    expect(termsOn(products.monthlyIncome, '2026-11-29').tenureMonths).toEqual([36, 60]);
    const file = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'config', 'savings-products.json'), 'utf8')) as Record<string, Array<{ note: string }>>;
    for (const entry of [...file.fixedDeposit, ...file.monthlyIncome]) expect(entry.note).toMatch(/^PLACEHOLDER - NEEDS THE CO-OPERATIVE'S CONFIRMATION/);
    expect(() => termsOn(products.monthlyIncome, '1994-12-31')).toThrow('no terms are in force');
  });

  it('returns schedules oldest first and drops notes', () => {
    const products = parseSavingsProducts(
      edited((file) => {
        file.savingsDeposit.unshift({ effectiveFrom: '2027-04-01', terms: { ...file.savingsDeposit[0].terms, annualRatePercent: '5.50' } });
      }),
    );
    expect(products.savingsDeposit.map((entry) => entry.effectiveFrom)).toEqual(['1995-01-01', '2027-04-01']);
    expect(termsOn(products.savingsDeposit, '2027-03-31').annualRatePercent).toBe('5.00');
    expect(termsOn(products.savingsDeposit, '2027-04-01').annualRatePercent).toBe('5.50');
    expect(Object.keys(products.savingsDeposit[0])).toEqual(['effectiveFrom', 'terms']);
  });

  it.each<[string, (file: any) => void, string]>([
    ['a rate with a percent sign', (file) => (file.savingsDeposit[0].terms.annualRatePercent = '5%'), 'savingsDeposit.0.terms.annualRatePercent'],
    ['a rate as a number', (file) => (file.thriftFund[0].terms.annualRatePercent = 7), 'thriftFund.0.terms.annualRatePercent'],
    ['posting more often than accrual', (file) => (file.savingsDeposit[0].terms.interest.accrualPeriod = 'YEARLY'), 'savingsDeposit.0.terms.interest.postingPeriod'],
    ['a 31st-day minimum-balance window', (file) => (file.savingsDeposit[0].terms.interest.balanceMethod.fromDayOfMonth = 31), 'savingsDeposit.0.terms.interest.balanceMethod.fromDayOfMonth'],
    ['an unknown rounding mode', (file) => (file.savingsDeposit[0].terms.interest.rounding.mode = 'BANKERS'), 'savingsDeposit.0.terms.interest.rounding.mode'],
    ['an unknown days-in-year', (file) => (file.thriftFund[0].terms.interest.daysInYear = '364'), 'thriftFund.0.terms.interest.daysInYear'],
    ['fractional paise', (file) => (file.savingsDeposit[0].terms.minimumBalancePaise = 10.5), 'savingsDeposit.0.terms.minimumBalancePaise'],
    ['a maturity factor in exponent form', (file) => (file.recurringDeposit[0].terms.tenures[0].maturityFactorPerRupee = '1.26e1'), 'recurringDeposit.0.terms.tenures.0.maturityFactorPerRupee'],
    ['a tenure listed twice', (file) => file.recurringDeposit[0].terms.tenures.push({ years: 1, maturityFactorPerRupee: '12.70' }), 'recurringDeposit.0.terms.tenures'],
    ['fine bands not covering short tenures', (file) => file.recurringDeposit[0].terms.missedInstalmentFine.bands.shift(), 'recurringDeposit.0.terms.missedInstalmentFine.bands'],
    ['two entries on one date', (file) => file.thriftFund.push(file.thriftFund[0]), 'thriftFund'],
    ['no Savings Deposit terms', (file) => (file.savingsDeposit = []), 'savingsDeposit'],
    ['an unknown field', (file) => (file.savingsDeposit[0].terms.overdraft = true), 'savingsDeposit.0.terms'],
    ['an impossible date', (file) => (file.recurringDeposit[0].effectiveFrom = '1995-02-29'), 'recurringDeposit.0.effectiveFrom'],
  ])('rejects %s, naming the path', (_label, edit, offendingPath) => {
    expect(() => parseSavingsProducts(edited(edit), 'test config')).toThrow(new RegExp(`invalid test config: .*${offendingPath.replace(/\./g, '\\.')}`));
  });

  it('reports an unreadable or non-JSON file with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'savings-products-'));
    try {
      const file = path.join(dir, 'products.json');
      writeFileSync(file, '{ not json');
      expect(() => loadSavingsProducts(file)).toThrow(`cannot read savings products from ${file}`);
      expect(() => loadSavingsProducts(path.join(dir, 'missing.json'))).toThrow('cannot read savings products');
      writeFileSync(file, JSON.stringify(shipped()));
      expect(loadSavingsProducts(file).thriftFund).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
