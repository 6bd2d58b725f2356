import { givenWhenThen } from '@samabay/domain-kit';
import type { MembershipProducts } from '../membership-products';
import type { SealedPersonalData } from '../sealed-personal-data';
import type { AdmitMember, ChangeNominee, ExitMember, ImportMember, PurchaseShares } from './member-commands';
import { createMemberDecider } from './member-decider';
import type { MemberEvent } from './member-events';
import { yearsCompleted } from './member-validation';

/** Rs 5 + Rs 10 a share until 2030; from 2030-04-01 (a made-up revision) Rs 7 + Rs 20 a share, at least 2. */
const products: MembershipProducts = [
  { effectiveFrom: '1990-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 } },
  { effectiveFrom: '2030-04-01', terms: { admissionFeePaise: 700, shareFaceValuePaise: 2000, minimumShares: 2, maxSharesPerMember: 500, minimumAgeYears: 18 } },
];
const spec = givenWhenThen(createMemberDecider(products));

const sealed = (label: string): SealedPersonalData => ({ v: 1, alg: 'A256GCM', iv: `iv-${label}`, ciphertext: `ct-${label}`, tag: `tag-${label}` });

const admit: AdmitMember = {
  type: 'AdmitMember',
  memberNo: 'SNG-000123',
  branchCode: 'SNG',
  businessDate: '2026-11-02',
  today: '2026-11-02',
  shares: 1,
  personal: { fullName: 'Test Member', dateOfBirth: '1980-05-17', phone: '9800000001', locality: 'Test Lane' },
  nominee: { name: 'Test Nominee', relation: 'daughter' },
  sealedPersonal: sealed('personal'),
  sealedNominee: sealed('nominee'),
};

const admitted: MemberEvent = {
  type: 'MemberAdmitted',
  data: {
    memberNo: 'SNG-000123',
    branchCode: 'SNG',
    admissionDate: '2026-11-02',
    shares: 1,
    shareFaceValuePaise: 1000,
    admissionFeePaise: 500,
    amountCollectedPaise: 1500,
    shareCapitalPaise: 1000,
    personal: sealed('personal'),
    nominee: sealed('nominee'),
  },
};

const legacy: ImportMember = {
  type: 'ImportMember',
  memberNo: 'KLG-000003',
  branchCode: 'KLG',
  businessDate: '2005-11-27',
  today: '2026-11-29',
  sharesHeld: 10,
  status: 'ACTIVE',
  personal: { fullName: 'Legacy Member', dateOfBirth: '1984-03-15', phone: null, locality: 'Test Road' },
  nominee: { name: 'Legacy Nominee', relation: 'son' },
  sealedPersonal: sealed('legacy'),
  sealedNominee: sealed('legacy-nominee'),
};

const registered: MemberEvent = {
  type: 'MemberRegisteredFromLegacyRegister',
  data: {
    memberNo: 'KLG-000003',
    branchCode: 'KLG',
    admissionDate: '2005-11-27',
    sharesHeld: 10,
    shareFaceValuePaise: 1000,
    shareCapitalPaise: 10000,
    personal: sealed('legacy'),
    nominee: sealed('legacy-nominee'),
  },
};

describe('member decider: AdmitMember', () => {
  it('admits for Rs 15 with one share: Rs 5 fee + Rs 10 share capital', () => {
    spec.given([]).when(admit).then([admitted]);
  });

  it('charges the terms in force on the business date', () => {
    spec
      .given([])
      .when({ ...admit, businessDate: '2030-04-01', today: '2030-04-01', shares: 3 })
      .then([
        {
          type: 'MemberAdmitted',
          data: { ...admitted.data, admissionDate: '2030-04-01', shares: 3, shareFaceValuePaise: 2000, admissionFeePaise: 700, shareCapitalPaise: 6000, amountCollectedPaise: 6700 },
        } as MemberEvent,
      ]);
  });

  it('admits without a nominee or phone', () => {
    spec
      .given([])
      .when({ ...admit, nominee: null, sealedNominee: null, personal: { fullName: 'Test Member', dateOfBirth: '1980-05-17' } })
      .then([{ type: 'MemberAdmitted', data: { ...admitted.data, nominee: null } } as MemberEvent]);
  });

  it('admits a person on her 18th birthday and refuses her the day before (minimum age in force on the admission date)', () => {
    spec
      .given([])
      .when({ ...admit, personal: { ...admit.personal, dateOfBirth: '2008-11-02' } })
      .then([admitted]);
    spec.given([]).when({ ...admit, personal: { ...admit.personal, dateOfBirth: '2008-11-03' } }).thenThrows('BELOW_MINIMUM_AGE', 'personal.dateOfBirth');
    spec.given([]).when({ ...admit, personal: { ...admit.personal, dateOfBirth: '2020-01-01' } }).thenThrows('BELOW_MINIMUM_AGE', 'personal.dateOfBirth');
    const sixteen = givenWhenThen(createMemberDecider([{ effectiveFrom: '1990-01-01', terms: { ...products[0].terms, minimumAgeYears: 16 } }]));
    sixteen.given([]).when({ ...admit, personal: { ...admit.personal, dateOfBirth: '2010-11-02' } }).then([admitted]);
  });

  it('does not apply the minimum age to a legacy register member (admitted under the rules of her day)', () => {
    spec.given([]).when({ ...legacy, personal: { ...legacy.personal, dateOfBirth: '1990-01-01' } }).then([registered]);
  });

  it('counts whole years completed, a 29 February birthday reached on 1 March in a common year', () => {
    expect(yearsCompleted('2000-02-29', '2018-02-28')).toBe(17);
    expect(yearsCompleted('2000-02-29', '2018-03-01')).toBe(18);
    expect(yearsCompleted('2000-05-17', '2018-05-16')).toBe(17);
    expect(yearsCompleted('2000-05-17', '2018-05-17')).toBe(18);
  });

  it.each([0, -1, 1.5, Number.NaN, '2' as unknown as number])('rejects %p shares', (shares) => {
    spec.given([]).when({ ...admit, shares }).thenThrows('INVALID_SHARES', 'shares');
  });

  it('rejects fewer shares than the product minimum on that date', () => {
    spec.given([]).when({ ...admit, businessDate: '2030-05-01', today: '2030-05-01', shares: 1 }).thenThrows('BELOW_MINIMUM_SHARES', 'shares');
  });

  it('rejects a share amount beyond a safe integer of paise (under a limit that allows it)', () => {
    const unlimited = givenWhenThen(createMemberDecider([{ effectiveFrom: '1990-01-01', terms: { ...products[0].terms, maxSharesPerMember: Number.MAX_SAFE_INTEGER } }]));
    unlimited.given([]).when({ ...admit, shares: Number.MAX_SAFE_INTEGER }).thenThrows('AMOUNT_TOO_LARGE', 'shares');
  });

  it.each([10_001, 2_147_483_647, Number.MAX_SAFE_INTEGER])('rejects %p shares, above the product limit of 10,000 per member', (shares) => {
    spec.given([]).when({ ...admit, shares }).thenThrows('SHARES_ABOVE_LIMIT', 'shares');
  });

  it('accepts exactly the product limit', () => {
    const events = createMemberDecider(products).decide({ ...admit, shares: 10_000 }, null);
    expect(events[0].data).toMatchObject({ shares: 10_000, shareCapitalPaise: 10_000_000 });
  });

  it.each<[string, string, string]>([
    ['fullName', 'A\u0000B', 'personal.fullName'],
    ['fullName', 'Test\u0085Member', 'personal.fullName'],
    ['fullName', 'Test\u007fMember', 'personal.fullName'],
    ['fullName', 'Test\tMember', 'personal.fullName'],
    ['phone', '98000\u000000001', 'personal.phone'],
    ['locality', 'Test\u0000Lane', 'personal.locality'],
  ])('rejects a control character in personal.%s as INVALID_CHARACTERS', (key, value, field) => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, [key]: value } }).thenThrows('INVALID_CHARACTERS', field);
  });

  it.each<[string, { name: string; relation: string }, string]>([
    ['name', { name: 'Test\u0000Nominee', relation: 'son' }, 'nominee.name'],
    ['relation', { name: 'Test Nominee', relation: 's\u0000n' }, 'nominee.relation'],
  ])('rejects a control character in the nominee %s as INVALID_CHARACTERS', (_key, nominee, field) => {
    spec.given([]).when({ ...admit, nominee }).thenThrows('INVALID_CHARACTERS', field);
  });

  it.each(['\u200b', ' \u200b\u200d ', '\ufeff', '\u2060\u00a0'])('rejects a name of only invisible characters %j as EMPTY_NAME', (fullName) => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, fullName } }).thenThrows('EMPTY_NAME', 'personal.fullName');
    spec.given([]).when({ ...admit, nominee: { name: fullName, relation: 'son' } }).thenThrows('EMPTY_NAME', 'nominee.name');
  });

  it('keeps a name whose joiners sit between visible letters (Bengali conjuncts use ZWJ/ZWNJ)', () => {
    const events = createMemberDecider(products).decide({ ...admit, personal: { ...admit.personal, fullName: 'র\u200dয' } }, null);
    expect(events).toHaveLength(1);
  });

  it.each([' ', '', '\t'])('rejects the blank name %p', (fullName) => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, fullName } }).thenThrows('EMPTY_NAME', 'personal.fullName');
  });

  it('rejects a name longer than 200 characters', () => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, fullName: 'ক'.repeat(201) } }).thenThrows('NAME_TOO_LONG', 'personal.fullName');
  });

  it.each(['1980-02-30', '17/05/1980', '1980-5-17', ''])('rejects the impossible or malformed date of birth %p', (dateOfBirth) => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, dateOfBirth } }).thenThrows('BAD_DATE', 'personal.dateOfBirth');
  });

  it('rejects admission before birth', () => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, dateOfBirth: '2026-11-03' } }).thenThrows('ADMITTED_BEFORE_BIRTH', 'personal.dateOfBirth');
  });

  it.each(['2026-02-29', '2026-13-01', 'yesterday'])('rejects the impossible business date %p', (businessDate) => {
    spec.given([]).when({ ...admit, businessDate }).thenThrows('BAD_DATE', 'businessDate');
  });

  it('rejects a business date after today', () => {
    spec.given([]).when({ ...admit, businessDate: '2026-11-03' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
  });

  it('rejects a business date before any membership terms were in force', () => {
    spec
      .given([])
      .when({ ...admit, businessDate: '1989-12-31', personal: { ...admit.personal, dateOfBirth: '1960-01-01' } })
      .thenThrows('NO_TERMS_IN_FORCE', 'businessDate');
  });

  it.each(['98000', '12345678901', '5800000001', '+919800000001'])('rejects the phone %p', (phone) => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, phone } }).thenThrows('INVALID_PHONE', 'personal.phone');
  });

  it('rejects a locality longer than 200 characters', () => {
    spec.given([]).when({ ...admit, personal: { ...admit.personal, locality: 'x'.repeat(201) } }).thenThrows('LOCALITY_TOO_LONG', 'personal.locality');
  });

  it('rejects a nominee without a name', () => {
    spec.given([]).when({ ...admit, nominee: { name: ' ', relation: 'son' } }).thenThrows('EMPTY_NAME', 'nominee.name');
  });

  it('rejects a nominee without a relation', () => {
    spec.given([]).when({ ...admit, nominee: { name: 'Test Nominee', relation: '' } }).thenThrows('EMPTY_RELATION', 'nominee.relation');
  });

  it('rejects a number already held by a member', () => {
    spec.given([admitted]).when(admit).thenThrows('DUPLICATE_MEMBER_NUMBER', 'memberNo');
  });

  it('rejects a member number of another branch', () => {
    spec.given([]).when({ ...admit, memberNo: 'KLG-000123' }).thenThrows('MEMBER_NO_BRANCH_MISMATCH', 'memberNo');
  });

  it('rejects a malformed branch code', () => {
    spec.given([]).when({ ...admit, branchCode: 'sng' }).thenThrows('INVALID_BRANCH_CODE', 'branchCode');
  });

  it('refuses a command whose sealed data does not match the plaintext given (an application bug)', () => {
    expect(() => createMemberDecider(products).decide({ ...admit, sealedNominee: null }, null)).toThrow(TypeError);
  });
});

