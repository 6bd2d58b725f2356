import { DomainError, type CommandAccepted, type CommandContext, type CommandHandler, type StaffRole } from '@samabay/domain-kit';
import type { Position } from '@samabay/event-store';
import type { ApprovalCommand } from '../domain/approval-commands';
import { approvalDecider } from '../domain/approval-decider';
import type { ApprovalEvent, ApprovalSubject } from '../domain/approval-events';
import type { ApprovalState, ApprovalStatus, PendingItem } from '../domain/approval-state';
import { approvalIdFor, approvalStreamId } from './approval-ids';

/**
 * What runs once an item is approved: the action itself (e.g. the withdrawal), as the checker, under
 * `context` whose idempotency key is derived from the approval (a repeat runs nothing twice).
 * Resolves with the action's stream and position; throws a DomainError when the action is refused.
 */
export type ApprovedAction = (item: PendingItem, context: CommandContext) => Promise<{ readonly streamId: string | null; readonly position: Position | null }>;

/** What a maker asks to have checked. */
export interface ApprovalRequest {
  readonly kind: string;
  readonly branchCode: string;
  readonly checkerRoles: readonly StaffRole[];
  readonly subject: ApprovalSubject;
  /** Staff who may not check this item besides the maker. */
  readonly excludedCheckers?: readonly string[];
}

/** The answer to a request, an approval, a refusal or a withdrawal. `position`: pass as `consistentWith`. */
export interface ApprovalAnswer {
  readonly approvalId: string;
  readonly status: ApprovalStatus;
  /** Refusal reason, or the approved action's error code when it failed. */
  readonly outcomeCode: string | null;
  readonly replayed: boolean;
  readonly position: Position | null;
}

/**
 * The shared maker–checker mechanism (DESIGN §7): makers put items on the queue, a different,
 * authorised person approves (then the registered action for the item's kind runs) or refuses, the
 * maker may withdraw. Every step is an idempotent command on the item's own stream. Errors: the
 * approval decider's DomainErrors, and NO_ACTION_FOR_KIND for a kind nobody registered.
 */
export class ApprovalQueue {
  private readonly actions = new Map<string, ApprovedAction>();

  constructor(private readonly handler: CommandHandler) {}

  /** Registers what runs when an item of `kind` is approved. Throws Error if `kind` already has one. */
  registerAction(kind: string, action: ApprovedAction): void {
    if (this.actions.has(kind)) throw new Error(`an approved action for ${kind} is already registered`);
    this.actions.set(kind, action);
  }

  /** Puts an item on the queue as `context.actor` (the maker). A repeated key answers with the same item. */
  async request(request: ApprovalRequest, context: CommandContext): Promise<ApprovalAnswer> {
    if (!this.actions.has(request.kind)) throw new DomainError('NO_ACTION_FOR_KIND', `nothing runs when ${request.kind} is approved`, 'kind');
    const approvalId = approvalIdFor(request.branchCode, context.idempotencyKey);
    const accepted = await this.run({ type: 'RequestApproval', approvalId, ...request, maker: context.actor, businessDate: context.businessDate }, context, request.branchCode);
    return this.answer(approvalId, accepted);
  }

  /**
   * Approves as `context.actor` and runs the kind's action (idempotency key `<approvalId>:action`),
   * then records its outcome. A refused action leaves the item FAILED with the refusal's code (the
   * answer says so; nothing throws). Resumes an item left APPROVED by a crash.
   */
  async approve(approvalId: string, context: CommandContext): Promise<ApprovalAnswer> {
    const granted = await this.run({ type: 'ApproveItem', approvalId, checker: context.actor, businessDate: context.businessDate }, context);
    const item = await this.item(approvalId);
    if (item?.status !== 'APPROVED') return this.answer(approvalId, granted);
    const action = this.actions.get(item.kind);
    if (!action) throw new DomainError('NO_ACTION_FOR_KIND', `nothing runs when ${item.kind} is approved`, 'approvalId');
    const actionContext: CommandContext = { ...context, idempotencyKey: `${approvalId}:action`, causationId: approvalId, correlationId: context.correlationId ?? approvalId };
    let outcome: Extract<ApprovalCommand, { type: 'RecordOutcome' }>['outcome'];
    try {
      const done = await action(item, actionContext);
      outcome = { executed: true, streamId: done.streamId };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome = { executed: false, code: error.code, field: error.field ?? null };
    }
    const recorded = await this.run({ type: 'RecordOutcome', approvalId, outcome }, { ...context, idempotencyKey: `${approvalId}:outcome` });
    return { ...(await this.answer(approvalId, recorded)), replayed: granted.replayed };
  }

  /** Refuses as `context.actor` with a reason code. */
  async refuse(approvalId: string, reasonCode: string, context: CommandContext): Promise<ApprovalAnswer> {
    return this.answer(approvalId, await this.run({ type: 'RefuseItem', approvalId, checker: context.actor, reasonCode, businessDate: context.businessDate }, context));
  }

  /** Withdraws as `context.actor`, who must be the maker. */
  async withdraw(approvalId: string, context: CommandContext): Promise<ApprovalAnswer> {
    return this.answer(approvalId, await this.run({ type: 'WithdrawItem', approvalId, maker: context.actor, businessDate: context.businessDate }, context));
  }

  /** The item as its stream has it now, or null when unknown. */
  async item(approvalId: string): Promise<PendingItem | null> {
    const { state } = await this.handler.readState<ApprovalState>(approvalDecider, approvalStreamId(approvalId));
    return state;
  }

  private run(command: ApprovalCommand, context: CommandContext, branchCode?: string): Promise<CommandAccepted<ApprovalEvent>> {
    return this.handler.execute({
      decider: approvalDecider,
      streamId: approvalStreamId(command.approvalId),
      commandType: command.type,
      command,
      context,
      ...(branchCode ? { branchCode } : {}),
    });
  }

  private async answer(approvalId: string, accepted: CommandAccepted<ApprovalEvent>): Promise<ApprovalAnswer> {
    const item = await this.item(approvalId);
    return { approvalId, status: item?.status ?? 'PENDING', outcomeCode: item?.outcomeCode ?? null, replayed: accepted.replayed, position: accepted.position };
  }
}
