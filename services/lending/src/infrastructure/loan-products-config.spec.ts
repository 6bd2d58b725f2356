import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { termsOn } from '@samabay/domain-kit';
import { LOAN_PURPOSES } from '../domain/product/loan-purpose';
import { generateSchedule } from '../domain/schedule/generate-schedule';
import { defaultLoanProducts, loadLoanProducts, parseLoanProducts } from './loan-products-config';

const shipped = (): { source: string; products: Array<{ code: string; terms: Array<{ effectiveFrom: string; terms: Record<string, unknown> }> }> } =>
  JSON.parse(JSON.stringify({ source: 'test', products: defaultLoanProducts() }));

describe('loan product configuration', () => {
  it('ships a product for every purpose, each with terms in force today and labelled as placeholders', () => {
    const products = defaultLoanProducts();
    for (const purpose of LOAN_PURPOSES) expect(products.some((product) => product.purposes.includes(purpose))).toBe(true);
    for (const product of products) expect(termsOn(product.terms, '2026-11-29').limits.maxAmountPaise).toBeGreaterThan(0);
    const file = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'config', 'loan-products.json'), 'utf8'));
    expect(file.source).toMatch(/PLACEHOLDER/);
  });

  it('every shipped product schedules its smallest and largest loan over its shortest and longest term', () => {
    for (const product of defaultLoanProducts()) {
      const terms = termsOn(product.terms, '2026-11-29');
      for (const [principalPaise, numberOfInstalments] of [
        [terms.limits.minAmountPaise, terms.limits.minInstalments],
        [terms.limits.maxAmountPaise, terms.limits.maxInstalments],
      ]) {
        const schedule = generateSchedule({ principalPaise, numberOfInstalments, rate: terms.interest, startDate: '2026-11-29', terms });
        expect(schedule.totalPrincipalPaise).toBe(principalPaise);
      }
    }
  });

  it('returns each product\'s schedule oldest first whatever the file order', () => {
    const raw = shipped();
    const [edu] = raw.products;
    edu.terms = [{ ...edu.terms[0], effectiveFrom: '2030-04-01' }, edu.terms[0]];
    expect(parseLoanProducts(raw)[0].terms.map((entry) => entry.effectiveFrom)).toEqual(['2020-04-01', '2030-04-01']);
  });

  const broken = (mutate: (terms: Record<string, any>) => void): unknown => {
    const raw = shipped();
    mutate(raw.products[0].terms[0].terms);
    return raw;
  };

  it.each<[string, unknown, string]>([
    ['a rate outside its band', broken((t) => (t.interest.ratePercent = '11')), 'products.0.terms.0.terms.interest'],
    ['a rate as a number', broken((t) => (t.interest.ratePercent = 9)), 'products.0.terms.0.terms.interest.ratePercent'],
    ['min amount above max', broken((t) => (t.limits.minAmountPaise = 9_000_000)), 'products.0.terms.0.terms.limits'],
    ['fractional paise', broken((t) => (t.limits.maxAmountPaise = 10.5)), 'products.0.terms.0.terms.limits.maxAmountPaise'],
    ['grace as long as the shortest term', broken((t) => (t.grace.principalInstalments = 6)), 'products.0.terms.0.terms.grace.principalInstalments'],
    ['an unknown method', broken((t) => (t.amortization = 'BALLOON')), 'products.0.terms.0.terms.amortization'],
    ['an unknown field', broken((t) => (t.compounding = true)), 'products.0.terms.0.terms'],
    ['two guarantor rules at one amount', broken((t) => (t.guarantorRules = [{ fromAmountPaise: 1, guarantors: 1 }, { fromAmountPaise: 1, guarantors: 2 }])), 'products.0.terms.0.terms.guarantorRules'],
  ])('rejects %s, naming the path', (_label, raw, offendingPath) => {
    expect(() => parseLoanProducts(raw, 'test config')).toThrow(new RegExp(`invalid test config: .*${offendingPath.replace(/\./g, '\\.')}`));
  });

  it('rejects duplicate product codes, a missing source and an unknown purpose', () => {
    const raw = shipped();
    expect(() => parseLoanProducts({ ...raw, products: [raw.products[0], raw.products[0]] })).toThrow(/products: two products share a code/);
    expect(() => parseLoanProducts({ products: raw.products })).toThrow(/source/);
    expect(() => parseLoanProducts({ ...raw, products: [{ ...raw.products[0], purposes: ['GAMBLING'] }] })).toThrow(/products\.0\.purposes\.0/);
  });

  it('reports an unreadable or non-JSON file with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loan-products-'));
    try {
      const file = path.join(dir, 'products.json');
      writeFileSync(file, '{ not json');
      expect(() => loadLoanProducts(file)).toThrow(`cannot read loan products from ${file}`);
      expect(() => loadLoanProducts(path.join(dir, 'missing.json'))).toThrow('cannot read loan products');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
