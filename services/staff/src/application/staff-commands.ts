import { DomainError, type CommandAccepted, type CommandContext, type CommandHandler, type StaffRole } from '@samabay/domain-kit';
import type { ApprovalAnswer, ApprovalQueue, PendingItem } from '@samabay/maker-checker';
import type { StaffCommand } from '../domain/staff-commands';
import { staffDecider, staffStreamId } from '../domain/staff-decider';
import type { StaffEvent } from '../domain/staff-events';
import { BOOTSTRAP_ACTOR_ID, REGISTRY_ADMIN_ROLES, requireBranchCode, requireRegistrableUserId, requireRegistryAdmin, requireRoleAndBranch, requireUserId } from '../domain/staff-rules';
import type { StaffState } from '../domain/staff-state';
import type { KnownBranches } from '../infrastructure/known-branches';
import type { StaffDirectory } from '../infrastructure/staff-directory';

/** The maker–checker kind of a staff role change. */
export const STAFF_ROLE_CHANGE = 'STAFF_ROLE_CHANGE';
/** The maker–checker kind of a registration (needed for admin, head_office and auditor). */
export const STAFF_REGISTRATION = 'STAFF_REGISTRATION';

/** A registration. */
export interface RegisterStaffInput {
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
}

/**
 * The staff registry's commands (DESIGN §7). Every accepted command also moves the StaffDirectory
 * forward at once (write-through), so a disabled user's next request is refused even before the
 * projection has caught up. A role change is a maker–checker item (kind STAFF_ROLE_CHANGE, checked
 * by another head_office/admin who is not the user concerned); its approval runs the change. So is
 * the registration of a privileged role (kind STAFF_REGISTRATION; the decider refuses it otherwise
 * with APPROVAL_REQUIRED). The branch of a registration or role change must have been opened: the
 * service knows branches from membership's BranchOpened events (KnownBranches).
 * Errors: the staff decider's DomainErrors; UNKNOWN_BRANCH (branchCode); ROLE_UNCHANGED /
 * STAFF_NOT_FOUND / STAFF_ALREADY_REGISTERED already at the request.
 */
