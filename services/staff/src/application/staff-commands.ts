import { DomainError, type CommandAccepted, type CommandContext, type CommandHandler, type StaffRole } from '@samabay/domain-kit';
import type { ApprovalAnswer, ApprovalQueue, PendingItem } from '@samabay/maker-checker';
import type { StaffCommand } from '../domain/staff-commands';
import { staffDecider, staffStreamId } from '../domain/staff-decider';
import type { StaffEvent } from '../domain/staff-events';
import { REGISTRY_ADMIN_ROLES, requireRoleAndBranch, requireUserId } from '../domain/staff-rules';
import type { StaffState } from '../domain/staff-state';
import type { StaffDirectory } from '../infrastructure/staff-directory';

/** The maker–checker kind of a staff role change. */
export const STAFF_ROLE_CHANGE = 'STAFF_ROLE_CHANGE';

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
 * by another head_office/admin who is not the user concerned); its approval runs the change.
 * Errors: the staff decider's DomainErrors; ROLE_UNCHANGED / STAFF_NOT_FOUND already at the request.
 */
export class StaffCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: StaffDirectory,
    private readonly approvals: ApprovalQueue,
  ) {
    approvals.registerAction(STAFF_ROLE_CHANGE, (item, context) => this.applyRoleChange(item, context));
  }

  /** Registers a staff user. */
  register(input: RegisterStaffInput, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    return this.run({ type: 'RegisterStaff', ...input, actor: context.actor, businessDate: context.businessDate }, context);
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

  private async run(command: StaffCommand, context: CommandContext): Promise<CommandAccepted<StaffEvent>> {
    const streamId = staffStreamId(requireUserId(command.userId));
    const accepted = await this.handler.execute({ decider: staffDecider, streamId, commandType: command.type, command, context });
    const { state, revision } = await this.handler.readState<StaffState>(staffDecider, streamId);
    if (state) this.directory.observe({ ...state, revision });
    return accepted;
  }
}