describe('member decider: ImportMember (legacy register)', () => {
  it('registers an active member with the historical date and shares, collecting nothing', () => {
    spec.given([]).when(legacy).then([registered]);
  });

  it.each(['INACTIVE', 'EXITED'] as const)('carries the register status %s forward after registering', (status) => {
    spec
      .given([])
      .when({ ...legacy, status })
      .then([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status } }]);
  });

  it.each([0, -2, 2.5])('rejects %p shares held', (sharesHeld) => {
    spec.given([]).when({ ...legacy, sharesHeld }).thenThrows('INVALID_SHARES', 'sharesHeld');
  });

  it('rejects a holding above the product limit of 10,000 shares', () => {
    spec.given([]).when({ ...legacy, sharesHeld: 10_001 }).thenThrows('SHARES_ABOVE_LIMIT', 'sharesHeld');
  });

  it('rejects a control character in the name', () => {
    spec.given([]).when({ ...legacy, personal: { ...legacy.personal, fullName: 'Legacy\u0000Member' } }).thenThrows('INVALID_CHARACTERS', 'personal.fullName');
  });

  it('rejects a status the register should not have', () => {
    spec.given([]).when({ ...legacy, status: 'SUSPENDED' as never }).thenThrows('INVALID_STATUS', 'status');
  });

  it('rejects an impossible admission date', () => {
    spec.given([]).when({ ...legacy, businessDate: '2011-02-31' }).thenThrows('BAD_DATE', 'admissionDate');
  });

  it('rejects an admission date after today', () => {
    spec.given([]).when({ ...legacy, businessDate: '2026-11-30' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'admissionDate');
  });

  it('rejects admission before birth', () => {
    spec.given([]).when({ ...legacy, personal: { ...legacy.personal, dateOfBirth: '2030-01-01' } }).thenThrows('ADMITTED_BEFORE_BIRTH', 'personal.dateOfBirth');
  });

  it('rejects a blank name', () => {
    spec.given([]).when({ ...legacy, personal: { ...legacy.personal, fullName: '   ' } }).thenThrows('EMPTY_NAME', 'personal.fullName');
  });

  it('rejects a member number already registered', () => {
    spec.given([registered]).when(legacy).thenThrows('DUPLICATE_MEMBER_NUMBER', 'memberNo');
  });

  it('rejects a malformed member number', () => {
    spec.given([]).when({ ...legacy, memberNo: 'KLG-3' }).thenThrows('INVALID_MEMBER_NO', 'memberNo');
  });

  it('rejects a member number of another branch', () => {
    spec.given([]).when({ ...legacy, branchCode: 'SNG' }).thenThrows('MEMBER_NO_BRANCH_MISMATCH', 'memberNo');
  });

  it('rejects an admission date before any membership terms', () => {
    spec
      .given([])
      .when({ ...legacy, businessDate: '1985-01-01', personal: { ...legacy.personal, dateOfBirth: '1960-01-01' } })
      .thenThrows('NO_TERMS_IN_FORCE', 'admissionDate');
  });
});

