import { givenWhenThen } from '@samabay/domain-kit';
import { branchDecider } from './branch-decider';
import type { BranchEvent } from './branch-events';

const opened: BranchEvent = { type: 'BranchOpened', data: { branchCode: 'KLG', name: 'Kalighat' } };
const reserved = (sequence: number, allocation: 'auto' | 'requested'): BranchEvent => ({
  type: 'MemberNumberReserved',
  data: { branchCode: 'KLG', memberNo: `KLG-${String(sequence).padStart(6, '0')}`, sequence, allocation },
});

describe('branch decider: OpenBranch', () => {
  const spec = givenWhenThen(branchDecider);

  it('opens a branch with a trimmed name', () => {
    spec.given([]).when({ type: 'OpenBranch', branchCode: 'KLG', name: '  Kalighat ' }).then([opened]);
  });

  it('rejects opening a branch twice', () => {
    spec.given([opened]).when({ type: 'OpenBranch', branchCode: 'KLG', name: 'Kalighat' }).thenThrows('BRANCH_ALREADY_OPEN', 'branchCode');
  });

  it.each(['kl', 'KL', 'KLGX', 'K1G', ''])('rejects the malformed branch code %p', (branchCode) => {
    spec.given([]).when({ type: 'OpenBranch', branchCode, name: 'Kalighat' }).thenThrows('INVALID_BRANCH_CODE', 'branchCode');
  });

  it('rejects a blank name', () => {
    spec.given([]).when({ type: 'OpenBranch', branchCode: 'KLG', name: '   ' }).thenThrows('EMPTY_BRANCH_NAME', 'name');
  });

  it('rejects a name longer than 100 characters', () => {
    spec.given([]).when({ type: 'OpenBranch', branchCode: 'KLG', name: 'K'.repeat(101) }).thenThrows('BRANCH_NAME_TOO_LONG', 'name');
  });
});

describe('branch decider: ReserveMemberNumber', () => {
  const spec = givenWhenThen(branchDecider);

  it('allocates 000001 first in a new branch', () => {
    spec.given([opened]).when({ type: 'ReserveMemberNumber', branchCode: 'KLG' }).then([reserved(1, 'auto')]);
  });

  it('allocates the number after the highest taken, never reusing a gap', () => {
    spec
      .given([opened, reserved(1, 'auto'), reserved(42, 'requested'), reserved(7, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(43, 'auto')]);
  });

  it('takes a requested number that is free, even below the highest', () => {
    spec
      .given([opened, reserved(42, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG', requestedMemberNo: 'KLG-000003' })
      .then([reserved(3, 'requested')]);
  });

  it('rejects a requested number already taken', () => {
    spec
      .given([opened, reserved(42, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG', requestedMemberNo: 'KLG-000042' })
      .thenThrows('DUPLICATE_MEMBER_NUMBER', 'memberNo');
  });

  it('rejects a requested number auto-allocated before', () => {
    spec
      .given([opened, reserved(1, 'auto')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG', requestedMemberNo: 'KLG-000001' })
      .thenThrows('DUPLICATE_MEMBER_NUMBER', 'memberNo');
  });

  it('rejects a number whose prefix names another branch', () => {
    spec
      .given([opened])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG', requestedMemberNo: 'SNG-000042' })
      .thenThrows('MEMBER_NO_BRANCH_MISMATCH', 'memberNo');
  });

  it.each(['KLG-42', 'KLG-0000042', 'klg-000042', 'KLG000042', 'KLG-000000', ''])('rejects the malformed member number %p', (requestedMemberNo) => {
    spec.given([opened]).when({ type: 'ReserveMemberNumber', branchCode: 'KLG', requestedMemberNo }).thenThrows('INVALID_MEMBER_NO', 'memberNo');
  });

  it('rejects a branch that was never opened, before looking at the number', () => {
    spec.given([]).when({ type: 'ReserveMemberNumber', branchCode: 'XYZ', requestedMemberNo: 'KLG-000091' }).thenThrows('BRANCH_NOT_FOUND', 'branchCode');
  });

  it('rejects auto-allocation when every six-digit number is used', () => {
    spec.given([opened, reserved(999_999, 'requested')]).when({ type: 'ReserveMemberNumber', branchCode: 'KLG' }).thenThrows('MEMBER_NUMBERS_EXHAUSTED', 'branchCode');
  });
});
