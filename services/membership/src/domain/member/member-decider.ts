import { compareIsoDates, DomainError, ValidationError, type Decider } from '@samabay/domain-kit';
import type { MembershipProducts } from '../membership-products';
import { parseMemberNo } from '../member-number';
import type { SealedPersonalData } from '../sealed-personal-data';
import { assessAdmission, assessImport } from './admission-rules';
import type { PersonalDataRetention } from '../personal-data-retention';
import { requireForgetRole, requireForgettable, retentionEndsOn, retentionOn } from './forget-rules';
import type { AdmitMember, ApproveForgetMember, ChangeNominee, ExitMember, ImportMember, MemberCommand, PurchaseShares, RequestForgetMember } from './member-commands';
import type { MemberEvent } from './member-events';
import type { MemberSnapshot, MemberState } from './member-state';
import { requireBusinessDate, requireHoldingWithinLimit, requireShares, validateNominee } from './member-validation';
import { membershipTermsOn, sharesValuePaise } from './terms-in-force';

/**
 * The member decider (stream `member-<memberNo>`; issue 2 item 4, DESIGN §4, §8). `products` is the
 * effective-dated membership configuration; the decider stays pure (it only reads that data).
 * Rejections, besides the validation of {@link assessAdmission} / {@link assessImport}:
 * DUPLICATE_MEMBER_NUMBER (the stream already holds a member), MEMBER_NOT_FOUND, MEMBER_EXITED,
 * MEMBER_ALREADY_EXITED, OPEN_DUES, SAVINGS_NOT_SETTLED, MEMBER_NO_BRANCH_MISMATCH (field memberNo); BUSINESS_DATE_BEFORE_ADMISSION,
 * EXIT_BEFORE_LAST_ACTIVITY (businessDate);
 * SHARES_ABOVE_LIMIT (field shares) when a purchase would take the holding above the product's maxSharesPerMember.
 * Forgetting (issue 6 item 4; `retention` is the effective-dated retention schedule, empty = nobody may be
 * forgotten): see {@link requireForgettable}, plus ROLE_NOT_ALLOWED (actor.role), FORGET_ALREADY_REQUESTED,
 * FORGET_NOT_REQUESTED (memberNo) and MAKER_CANNOT_APPROVE (actor.userId) when the checker is the requester.
 */
export function createMemberDecider(products: MembershipProducts, retention: PersonalDataRetention = []): Decider<MemberCommand, MemberEvent, MemberState> {
  return {
    initialState: null,
    evolve: evolveMember,
    decide(command, state) {
      switch (command.type) {
        case 'AdmitMember':
          return decideAdmission(command, state, products);
        case 'ImportMember':
          return decideImport(command, state, products);
        case 'PurchaseShares':
          return decidePurchase(command, state, products);
        case 'ChangeNominee':
          return decideNomineeChange(command, state);
        case 'ExitMember':
          return decideExit(command, state);
        case 'RequestForgetMember':
          return decideForgetRequest(command, state, retention);
        case 'ApproveForgetMember':
          return decideForgetApproval(command, state, retention);
        case 'ExplainForeignMemberNumber':
          requireNewMember(command.memberNo, state);
          throw new ValidationError('memberNo', `member number prefix does not match branch ${command.branchCode}`, 'MEMBER_NO_BRANCH_MISMATCH');
      }
    },
  };
}

function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'MemberAdmitted':
      return {
        memberNo: event.data.memberNo,
        branchCode: event.data.branchCode,
        admissionDate: event.data.admissionDate,
        status: 'ACTIVE',
        sharesHeld: event.data.shares,
        shareCapitalPaise: event.data.shareCapitalPaise,
        ...NOT_EXITED,
      };
    case 'MemberRegisteredFromLegacyRegister':
      return {
        memberNo: event.data.memberNo,
        branchCode: event.data.branchCode,
        admissionDate: event.data.admissionDate,
        status: 'ACTIVE',
        sharesHeld: event.data.sharesHeld,
        shareCapitalPaise: event.data.shareCapitalPaise,
        ...NOT_EXITED,
      };
    case 'MemberStatusCarriedForward':
      return state && { ...state, status: event.data.status };
    case 'SharesPurchased':
      return state && { ...state, sharesHeld: event.data.sharesHeld, shareCapitalPaise: event.data.shareCapitalPaise };
    case 'NomineeChanged':
      return state;
    case 'MemberExited':
      return state && { ...state, status: 'EXITED', sharesHeld: 0, shareCapitalPaise: 0, exitDate: event.data.exitDate };
    case 'MemberForgetRequested':
      return state && { ...state, forgetRequestedBy: event.data.requestedBy };
    case 'MemberForgotten':
      return state && { ...state, forgetRequestedBy: null, personalDataForgotten: true };
  }
}