describe('member decider: PurchaseShares', () => {
  const purchase: PurchaseShares = { type: 'PurchaseShares', memberNo: 'SNG-000123', businessDate: '2026-11-20', today: '2026-11-29', shares: 4 };
  const purchased: MemberEvent = {
    type: 'SharesPurchased',
    data: { memberNo: 'SNG-000123', sharesPurchased: 4, shareFaceValuePaise: 1000, amountPaise: 4000, sharesHeld: 5, shareCapitalPaise: 5000 },
  };

  it('adds shares at the face value in force and states the resulting holding', () => {
    spec.given([admitted]).when(purchase).then([purchased]);
  });

  it('keeps counting from the previous purchases', () => {
    spec
      .given([admitted, purchased])
      .when({ ...purchase, shares: 1 })
      .then([{ type: 'SharesPurchased', data: { ...purchased.data, sharesPurchased: 1, amountPaise: 1000, sharesHeld: 6, shareCapitalPaise: 6000 } } as MemberEvent]);
  });

  it('lets an inactive member buy shares', () => {
    spec
      .given([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status: 'INACTIVE' } }])
      .when({ ...purchase, memberNo: 'KLG-000003', shares: 1 })
      .then([{ type: 'SharesPurchased', data: { memberNo: 'KLG-000003', sharesPurchased: 1, shareFaceValuePaise: 1000, amountPaise: 1000, sharesHeld: 11, shareCapitalPaise: 11000 } }]);
  });

  it.each([0, -1, 0.5])('rejects %p shares', (shares) => {
    spec.given([admitted]).when({ ...purchase, shares }).thenThrows('INVALID_SHARES', 'shares');
  });

  it('takes the holding up to the product limit, and not one share beyond', () => {
    spec
      .given([admitted])
      .when({ ...purchase, shares: 9_999 })
      .then([{ type: 'SharesPurchased', data: { memberNo: 'SNG-000123', sharesPurchased: 9_999, shareFaceValuePaise: 1000, amountPaise: 9_999_000, sharesHeld: 10_000, shareCapitalPaise: 10_000_000 } }]);
    spec.given([admitted]).when({ ...purchase, shares: 10_000 }).thenThrows('SHARES_ABOVE_LIMIT', 'shares');
    spec.given([admitted]).when({ ...purchase, shares: 2_147_483_647 }).thenThrows('SHARES_ABOVE_LIMIT', 'shares');
  });

  it('applies the limit in force on the business date', () => {
    spec.given([admitted]).when({ ...purchase, businessDate: '2030-05-01', today: '2030-05-01', shares: 500 }).thenThrows('SHARES_ABOVE_LIMIT', 'shares');
  });

  it('rejects an unknown member', () => {
    spec.given([]).when(purchase).thenThrows('MEMBER_NOT_FOUND', 'memberNo');
  });

  it('rejects a member who exited', () => {
    spec
      .given([admitted, { type: 'MemberExited', data: { memberNo: 'SNG-000123', exitDate: '2026-11-10', sharesRefunded: 1, shareCapitalRefundedPaise: 1000, sharesHeld: 0, shareCapitalPaise: 0 } }])
      .when(purchase)
      .thenThrows('MEMBER_EXITED', 'memberNo');
  });

  it('rejects a member whose register status was EXITED', () => {
    spec
      .given([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status: 'EXITED' } }])
      .when({ ...purchase, memberNo: 'KLG-000003' })
      .thenThrows('MEMBER_EXITED', 'memberNo');
  });

  it('rejects a business date before the admission', () => {
    spec.given([admitted]).when({ ...purchase, businessDate: '2026-11-01' }).thenThrows('BUSINESS_DATE_BEFORE_ADMISSION', 'businessDate');
  });

  it('rejects a business date after today', () => {
    spec.given([admitted]).when({ ...purchase, businessDate: '2026-11-30' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
  });

  it('rejects an impossible business date', () => {
    spec.given([admitted]).when({ ...purchase, businessDate: '2026-11-31' }).thenThrows('BAD_DATE', 'businessDate');
  });
});

