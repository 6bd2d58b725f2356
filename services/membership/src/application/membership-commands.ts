import {
  DomainError,
  todayInKolkata,
  validateCommandContext,
  type CommandAccepted,
  type CommandContext,
  type CommandHandler,
  type Decider,
} from '@samabay/domain-kit';
import type { PersonalDataVault } from '@samabay/personal-data';
import { branchDecider } from '../domain/branch/branch-decider';
import type { BranchCommand } from '../domain/branch/branch-commands';
import type { BranchEvent } from '../domain/branch/branch-events';
import type { MembershipProducts } from '../domain/membership-products';
import type { PersonalDataRetention } from '../domain/personal-data-retention';
import { parseMemberNo } from '../domain/member-number';
import { assessAdmission, assessImport } from '../domain/member/admission-rules';
import type { MemberCommand } from '../domain/member/member-commands';
import { createMemberDecider } from '../domain/member/member-decider';
import type { MemberEvent } from '../domain/member/member-events';
import type { MemberState } from '../domain/member/member-state';
import { requireIsoDate, validateNominee } from '../domain/member/member-validation';
import { branchStreamId, memberStreamId } from '../domain/stream-ids';
import type {
  AdmitMemberInput,
  BranchDefinition,
  ChangeNomineeInput,
  ExitMemberInput,
  ForgetMemberInput,
  ImportMemberInput,
  OpenBranchInput,
  PurchaseSharesInput,
} from './membership-inputs';
import type { ExitStandingLookup } from './member-exit-standing';
import type { OpenDuesLookup } from './open-dues';
import { fingerprintMemberData, fingerprintNominee, normalizeNominee, normalizePersonal, sealMemberData, sealNominee } from './personal-data-sealing';

/** An accepted member command: the member stream's answer plus the member number it concerns. */
export interface MemberCommandAccepted extends CommandAccepted<MemberEvent> {
  readonly memberNo: string;
}

/**
 * Outcome of one branch in {@link MembershipCommands.ensureBranches}: `opened` true when this call's
 * command opened it (or, for a repeated idempotency key, the first call's did); false when it was
 * already open from another command.
 */
export interface EnsuredBranch {
  readonly code: string;
  readonly opened: boolean;
}

/**
 * The membership service's commands (issue 2 item 4). Each takes its input and the CommandContext
 * (idempotency key, actor, business date) and answers with the CommandAccepted of the command
 * handler (a repeated idempotency key returns the first answer with `replayed: true`).
 * Rejections throw DomainError / ValidationError with a stable `code` and the offending `field`;
 * a rejected command appends nothing. Messages never carry personal data.
 */
