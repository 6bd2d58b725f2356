import { givenWhenThen } from '@samabay/domain-kit';
import type { MembershipProducts } from '../membership-products';
import type { PersonalDataRetention } from '../personal-data-retention';
import type { SealedPersonalData } from '../sealed-personal-data';
import { retentionEndsOn } from './forget-rules';
import type { ApproveForgetMember, RequestForgetMember } from './member-commands';
import { createMemberDecider } from './member-decider';
import type { MemberEvent } from './member-events';

const products: MembershipProducts = [{ effectiveFrom: '1990-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 } }];
/** Five years until 2031-12-31, seven years from 2032-01-01 (a made-up change of the law). */
const retention: PersonalDataRetention = [
  { effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } },
  { effectiveFrom: '2032-01-01', terms: { yearsAfterExit: 7 } },
];
const spec = givenWhenThen(createMemberDecider(products, retention));

const sealed: SealedPersonalData = { v: 1, alg: 'A256GCM', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };
const admitted: MemberEvent = {
  type: 'MemberAdmitted',
  data: {
    memberNo: 'SNG-000007',
    branchCode: 'SNG',
    admissionDate: '2015-03-01',
    shares: 1,
    shareFaceValuePaise: 1000,
    admissionFeePaise: 500,
    amountCollectedPaise: 1500,
    shareCapitalPaise: 1000,
    personal: sealed,
    nominee: null,
  },
};
const exited: MemberEvent = {
  type: 'MemberExited',
  data: { memberNo: 'SNG-000007', exitDate: '2020-06-15', sharesRefunded: 1, shareCapitalRefundedPaise: 1000, sharesHeld: 0, shareCapitalPaise: 0 },
};
const maker = { userId: 'ho-maker', role: 'head_office' } as const;
const checker = { userId: 'ho-checker', role: 'head_office' } as const;

const request: RequestForgetMember = { type: 'RequestForgetMember', memberNo: 'SNG-000007', businessDate: '2025-06-15', today: '2025-06-15', actor: maker };
const approve: ApproveForgetMember = { type: 'ApproveForgetMember', memberNo: 'SNG-000007', businessDate: '2025-06-16', today: '2025-06-16', actor: checker };
const requested: MemberEvent = {
  type: 'MemberForgetRequested',
  data: { memberNo: 'SNG-000007', requestedOn: '2025-06-15', requestedBy: 'ho-maker', eligibleFrom: '2025-06-15' },
};
const forgotten: MemberEvent = {
  type: 'MemberForgotten',
  data: { memberNo: 'SNG-000007', forgottenOn: '2025-06-16', requestedBy: 'ho-maker', approvedBy: 'ho-checker' },
};

describe('member decider: forgetting a former member (maker–checker)', () => {
  it('accepts the request on the day the retention period after the exit ends', () => {
    spec.given([admitted, exited]).when(request).then([requested]);
  });

  it('refuses the request a day before, naming the business date and the first allowed date', () => {
    const error = spec.given([admitted, exited]).when({ ...request, businessDate: '2025-06-14', today: '2025-06-14' }).thenThrows('RETENTION_NOT_ELAPSED', 'businessDate');
    expect(error.details).toEqual({ eligibleFrom: '2025-06-15' });
  });

  it('uses the retention period in force on the business date (effective-dated)', () => {
    const lateExit: MemberEvent = { ...exited, data: { ...exited.data, exitDate: '2026-01-10' } } as MemberEvent;
    // On 2031-06-01 five years apply: eligible from 2031-01-10.
    spec.given([admitted, lateExit]).when({ ...request, businessDate: '2031-06-01', today: '2031-06-01' }).then([
      { type: 'MemberForgetRequested', data: { memberNo: 'SNG-000007', requestedOn: '2031-06-01', requestedBy: 'ho-maker', eligibleFrom: '2031-01-10' } },
    ]);
    // From 2032-01-01 seven years apply: not before 2033-01-10.
    spec.given([admitted, lateExit]).when({ ...request, businessDate: '2032-02-01', today: '2032-02-01' }).thenThrows('RETENTION_NOT_ELAPSED', 'businessDate');
  });

  it('refuses a member who has not exited, an unknown member, and a legacy exit without a date', () => {
    spec.given([admitted]).when(request).thenThrows('MEMBER_NOT_EXITED', 'memberNo');
    spec.given([]).when(request).thenThrows('MEMBER_NOT_FOUND', 'memberNo');
    spec
      .given([admitted, { type: 'MemberStatusCarriedForward', data: { memberNo: 'SNG-000007', status: 'EXITED' } }])
      .when(request)
      .thenThrows('EXIT_DATE_UNKNOWN', 'memberNo');
  });

  it.each(['teller', 'branch_manager', 'auditor', 'admin', 'partner'] as const)('refuses a %s as maker or checker', (role) => {
    spec.given([admitted, exited]).when({ ...request, actor: { userId: 'someone', role } }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given([admitted, exited, requested]).when({ ...approve, actor: { userId: 'someone', role } }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
  });

  it('refuses a second request while one awaits its checker', () => {
    spec.given([admitted, exited, requested]).when({ ...request, actor: checker }).thenThrows('FORGET_ALREADY_REQUESTED', 'memberNo');
  });

  it('approves by a different head-office user: MemberForgotten, carrying no personal data', () => {
    spec.given([admitted, exited, requested]).when(approve).then([forgotten]);
    expect(JSON.stringify(forgotten)).not.toContain(sealed.ciphertext);
  });

  it('refuses the requester as her own checker', () => {
    spec.given([admitted, exited, requested]).when({ ...approve, actor: maker }).thenThrows('MAKER_CANNOT_APPROVE', 'actor.userId');
  });

  it('refuses an approval without a request, and anything after the member is forgotten', () => {
    spec.given([admitted, exited]).when(approve).thenThrows('FORGET_NOT_REQUESTED', 'memberNo');
    spec.given([admitted, exited, requested, forgotten]).when(approve).thenThrows('MEMBER_ALREADY_FORGOTTEN', 'memberNo');
    spec.given([admitted, exited, requested, forgotten]).when(request).thenThrows('MEMBER_ALREADY_FORGOTTEN', 'memberNo');
  });

  it('refuses a business date in the future and when no retention period is configured', () => {
    spec.given([admitted, exited]).when({ ...request, today: '2025-06-14', businessDate: '2025-06-15' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    givenWhenThen(createMemberDecider(products)).given([admitted, exited]).when(request).thenThrows('NO_TERMS_IN_FORCE', 'businessDate');
  });
});

describe('retentionEndsOn', () => {
  it('counts whole calendar years, 29 February ending on 28 February in a common year', () => {
    expect(retentionEndsOn('2020-06-15', 5)).toBe('2025-06-15');
    expect(retentionEndsOn('2020-02-29', 5)).toBe('2025-02-28');
    expect(retentionEndsOn('2020-02-29', 4)).toBe('2024-02-29');
    expect(retentionEndsOn('2020-06-15', 0)).toBe('2020-06-15');
  });
});