export class StaffCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: StaffDirectory,
    private readonly approvals: ApprovalQueue,
    private readonly branches: KnownBranches,
  ) {
    approvals.registerAction(STAFF_ROLE_CHANGE, (item, context) => this.applyRoleChange(item, context));
    approvals.registerAction(STAFF_REGISTRATION, (item, context) => this.applyRegistration(item, context));
  }

  /** Registers a staff user of a role that needs no second administrator (teller, branch_manager, partner). */
  async register(input: RegisterStaffInput, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    await this.requireKnownBranch(input.branchCode);
    return this.run({ type: 'RegisterStaff', userId: input.userId, role: input.role, branchCode: input.branchCode, actor: context.actor, businessDate: context.businessDate }, context);
  }

  /**
   * Asks for a registration — required for admin, head_office and auditor — that a different
   * registry administrator approves (maker–checker); the approval registers the user.
   * Refuses at once what the registration would refuse: bad input, UNKNOWN_BRANCH, STAFF_ALREADY_REGISTERED.
   */
  async requestRegistration(input: RegisterStaffInput, context: CommandContext): Promise<ApprovalAnswer> {
    requireRegistryAdmin(context.actor);
    const userId = requireRegistrableUserId(requireUserId(input.userId));
    const { role, branchCode } = requireRoleAndBranch(input.role, input.branchCode);
    await this.requireKnownBranch(branchCode);
    const { state } = await this.handler.readState<StaffState>(staffDecider, staffStreamId(userId));
    if (state !== null) throw new DomainError('STAFF_ALREADY_REGISTERED', 'this user id is already registered', 'userId');
    return this.approvals.request(
      { kind: STAFF_REGISTRATION, branchCode, checkerRoles: REGISTRY_ADMIN_ROLES, excludedCheckers: [userId], subject: { userId, role, branchCode } },
      context,
    );
  }

  /**
   * Registers the platform's first administrator at start-up, without a second administrator (there
   * is none yet). `context.actor` must be the platform's own actor (`system`); anyone else gets APPROVAL_REQUIRED.
   */
  async registerBootstrapAdmin(userId: string, branchCode: string, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    await this.requireKnownBranch(branchCode);
    return this.run({ type: 'RegisterStaff', userId, role: 'admin', branchCode, bootstrap: context.actor.userId === BOOTSTRAP_ACTOR_ID, actor: context.actor, businessDate: context.businessDate }, context);
  }

  /** Disables a staff user; their tokens are refused from now on. */
  disable(userId: string, reasonCode: string, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    return this.run({ type: 'DisableStaff', userId, reasonCode, actor: context.actor, businessDate: context.businessDate }, context);
  }

  /** Enables a disabled staff user. */
  enable(userId: string, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    return this.run({ type: 'EnableStaff', userId, actor: context.actor, businessDate: context.businessDate }, context);
  }

  /** Asks for a role/branch change; a different registry administrator approves it (maker–checker). */
  async requestRoleChange(input: RegisterStaffInput, context: CommandContext): Promise<ApprovalAnswer> {
    const userId = requireUserId(input.userId);
    const { role, branchCode } = requireRoleAndBranch(input.role, input.branchCode);
    if (!REGISTRY_ADMIN_ROLES.includes(context.actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `this needs the role ${REGISTRY_ADMIN_ROLES.join(' or ')}`, 'actor.role');
    await this.requireKnownBranch(branchCode);
    const { state } = await this.handler.readState<StaffState>(staffDecider, staffStreamId(userId));
    if (state === null) throw new DomainError('STAFF_NOT_FOUND', 'there is no such staff user', 'userId');
    if (state.role === role && state.branchCode === branchCode) throw new DomainError('ROLE_UNCHANGED', 'the user already has this role at this branch', 'role');
    return this.approvals.request(
      { kind: STAFF_ROLE_CHANGE, branchCode: state.branchCode, checkerRoles: REGISTRY_ADMIN_ROLES, excludedCheckers: [userId], subject: { userId, role, branchCode } },
      context,
    );
  }

  private async applyRoleChange(item: PendingItem, context: CommandContext): Promise<{ streamId: string; position: CommandAccepted<StaffEvent>['position'] }> {
    const { userId, role, branchCode } = item.subject as { userId: string; role: StaffRole; branchCode: string };
    const accepted = await this.run({ type: 'ChangeStaffRole', userId, role, branchCode, approvalId: item.approvalId, actor: context.actor, businessDate: context.businessDate }, context);
    return { streamId: accepted.streamId, position: accepted.position };
  }

  private async applyRegistration(item: PendingItem, context: CommandContext): Promise<{ streamId: string; position: CommandAccepted<StaffEvent>['position'] }> {
    const { userId, role, branchCode } = item.subject as { userId: string; role: StaffRole; branchCode: string };
    const accepted = await this.run({ type: 'RegisterStaff', userId, role, branchCode, approvalId: item.approvalId, actor: context.actor, businessDate: context.businessDate }, context);
    return { streamId: accepted.streamId, position: accepted.position };
  }

  /** @throws ValidationError INVALID_BRANCH_CODE; DomainError UNKNOWN_BRANCH (branchCode) for a branch never opened. */
  private async requireKnownBranch(branchCode: string): Promise<void> {
    if (!(await this.branches.has(requireBranchCode(branchCode)))) throw new DomainError('UNKNOWN_BRANCH', 'there is no open branch with this code', 'branchCode');
  }

  private async run(command: StaffCommand, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    const streamId = staffStreamId(requireUserId(command.userId));
    const accepted = await this.handler.execute({ decider: staffDecider, streamId, commandType: command.type, command, context });
    const { state, revision } = await this.handler.readState<StaffState>(staffDecider, streamId);
    if (state) this.directory.observe({ ...state, revision });
    return accepted;
  }
}
