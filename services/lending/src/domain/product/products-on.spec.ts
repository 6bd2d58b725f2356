import { TEST_TERMS } from '../../testing/loan-fixtures';
import type { LoanProducts } from './loan-product';
import { loanProductsOn } from './products-on';

const products: LoanProducts = [
  {
    code: 'MED',
    name: 'Medical loan',
    purposes: ['MEDICAL'],
    terms: [
      { effectiveFrom: '2024-04-01', terms: { ...TEST_TERMS, interest: { ...TEST_TERMS.interest, ratePercent: '11' } } },
      { effectiveFrom: '2020-04-01', terms: TEST_TERMS },
    ],
  },
  { code: 'EDU', name: 'Education loan', purposes: ['EDUCATION'], terms: [{ effectiveFrom: '2020-04-01', terms: TEST_TERMS }] },
  { code: 'BIZ', name: 'Business loan', purposes: ['BUSINESS'], terms: [{ effectiveFrom: '2030-01-01', terms: TEST_TERMS }] },
];

describe('loan products in force on a date', () => {
  it('lists each product offered that day with the terms then in force, by code; a rate change applies from its date forward', () => {
    expect(loanProductsOn(products, '2024-03-31').map((offer) => [offer.code, offer.effectiveFrom, offer.terms.interest.ratePercent])).toEqual([
      ['EDU', '2020-04-01', TEST_TERMS.interest.ratePercent],
      ['MED', '2020-04-01', TEST_TERMS.interest.ratePercent],
    ]);
    expect(loanProductsOn(products, '2024-04-01').find((offer) => offer.code === 'MED')).toMatchObject({ effectiveFrom: '2024-04-01', terms: { interest: { ratePercent: '11' } } });
  });

  it('leaves out a product not offered yet, and lists nothing before every product', () => {
    expect(loanProductsOn(products, '2030-01-01').map((offer) => offer.code)).toEqual(['BIZ', 'EDU', 'MED']);
    expect(loanProductsOn(products, '2019-01-01')).toEqual([]);
  });
});