describe('member decider: ChangeNominee', () => {
  const change: ChangeNominee = {
    type: 'ChangeNominee',
    memberNo: 'SNG-000123',
    businessDate: '2026-11-20',
    today: '2026-11-20',
    nominee: { name: 'New Nominee', relation: 'sister' },
    sealedNominee: sealed('new-nominee'),
  };

  it('records the sealed new nominee', () => {
    spec.given([admitted]).when(change).then([{ type: 'NomineeChanged', data: { memberNo: 'SNG-000123', nominee: sealed('new-nominee') } }]);
  });

  it('rejects a blank nominee name', () => {
    spec.given([admitted]).when({ ...change, nominee: { name: '', relation: 'sister' } }).thenThrows('EMPTY_NAME', 'nominee.name');
  });

  it('rejects a blank relation', () => {
    spec.given([admitted]).when({ ...change, nominee: { name: 'New Nominee', relation: ' ' } }).thenThrows('EMPTY_RELATION', 'nominee.relation');
  });

  it('rejects an unknown member', () => {
    spec.given([]).when(change).thenThrows('MEMBER_NOT_FOUND', 'memberNo');
  });

  it('rejects a member who exited', () => {
    spec
      .given([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status: 'EXITED' } }])
      .when({ ...change, memberNo: 'KLG-000003' })
      .thenThrows('MEMBER_EXITED', 'memberNo');
  });

  it('rejects a business date after today', () => {
    spec.given([admitted]).when({ ...change, today: '2026-11-19' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
  });
});

