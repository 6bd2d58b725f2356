import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { termsOn } from '@samabay/domain-kit';
import { defaultMembershipProducts, loadMembershipProducts, parseMembershipProducts } from './membership-products-config';

const entry = (effectiveFrom: string, admissionFeePaise = 500, shareFaceValuePaise = 1000, minimumShares = 1, maxSharesPerMember = 10_000, minimumAgeYears = 18) => ({
  effectiveFrom,
  terms: { admissionFeePaise, shareFaceValuePaise, minimumShares, maxSharesPerMember, minimumAgeYears },
});

describe('membership product configuration', () => {
  it('ships today\'s terms: Rs 5 admission fee, Rs 10 a share, at least one share, at most 10,000 (provisional) a member', () => {
    expect(termsOn(defaultMembershipProducts(), '2026-11-29')).toEqual({ admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 });
  });

  it('keeps a note beside an entry out of the schedule', () => {
    expect(parseMembershipProducts({ admission: [{ ...entry('1995-01-01'), note: 'to be confirmed by the co-operative' }] })).toEqual([entry('1995-01-01')]);
  });

  it('covers every admission date of the legacy register (from 1995)', () => {
    expect(termsOn(defaultMembershipProducts(), '1995-06-22').shareFaceValuePaise).toBe(1000);
  });

  it('returns the schedule oldest first whatever the file order', () => {
    const products = parseMembershipProducts({ admission: [entry('2030-04-01', 700, 2000, 2), entry('1995-01-01')] });
    expect(products.map((item) => item.effectiveFrom)).toEqual(['1995-01-01', '2030-04-01']);
    expect(termsOn(products, '2030-04-01').admissionFeePaise).toBe(700);
  });

  it.each<[string, unknown, string]>([
    ['no entries', { admission: [] }, 'admission'],
    ['an impossible date', { admission: [entry('2026-02-30')] }, 'admission.0.effectiveFrom'],
    ['fractional paise', { admission: [entry('1995-01-01', 5.5)] }, 'admission.0.terms.admissionFeePaise'],
    ['a free share', { admission: [entry('1995-01-01', 500, 0)] }, 'admission.0.terms.shareFaceValuePaise'],
    ['zero minimum shares', { admission: [entry('1995-01-01', 500, 1000, 0)] }, 'admission.0.terms.minimumShares'],
    ['no share limit', { admission: [{ effectiveFrom: '1995-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1 } }] }, 'admission.0.terms.maxSharesPerMember'],
    ['no minimum age', { admission: [{ effectiveFrom: '1995-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10 } }] }, 'admission.0.terms.minimumAgeYears'],
    ['a share limit below the minimum', { admission: [entry('1995-01-01', 500, 1000, 5, 4)] }, 'admission.0.terms.maxSharesPerMember'],
    ['an unknown field', { admission: [{ ...entry('1995-01-01'), rate: '5' }] }, 'admission.0'],
    ['two entries on one date', { admission: [entry('1995-01-01'), entry('1995-01-01', 600)] }, 'admission'],
    ['amounts as text', { admission: [entry('1995-01-01', '500' as unknown as number)] }, 'admission.0.terms.admissionFeePaise'],
  ])('rejects %s, naming the path', (_label, raw, offendingPath) => {
    expect(() => parseMembershipProducts(raw, 'test config')).toThrow(new RegExp(`invalid test config: .*${offendingPath.replace(/\./g, '\\.')}`));
  });

  it('reports an unreadable or non-JSON file with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'membership-products-'));
    try {
      const file = path.join(dir, 'products.json');
      writeFileSync(file, '{ not json');
      expect(() => loadMembershipProducts(file)).toThrow(`cannot read membership products from ${file}`);
      expect(() => loadMembershipProducts(path.join(dir, 'missing.json'))).toThrow('cannot read membership products');
      writeFileSync(file, JSON.stringify({ admission: [entry('1995-01-01')] }));
      expect(loadMembershipProducts(file)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