const NOT_EXITED = { exitDate: null, forgetRequestedBy: null, personalDataForgotten: false } as const;

function decideForgetRequest(command: RequestForgetMember, state: MemberState, retention: PersonalDataRetention): MemberEvent[] {
  const businessDate = requireBusinessDate(command.businessDate, command.today, 'businessDate');
  const actor = requireForgetRole(command.actor);
  const member = requireForgettable(command.memberNo, state, businessDate, retention);
  if (member.forgetRequestedBy !== null) throw new DomainError('FORGET_ALREADY_REQUESTED', `forgetting member ${member.memberNo} already awaits a checker`, 'memberNo');
  const eligibleFrom = retentionEndsOn(member.exitDate as string, retentionOn(retention, businessDate).yearsAfterExit);
  return [{ type: 'MemberForgetRequested', data: { memberNo: member.memberNo, requestedOn: businessDate, requestedBy: actor.userId, eligibleFrom } }];
}

function decideForgetApproval(command: ApproveForgetMember, state: MemberState, retention: PersonalDataRetention): MemberEvent[] {
  const businessDate = requireBusinessDate(command.businessDate, command.today, 'businessDate');
  const actor = requireForgetRole(command.actor);
  const member = requireForgettable(command.memberNo, state, businessDate, retention);
  if (member.forgetRequestedBy === null) throw new DomainError('FORGET_NOT_REQUESTED', `forgetting member ${member.memberNo} must first be requested by another head-office user`, 'memberNo');
  if (member.forgetRequestedBy === actor.userId) {
    throw new DomainError('MAKER_CANNOT_APPROVE', 'the checker must be a different staff member from the one who requested it', 'actor.userId');
  }
  return [{ type: 'MemberForgotten', data: { memberNo: member.memberNo, forgottenOn: businessDate, requestedBy: member.forgetRequestedBy, approvedBy: actor.userId } }];
}

function decideAdmission(command: AdmitMember, state: MemberState, products: MembershipProducts): MemberEvent[] {
  const amounts = assessAdmission(command, products);
  requireNumberOfBranch(command.memberNo, command.branchCode);
  requireNewMember(command.memberNo, state);
  const sealed = requireSealed(command.sealedPersonal, hasNominee(command), command.sealedNominee);
  return [
    {
      type: 'MemberAdmitted',
      data: {
        memberNo: command.memberNo,
        branchCode: command.branchCode,
        admissionDate: command.businessDate,
        shares: command.shares,
        ...amounts,
        ...sealed,
      },
    },
  ];
}

function decideImport(command: ImportMember, state: MemberState, products: MembershipProducts): MemberEvent[] {
  const amounts = assessImport(command, products);
  requireNumberOfBranch(command.memberNo, command.branchCode);
  requireNewMember(command.memberNo, state);
  const sealed = requireSealed(command.sealedPersonal, hasNominee(command), command.sealedNominee);
  const registered: MemberEvent = {
    type: 'MemberRegisteredFromLegacyRegister',
    data: {
      memberNo: command.memberNo,
      branchCode: command.branchCode,
      admissionDate: command.businessDate,
      sharesHeld: command.sharesHeld,
      ...amounts,
      ...sealed,
    },
  };
  if (command.status === 'ACTIVE') return [registered];
  return [registered, { type: 'MemberStatusCarriedForward', data: { memberNo: command.memberNo, status: command.status } }];
}

function decidePurchase(command: PurchaseShares, state: MemberState, products: MembershipProducts): MemberEvent[] {
  const businessDate = requireBusinessDate(command.businessDate, command.today, 'businessDate');
  const shares = requireShares(command.shares, 'shares');
  const member = requireCurrentMember(command.memberNo, state, businessDate);
  const terms = membershipTermsOn(products, businessDate, 'businessDate');
  const amountPaise = sharesValuePaise(shares, terms.shareFaceValuePaise, 'shares');
  const shareCapitalPaise = member.shareCapitalPaise + amountPaise;
  const sharesHeld = member.sharesHeld + shares;
  requireHoldingWithinLimit(sharesHeld, terms.maxSharesPerMember, 'shares');
  if (!Number.isSafeInteger(shareCapitalPaise) || !Number.isSafeInteger(sharesHeld)) {
    throw new DomainError('AMOUNT_TOO_LARGE', 'the resulting share capital is too large', 'shares');
  }
  return [
    {
      type: 'SharesPurchased',
      data: { memberNo: member.memberNo, sharesPurchased: shares, shareFaceValuePaise: terms.shareFaceValuePaise, amountPaise, sharesHeld, shareCapitalPaise },
    },
  ];
}

