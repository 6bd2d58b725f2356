import { DomainError, givenWhenThen } from '@samabay/domain-kit';
import { branchDecider, type BranchState } from './branch-decider';
import type { BranchEvent } from './branch-events';
import type { TakenSequences } from './taken-sequences';

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

  it('before any automatic number, continues above the highest number taken (an imported register)', () => {
    spec
      .given([opened, reserved(42, 'requested'), reserved(7, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(43, 'auto')]);
  });

  it('continues after the last automatic number, skipping numbers taken explicitly', () => {
    spec
      .given([opened, reserved(1, 'auto'), reserved(2, 'auto'), reserved(3, 'requested'), reserved(5, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(4, 'auto')]);
    spec
      .given([opened, reserved(1, 'auto'), reserved(2, 'requested'), reserved(3, 'requested'), reserved(4, 'auto'), reserved(5, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(6, 'auto')]);
  });

  it('keeps numbering after one explicit high number (a register typo such as KLG-999999)', () => {
    spec
      .given([opened, reserved(1, 'auto'), reserved(2, 'auto'), reserved(999_999, 'requested')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(3, 'auto')]);
  });

  it('takes the lowest free number once automatic numbering reached the top', () => {
    spec
      .given([opened, reserved(1, 'requested'), reserved(2, 'auto'), reserved(4, 'requested'), reserved(999_998, 'requested'), reserved(999_999, 'auto')])
      .when({ type: 'ReserveMemberNumber', branchCode: 'KLG' })
      .then([reserved(3, 'auto')]);
  });

  it('takes the lowest free number when the highest number taken before any automatic one is the top', () => {
    spec.given([opened, reserved(999_999, 'requested')]).when({ type: 'ReserveMemberNumber', branchCode: 'KLG' }).then([reserved(1, 'auto')]);
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

  // A register with all 999,999 numbers is built directly: folding 999,999 events would take minutes.
  const register = (free: readonly number[]): TakenSequences => {
    const chunks = Array.from({ length: 977 }, () => new Uint32Array(32).fill(0xffffffff));
    for (const sequence of free) chunks[Math.floor(sequence / 1024)][(sequence % 1024) >>> 5] &= ~(1 << (sequence % 32));
    return { chunks, highest: 999_999, count: 999_999 - free.length };
  };
  const branchWith = (taken: TakenSequences, lastAuto: number | null): BranchState => ({ opened: true, branchCode: 'KLG', name: 'Kalighat', taken, lastAuto });

  it('finds the one free number left anywhere in a full register', () => {
    for (const lastAuto of [null, 1, 600_000, 999_999]) {
      expect(branchDecider.decide({ type: 'ReserveMemberNumber', branchCode: 'KLG' }, branchWith(register([543_210]), lastAuto))).toEqual([reserved(543_210, 'auto')]);
    }
  });

  it('rejects auto-allocation only when all 999,999 numbers are taken', () => {
    for (const lastAuto of [null, 999_999]) {
      const error = (() => {
        try {
          branchDecider.decide({ type: 'ReserveMemberNumber', branchCode: 'KLG' }, branchWith(register([]), lastAuto));
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'MEMBER_NUMBERS_EXHAUSTED', field: 'branchCode' });
    }
  });
});
