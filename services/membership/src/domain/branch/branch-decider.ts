import { DomainError, ValidationError, type Decider } from '@samabay/domain-kit';
import { assertBranchCode } from '../branch-code';
import { formatMemberNo, MAX_MEMBER_SEQUENCE, parseMemberNo } from '../member-number';
import type { BranchCommand, OpenBranch, ReserveMemberNumber } from './branch-commands';
import type { BranchEvent, MemberNumberReserved } from './branch-events';
import { isSequenceTaken, nextFreeSequence, NO_SEQUENCES_TAKEN, withSequenceTaken, type TakenSequences } from './taken-sequences';

/** State of a `branch-<CODE>` stream: whether it is open, its name and the member numbers it has handed out. */
export interface BranchState {
  readonly opened: boolean;
  readonly branchCode: string | null;
  readonly name: string | null;
  readonly taken: TakenSequences;
  /** Sequence of the last 'auto' reservation; null before the first. Automatic numbering continues after it. */
  readonly lastAuto: number | null;
}

const MAX_BRANCH_NAME_LENGTH = 100;

/**
 * The branch decider (stream `branch-<CODE>`): opens branches and keeps each branch's register of
 * member numbers `<CODE>-<6 digits>`, unique per branch (issue 2 item 4).
 * Rejections: INVALID_BRANCH_CODE / EMPTY_BRANCH_NAME / BRANCH_NAME_TOO_LONG (ValidationError),
 * BRANCH_ALREADY_OPEN, BRANCH_NOT_FOUND (field branchCode), INVALID_MEMBER_NO / MEMBER_NO_BRANCH_MISMATCH
 * (ValidationError, field memberNo), DUPLICATE_MEMBER_NUMBER (field memberNo), MEMBER_NUMBERS_EXHAUSTED (all 999,999 taken).
 */
export const branchDecider: Decider<BranchCommand, BranchEvent, BranchState> = {
  initialState: { opened: false, branchCode: null, name: null, taken: NO_SEQUENCES_TAKEN, lastAuto: null },

  evolve(state, event) {
    switch (event.type) {
      case 'BranchOpened':
        return { ...state, opened: true, branchCode: event.data.branchCode, name: event.data.name };
      case 'MemberNumberReserved':
        return {
          ...state,
          taken: withSequenceTaken(state.taken, event.data.sequence),
          lastAuto: event.data.allocation === 'auto' ? event.data.sequence : state.lastAuto,
        };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'OpenBranch':
        return decideOpenBranch(command, state);
      case 'ReserveMemberNumber':
        return [decideReservation(command, state)];
    }
  },
};

function decideOpenBranch(command: OpenBranch, state: BranchState): BranchEvent[] {
  assertBranchCode(command.branchCode);
  const name = typeof command.name === 'string' ? command.name.trim() : '';
  if (name === '') throw new ValidationError('name', 'branch name must not be blank', 'EMPTY_BRANCH_NAME');
  if (name.length > MAX_BRANCH_NAME_LENGTH) {
    throw new ValidationError('name', `branch name must be at most ${MAX_BRANCH_NAME_LENGTH} characters`, 'BRANCH_NAME_TOO_LONG');
  }
  if (state.opened) throw new DomainError('BRANCH_ALREADY_OPEN', `branch ${command.branchCode} is already open`, 'branchCode');
  return [{ type: 'BranchOpened', data: { branchCode: command.branchCode, name } }];
}

function decideReservation(command: ReserveMemberNumber, state: BranchState): MemberNumberReserved {
  assertBranchCode(command.branchCode);
  if (!state.opened) throw new DomainError('BRANCH_NOT_FOUND', `branch ${command.branchCode} does not exist`, 'branchCode');
  const branchCode = command.branchCode;

  if (command.requestedMemberNo === undefined) {
    // After the last automatic number, so one explicit high number (a register typo such as
    // DHT-999999) cannot end automatic numbering; before the first, after the highest taken, so
    // numbering continues above an imported register. At the top: the lowest free number.
    const cursor = state.lastAuto ?? state.taken.highest;
    const sequence = nextFreeSequence(state.taken, cursor, MAX_MEMBER_SEQUENCE) ?? nextFreeSequence(state.taken, 0, MAX_MEMBER_SEQUENCE);
    if (sequence === undefined) {
      throw new DomainError('MEMBER_NUMBERS_EXHAUSTED', `branch ${branchCode} has used all six-digit member numbers`, 'branchCode');
    }
    return reserved(branchCode, sequence, 'auto');
  }

  const requested = parseMemberNo(command.requestedMemberNo);
  if (requested.branchCode !== branchCode) {
    throw new ValidationError('memberNo', `member number prefix does not match branch ${branchCode}`, 'MEMBER_NO_BRANCH_MISMATCH');
  }
  if (isSequenceTaken(state.taken, requested.sequence)) {
    throw new DomainError('DUPLICATE_MEMBER_NUMBER', `member number ${command.requestedMemberNo} is already taken`, 'memberNo');
  }
  return reserved(branchCode, requested.sequence, 'requested');
}

function reserved(branchCode: string, sequence: number, allocation: 'auto' | 'requested'): MemberNumberReserved {
  return { type: 'MemberNumberReserved', data: { branchCode, memberNo: formatMemberNo(branchCode, sequence), sequence, allocation } };
}