export interface MembershipCommands {
  /** Opens a branch (stream `branch-<CODE>`). Rejects INVALID_BRANCH_CODE, EMPTY_BRANCH_NAME, BRANCH_ALREADY_OPEN. */
  openBranch(input: OpenBranchInput, context: CommandContext): Promise<CommandAccepted<BranchEvent>>;
  /**
   * Admits a new member on the business date: fee + shares × face value in force then (DESIGN §8).
   * Reserves the member number on the branch stream (scope 'reserve-member-number'; its hash covers
   * only branch, requested number and command type), seals the personal data, then writes the new
   * `member-<memberNo>` stream, whose hash covers the personal data only as keyed fingerprints (so the
   * same key with other personal data is IDEMPOTENCY_KEY_REUSED there). Rejects, besides field validation:
   * BRANCH_NOT_FOUND (branchCode), DUPLICATE_MEMBER_NUMBER / MEMBER_NO_BRANCH_MISMATCH (memberNo). A
   * number whose prefix names another branch is reported as DUPLICATE_MEMBER_NUMBER when a member holds it.
   */
  admitMember(input: AdmitMemberInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * Registers a member from the legacy register with its own number, admission date (used as the
   * business date of the command, whatever the context says), shares and status. Collects nothing.
   */
  importMember(input: ImportMemberInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /** Buys more shares. Rejects INVALID_SHARES, MEMBER_NOT_FOUND, MEMBER_EXITED. */
  purchaseShares(input: PurchaseSharesInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * Replaces the nominee (sealed). Rejects EMPTY_NAME / EMPTY_RELATION / INVALID_CHARACTERS, MEMBER_NOT_FOUND
   * (checked before the vault is touched, so no data key is made for an unknown member), MEMBER_EXITED.
   */
  changeNominee(input: ChangeNomineeInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * The member exits with the share capital refunded. Rejects MEMBER_NOT_FOUND, MEMBER_ALREADY_EXITED,
   * OPEN_DUES (open loans), SAVINGS_NOT_SETTLED (savings accounts not yet paid out and closed) (memberNo);
   * EXIT_BEFORE_LAST_ACTIVITY (businessDate before her latest member, savings or loan activity).
   */
  exitMember(input: ExitMemberInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * Head office asks to forget a former member (maker of maker–checker; issue 6 item 4). Appends
   * MemberForgetRequested; nothing is deleted yet. Rejects MEMBER_NOT_FOUND, MEMBER_NOT_EXITED,
   * EXIT_DATE_UNKNOWN, MEMBER_ALREADY_FORGOTTEN, FORGET_ALREADY_REQUESTED (memberNo); RETENTION_NOT_ELAPSED,
   * NO_TERMS_IN_FORCE (businessDate); ROLE_NOT_ALLOWED (actor.role) unless head_office.
   */
  requestForgetMember(input: ForgetMemberInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * A second head-office user approves: the member's data key is deleted from the vault and
   * MemberForgotten appended (no personal data in it). The decider is asked first, so a refused
   * approval deletes nothing; the key is deleted before the append and again after it (idempotent),
   * so a crash between the two is finished by retrying with the same idempotency key. Then `afterForget`
   * (createMembership: once the read models hold the forget, old row versions of the member directory
   * are physically removed), which a retry with the same key also repeats. Rejects as
   * requestForgetMember, plus FORGET_NOT_REQUESTED (memberNo) and MAKER_CANNOT_APPROVE (actor.userId).
   */
  approveForgetMember(input: ForgetMemberInput, context: CommandContext): Promise<MemberCommandAccepted>;
  /**
   * Opens each branch unless it is open already (safe on every start-up). Each branch's command uses
   * the context's idempotency key under its own scope 'ensure-branch/<CODE>'. Rejects like openBranch
   * for a malformed definition.
   */
  ensureBranches(branches: readonly BranchDefinition[], context: CommandContext): Promise<EnsuredBranch[]>;
}

/** What {@link MembershipCommandService} needs. `clock` only supplies `today` for the future-date check. */
export interface MembershipCommandDeps {
  readonly handler: CommandHandler;
  readonly vault: PersonalDataVault;
  readonly products: MembershipProducts;
  /** Effective-dated retention period after exit before a member may be forgotten. Default: none (forgetting is refused). */
  readonly retention?: PersonalDataRetention;
  readonly clock: () => Date;
  readonly openDues: OpenDuesLookup;
  /** Her open savings accounts and latest activity date, asked before every exit (see memberExitStanding). */
  readonly exitStanding: ExitStandingLookup;
  /**
   * Run after every approveForgetMember (also a replayed one): waits until the read models hold the
   * forget, then physically removes old row versions that still hold her plaintext (createMembership:
   * purgeForgottenRowVersions). Default: nothing (no read models, as in unit tests of the command side).
   */
  readonly afterForget?: (memberNo: string) => Promise<void>;
}

const RESERVATION_SCOPE = 'reserve-member-number';
/** Own command types of the two branch-side steps, so that metrics do not count the outer command twice. */
const RESERVATION_COMMAND_TYPE = 'ReserveMemberNumber';
const FOREIGN_NUMBER_COMMAND_TYPE = 'ExplainForeignMemberNumber';
const FOREIGN_NUMBER_SCOPE = 'explain-foreign-member-number';

/** The command side of membership, on the shared CommandHandler. See {@link MembershipCommands}. */
export class MembershipCommandService implements MembershipCommands {
  private readonly memberDecider: Decider<MemberCommand, MemberEvent, MemberState>;

  constructor(private readonly deps: MembershipCommandDeps) {
    this.memberDecider = createMemberDecider(deps.products, deps.retention ?? []);
  }

  openBranch(input: OpenBranchInput, context: CommandContext): Promise<CommandAccepted<BranchEvent>> {
    return this.executeOnBranch(input.branchCode, 'OpenBranch', { type: 'OpenBranch', branchCode: input.branchCode, name: input.name }, context);
  }

  async ensureBranches(branches: readonly BranchDefinition[], context: CommandContext): Promise<EnsuredBranch[]> {
    const outcomes: EnsuredBranch[] = [];
    for (const branch of branches) {
      try {
        const command: BranchCommand = { type: 'OpenBranch', branchCode: branch.code, name: branch.name };
        await this.executeOnBranch(branch.code, 'OpenBranch', command, context, `ensure-branch/${branch.code}`);
        outcomes.push({ code: branch.code, opened: true });
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'BRANCH_ALREADY_OPEN')) throw error;
        outcomes.push({ code: branch.code, opened: false });
      }
    }
    return outcomes;
  }

  async admitMember(input: AdmitMemberInput, context: CommandContext): Promise<MemberCommandAccepted> {
    validateCommandContext(context);
    const personal = normalizePersonal(input.personal);
    const nominee = normalizeNominee(input.nominee);
    const requestedMemberNo = input.memberNo ?? undefined;
    const today = this.today();
    assessAdmission({ branchCode: input.branchCode, businessDate: context.businessDate, today, shares: input.shares, personal, nominee }, this.deps.products);
    if (requestedMemberNo !== undefined) parseMemberNo(requestedMemberNo);

    const memberNo = await this.reserveMemberNumber(input.branchCode, requestedMemberNo, 'AdmitMember', context);
    const fingerprints = await fingerprintMemberData(this.deps.vault, memberNo, personal, nominee);
    const payloadForHash = { branchCode: input.branchCode, memberNo: requestedMemberNo ?? null, ...fingerprints, shares: input.shares };
    const sealed = await sealMemberData(this.deps.vault, memberNo, personal, nominee);
    const command: MemberCommand = {
      type: 'AdmitMember',
      memberNo,
      branchCode: input.branchCode,
      businessDate: context.businessDate,
      today,
      shares: input.shares,
      personal,
      nominee,
      ...sealed,
    };
    return this.executeOnMember(memberNo, 'AdmitMember', command, context, payloadForHash);
  }

  async importMember(input: ImportMemberInput, context: CommandContext): Promise<MemberCommandAccepted> {
    const admissionDate = requireIsoDate(input.admissionDate, 'admissionDate');
    const importContext: CommandContext = { ...context, businessDate: admissionDate };
    validateCommandContext(importContext);
    const personal = normalizePersonal(input.personal);
    const nominee = normalizeNominee(input.nominee);
    const today = this.today();
    const request = { memberNo: input.memberNo, branchCode: input.branchCode, businessDate: admissionDate, today, sharesHeld: input.sharesHeld, status: input.status, personal, nominee };
    assessImport(request, this.deps.products);

    const memberNo = await this.reserveMemberNumber(input.branchCode, input.memberNo, 'ImportMember', importContext);
    const fingerprints = await fingerprintMemberData(this.deps.vault, memberNo, personal, nominee);
    const payloadForHash = { memberNo: input.memberNo, branchCode: input.branchCode, admissionDate, ...fingerprints, sharesHeld: input.sharesHeld, status: input.status };
    const sealed = await sealMemberData(this.deps.vault, memberNo, personal, nominee);
    return this.executeOnMember(memberNo, 'ImportMember', { type: 'ImportMember', ...request, ...sealed }, importContext, payloadForHash);
  }

  async purchaseShares(input: PurchaseSharesInput, context: CommandContext): Promise<MemberCommandAccepted> {
    parseMemberNo(input.memberNo);
    const command: MemberCommand = { type: 'PurchaseShares', memberNo: input.memberNo, businessDate: context.businessDate, today: this.today(), shares: input.shares };
    return this.executeOnMember(input.memberNo, 'PurchaseShares', command, context, { memberNo: input.memberNo, shares: input.shares });
  }

  async changeNominee(input: ChangeNomineeInput, context: CommandContext): Promise<MemberCommandAccepted> {
    validateCommandContext(context);
    parseMemberNo(input.memberNo);
    const nominee = normalizeNominee(input.nominee);
    // Validated, and the member known to exist, before the vault is asked to key, fingerprint or seal anything.
    validateNominee(nominee as NonNullable<typeof nominee>);
    await this.requireMemberExists(input.memberNo);
    const nomineeFingerprint = await fingerprintNominee(this.deps.vault, input.memberNo, nominee as NonNullable<typeof nominee>);
    const sealedNominee = await sealNominee(this.deps.vault, input.memberNo, nominee as NonNullable<typeof nominee>);
    const command: MemberCommand = {
      type: 'ChangeNominee',
      memberNo: input.memberNo,
      businessDate: context.businessDate,
      today: this.today(),
      nominee: nominee as NonNullable<typeof nominee>,
      sealedNominee,
    };
    return this.executeOnMember(input.memberNo, 'ChangeNominee', command, context, { memberNo: input.memberNo, nominee: nomineeFingerprint });
  }

  async exitMember(input: ExitMemberInput, context: CommandContext): Promise<MemberCommandAccepted> {
    parseMemberNo(input.memberNo);
    const openDues = await this.deps.openDues(input.memberNo);
    const { openSavingsAccounts, lastActivityOn } = await this.deps.exitStanding(input.memberNo);
    const command: MemberCommand = {
      type: 'ExitMember',
      memberNo: input.memberNo,
      businessDate: context.businessDate,
      today: this.today(),
      openDues,
      openSavingsAccounts,
      lastActivityOn,
    };
    return this.executeOnMember(input.memberNo, 'ExitMember', command, context, { memberNo: input.memberNo });
  }

  async requestForgetMember(input: ForgetMemberInput, context: CommandContext): Promise<MemberCommandAccepted> {
    parseMemberNo(input.memberNo);
    const command: MemberCommand = { type: 'RequestForgetMember', memberNo: input.memberNo, businessDate: context.businessDate, today: this.today(), actor: forgetActor(context) };
    return this.executeOnMember(input.memberNo, 'RequestForgetMember', command, context, { memberNo: input.memberNo });
  }

  async approveForgetMember(input: ForgetMemberInput, context: CommandContext): Promise<MemberCommandAccepted> {
    validateCommandContext(context);
    parseMemberNo(input.memberNo);
    const command: MemberCommand = { type: 'ApproveForgetMember', memberNo: input.memberNo, businessDate: context.businessDate, today: this.today(), actor: forgetActor(context) };
    // Ask the decider before touching the vault: a refused approval must delete nothing.
    // MEMBER_ALREADY_FORGOTTEN goes on to the handler, which replays the first answer for the same key.
    const { state } = await this.deps.handler.readState(this.memberDecider, memberStreamId(input.memberNo));
    try {
      this.memberDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'MEMBER_ALREADY_FORGOTTEN')) throw error;
    }
    if (state !== null) await this.deps.vault.forget(input.memberNo);
    const accepted = await this.executeOnMember(input.memberNo, 'ApproveForgetMember', command, context, { memberNo: input.memberNo });
    await this.deps.vault.forget(input.memberNo);
    await this.deps.afterForget?.(input.memberNo);
    return accepted;
  }

  /**
   * Takes a member number on the branch stream; a retry with the same key gets the same number back.
   * The hash covers no personal data (nothing to fingerprint it with before the number exists): the
   * outer command type, the branch and the requested number; the member step compares the rest.
   */
  private async reserveMemberNumber(branchCode: string, requestedMemberNo: string | undefined, forCommand: string, context: CommandContext): Promise<string> {
    const command: BranchCommand = requestedMemberNo === undefined ? { type: 'ReserveMemberNumber', branchCode } : { type: 'ReserveMemberNumber', branchCode, requestedMemberNo };
    const payloadForHash = { forCommand, branchCode, requestedMemberNo: requestedMemberNo ?? null };
    let accepted: CommandAccepted<BranchEvent>;
    try {
      accepted = await this.executeOnBranch(branchCode, RESERVATION_COMMAND_TYPE, command, context, RESERVATION_SCOPE, payloadForHash);
    } catch (error) {
      if (requestedMemberNo !== undefined && error instanceof DomainError && error.code === 'MEMBER_NO_BRANCH_MISMATCH') {
        // A number of another branch's register: say "duplicate" if a member holds it (always rejects).
        const explain: MemberCommand = { type: 'ExplainForeignMemberNumber', memberNo: requestedMemberNo, branchCode };
        await this.executeOnMember(requestedMemberNo, FOREIGN_NUMBER_COMMAND_TYPE, explain, context, payloadForHash, FOREIGN_NUMBER_SCOPE);
      }
      throw error;
    }
    const reservation = accepted.events.find((event) => event.type === 'MemberNumberReserved');
    if (!reservation || reservation.type !== 'MemberNumberReserved') throw new Error(`the reservation on ${accepted.streamId} returned no member number`);
    return reservation.data.memberNo;
  }

  /** @throws DomainError MEMBER_NOT_FOUND (memberNo) when the member stream is empty. */
  private async requireMemberExists(memberNo: string): Promise<void> {
    const { state } = await this.deps.handler.readState(this.memberDecider, memberStreamId(memberNo));
    if (state === null) throw new DomainError('MEMBER_NOT_FOUND', `member ${memberNo} does not exist`, 'memberNo');
  }

  private executeOnBranch(
    branchCode: string,
    commandType: string,
    command: BranchCommand,
    context: CommandContext,
    idempotencyScope?: string,
    payloadForHash?: unknown,
  ): Promise<CommandAccepted<BranchEvent>> {
    return this.deps.handler.execute({
      decider: branchDecider,
      streamId: branchStreamId(branchCode),
      commandType,
      command,
      context,
      idempotencyScope,
      payloadForHash,
      branchCode,
    });
  }

  private async executeOnMember(
    memberNo: string,
    commandType: string,
    command: MemberCommand,
    context: CommandContext,
    payloadForHash: unknown,
    idempotencyScope?: string,
  ): Promise<MemberCommandAccepted> {
    const accepted = await this.deps.handler.execute({
      decider: this.memberDecider,
      streamId: memberStreamId(memberNo),
      commandType,
      command,
      context,
      idempotencyScope,
      payloadForHash,
      branchCode: parseMemberNo(memberNo).branchCode,
    });
    return { ...accepted, memberNo };
  }

  private today(): string {
    return todayInKolkata(this.deps.clock);
  }
}

/** The forget commands' actor: user id and role from the verified token. */
function forgetActor(context: CommandContext): { userId: string; role: CommandContext['actor']['role'] } {
  return { userId: context.actor.userId, role: context.actor.role };
}