function decideNomineeChange(command: ChangeNominee, state: MemberState): MemberEvent[] {
  const businessDate = requireBusinessDate(command.businessDate, command.today, 'businessDate');
  validateNominee(command.nominee);
  const member = requireCurrentMember(command.memberNo, state, businessDate);
  if (!command.sealedNominee) throw new TypeError('the application must pass the sealed nominee');
  return [{ type: 'NomineeChanged', data: { memberNo: member.memberNo, nominee: command.sealedNominee } }];
}

function decideExit(command: ExitMember, state: MemberState): MemberEvent[] {
  const businessDate = requireBusinessDate(command.businessDate, command.today, 'businessDate');
  const member = requireExisting(command.memberNo, state);
  if (member.status === 'EXITED') throw new DomainError('MEMBER_ALREADY_EXITED', `member ${member.memberNo} has already exited`, 'memberNo');
  requireOnOrAfterAdmission(member, businessDate);
  if (command.lastActivityOn !== null && compareIsoDates(businessDate, command.lastActivityOn) < 0) {
    throw new DomainError('EXIT_BEFORE_LAST_ACTIVITY', `member ${member.memberNo} was active on ${command.lastActivityOn}; an exit cannot be dated before that`, 'businessDate', {
      lastActivityOn: command.lastActivityOn,
    });
  }
  if (command.openDues.length > 0) {
    throw new DomainError('OPEN_DUES', `member ${member.memberNo} has ${command.openDues.length} open dues; clear them before exit`, 'memberNo', {
      openDues: command.openDues.length,
    });
  }
  if (command.openSavingsAccounts.length > 0) {
    throw new DomainError(
      'SAVINGS_NOT_SETTLED',
      `member ${member.memberNo} has ${command.openSavingsAccounts.length} savings accounts still open; pay them out and close them before exit`,
      'memberNo',
      { openSavingsAccounts: command.openSavingsAccounts.length },
    );
  }
  return [
    {
      type: 'MemberExited',
      data: {
        memberNo: member.memberNo,
        exitDate: businessDate,
        sharesRefunded: member.sharesHeld,
        shareCapitalRefundedPaise: member.shareCapitalPaise,
        sharesHeld: 0,
        shareCapitalPaise: 0,
      },
    },
  ];
}

function requireNumberOfBranch(memberNo: string, branchCode: string): void {
  if (parseMemberNo(memberNo).branchCode !== branchCode) {
    throw new ValidationError('memberNo', `member number prefix does not match branch ${branchCode}`, 'MEMBER_NO_BRANCH_MISMATCH');
  }
}

function requireNewMember(memberNo: string, state: MemberState): void {
  if (state !== null) throw new DomainError('DUPLICATE_MEMBER_NUMBER', `member number ${memberNo} is already taken`, 'memberNo');
}

function requireExisting(memberNo: string, state: MemberState): MemberSnapshot {
  if (state === null) throw new DomainError('MEMBER_NOT_FOUND', `member ${memberNo} does not exist`, 'memberNo');
  return state;
}

/** An existing member who has not exited, and a business date on or after the admission. */
function requireCurrentMember(memberNo: string, state: MemberState, businessDate: string): MemberSnapshot {
  const member = requireExisting(memberNo, state);
  if (member.status === 'EXITED') throw new DomainError('MEMBER_EXITED', `member ${member.memberNo} has exited`, 'memberNo');
  requireOnOrAfterAdmission(member, businessDate);
  return member;
}

function requireOnOrAfterAdmission(member: MemberSnapshot, businessDate: string): void {
  if (compareIsoDates(businessDate, member.admissionDate) < 0) {
    throw new ValidationError('businessDate', 'the business date is before the member was admitted', 'BUSINESS_DATE_BEFORE_ADMISSION');
  }
}

function hasNominee(command: AdmitMember | ImportMember): boolean {
  return command.nominee !== null && command.nominee !== undefined;
}

/** The application must seal what the member gave; a missing sealed value is a programming error, not bad input. */
function requireSealed(
  personal: SealedPersonalData | null | undefined,
  nomineeGiven: boolean,
  nominee: SealedPersonalData | null | undefined,
): { personal: SealedPersonalData; nominee: SealedPersonalData | null } {
  if (!personal || (nomineeGiven && !nominee) || (!nomineeGiven && nominee)) {
    throw new TypeError('the application must pass the sealed form of exactly the personal data given');
  }
  return { personal, nominee: nominee ?? null };
}