describe('member decider: ExitMember', () => {
  const exit: ExitMember = {
    type: 'ExitMember',
    memberNo: 'SNG-000123',
    businessDate: '2026-11-25',
    today: '2026-11-29',
    openDues: [],
    openSavingsAccounts: [],
    lastActivityOn: null,
  };
  const purchased: MemberEvent = {
    type: 'SharesPurchased',
    data: { memberNo: 'SNG-000123', sharesPurchased: 4, shareFaceValuePaise: 1000, amountPaise: 4000, sharesHeld: 5, shareCapitalPaise: 5000 },
  };

  it('refunds the whole share capital and leaves nothing held', () => {
    spec
      .given([admitted, purchased])
      .when(exit)
      .then([{ type: 'MemberExited', data: { memberNo: 'SNG-000123', exitDate: '2026-11-25', sharesRefunded: 5, shareCapitalRefundedPaise: 5000, sharesHeld: 0, shareCapitalPaise: 0 } }]);
  });

  it('lets an inactive legacy member exit with the register shares refunded', () => {
    spec
      .given([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status: 'INACTIVE' } }])
      .when({ ...exit, memberNo: 'KLG-000003' })
      .then([{ type: 'MemberExited', data: { memberNo: 'KLG-000003', exitDate: '2026-11-25', sharesRefunded: 10, shareCapitalRefundedPaise: 10000, sharesHeld: 0, shareCapitalPaise: 0 } }]);
  });

  it('rejects an exit while dues are open (the loan/welfare seam)', () => {
    spec
      .given([admitted])
      .when({ ...exit, openDues: [{ kind: 'loan', reference: 'loan-0001' }] })
      .thenThrows('OPEN_DUES', 'memberNo');
  });

  it('rejects an exit while a savings account is open, even one holding nothing (pay out and close it first)', () => {
    const refused = spec
      .given([admitted])
      .when({ ...exit, openSavingsAccounts: [{ accountId: 'SNG-000123-SD-01', balancePaise: 1_346_857 }] })
      .thenThrows('SAVINGS_NOT_SETTLED', 'memberNo');
    expect(refused.details).toEqual({ openSavingsAccounts: 1 });
    spec.given([admitted]).when({ ...exit, openSavingsAccounts: [{ accountId: 'SNG-000123-TF-01', balancePaise: 0 }] }).thenThrows('SAVINGS_NOT_SETTLED', 'memberNo');
  });

  it('rejects an exit dated before her latest known activity, and accepts one on that day', () => {
    const refused = spec.given([admitted]).when({ ...exit, lastActivityOn: '2026-11-26' }).thenThrows('EXIT_BEFORE_LAST_ACTIVITY', 'businessDate');
    expect(refused.details).toEqual({ lastActivityOn: '2026-11-26' });
    spec
      .given([admitted])
      .when({ ...exit, lastActivityOn: '2026-11-25' })
      .then([{ type: 'MemberExited', data: { memberNo: 'SNG-000123', exitDate: '2026-11-25', sharesRefunded: 1, shareCapitalRefundedPaise: 1000, sharesHeld: 0, shareCapitalPaise: 0 } }]);
  });

  it('rejects a second exit', () => {
    spec
      .given([admitted, { type: 'MemberExited', data: { memberNo: 'SNG-000123', exitDate: '2026-11-10', sharesRefunded: 1, shareCapitalRefundedPaise: 1000, sharesHeld: 0, shareCapitalPaise: 0 } }])
      .when(exit)
      .thenThrows('MEMBER_ALREADY_EXITED', 'memberNo');
  });

  it('rejects the exit of a member the register already showed as exited', () => {
    spec
      .given([registered, { type: 'MemberStatusCarriedForward', data: { memberNo: 'KLG-000003', status: 'EXITED' } }])
      .when({ ...exit, memberNo: 'KLG-000003' })
      .thenThrows('MEMBER_ALREADY_EXITED', 'memberNo');
  });

  it('rejects an unknown member', () => {
    spec.given([]).when(exit).thenThrows('MEMBER_NOT_FOUND', 'memberNo');
  });

  it('rejects an exit dated before the admission', () => {
    spec.given([admitted]).when({ ...exit, businessDate: '2026-11-01' }).thenThrows('BUSINESS_DATE_BEFORE_ADMISSION', 'businessDate');
  });

  it('rejects an exit dated after today', () => {
    spec.given([admitted]).when({ ...exit, businessDate: '2026-12-01' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
  });
});

describe('member decider: ExplainForeignMemberNumber', () => {
  it('says the number is a duplicate when a member holds it', () => {
    spec.given([registered]).when({ type: 'ExplainForeignMemberNumber', memberNo: 'KLG-000003', branchCode: 'SNG' }).thenThrows('DUPLICATE_MEMBER_NUMBER', 'memberNo');
  });

  it('says the prefix is wrong when no member holds it', () => {
    spec.given([]).when({ type: 'ExplainForeignMemberNumber', memberNo: 'KLG-000003', branchCode: 'SNG' }).thenThrows('MEMBER_NO_BRANCH_MISMATCH', 'memberNo');
  });
});
