import {
  deterministicEventId,
  DomainError,
  todayInKolkata,
  validateCommandContext,
  ValidationError,
  type CommandAccepted,
  type CommandContext,
  type CommandHandler,
  type Decider,
} from '@samabay/domain-kit';
import type { EligibilityFacts, GuarantorFact, LoanActor, LoanCommand } from '../domain/loan/loan-commands';
import { createLoanDecider } from '../domain/loan/loan-decider';
import type { LoanEvent, LoanRepaymentRecorded } from '../domain/loan/loan-events';
import type { LoanState } from '../domain/loan/loan-state';
import type { LoanProducts } from '../domain/product/loan-product';
import { loanStreamId } from '../domain/stream-ids';
import type {
  AppraiseLoanInput,
  ApplyForLoanInput,
  ConfirmDisbursementInput,
  DisburseLoanInput,
  FailDisbursementInput,
  LoanInput,
  RecordRepaymentInput,
  RejectLoanInput,
  RescheduleLoanInput,
  WithdrawLoanApplicationInput,
} from './lending-inputs';
import type { BorrowerFactsSource, ReadModelsCaughtUp } from './lending-ports';
import { branchOfLoanId, loanIdForApplication } from './loan-ids';

/** An accepted loan command: the loan stream's answer plus the loan it concerns. */
export interface LoanCommandAccepted extends CommandAccepted<LoanEvent> {
  readonly loanId: string;
}

/** An accepted repayment, with the LoanRepaymentRecorded that tells how it was allocated. */
export interface RepaymentAccepted extends LoanCommandAccepted {
  readonly repayment: LoanRepaymentRecorded['data'];
}

/**
 * The lending service's commands (issue 5 item 2). Each takes its input and the CommandContext
 * (idempotency key, business date, actor from the verified token) and answers with the command
 * handler's CommandAccepted (a repeated idempotency key returns the first answer with `replayed: true`).
 * Every rejection is a DomainError/ValidationError with a stable `code` and `field`, and appends nothing.
 * Common rejections: BAD_IDEMPOTENCY_KEY, BAD_DATE, BUSINESS_DATE_IN_FUTURE (businessDate after today in
 * Kolkata), INVALID_LOAN_ID, LOAN_NOT_FOUND, ROLE_NOT_ALLOWED, and the decider's codes listed per command.
 */
export interface LendingCommands {
  /**
   * Applies for a loan with the eligibility facts from lending's local projections (member status and
   * admission date, savings balance, open loans, borrower-wise NPA). Rejects MEMBER_NOT_FOUND,
   * INVALID_MEMBER_NO, LOAN_BRANCH_MISMATCH (loanId of another branch), UNKNOWN_PRODUCT,
   * PURPOSE_NOT_OFFERED, AMOUNT/TERM/RATE_OUTSIDE_PRODUCT (amount in rupees), GUARANTORS_REQUIRED,
   * INVALID_GUARANTOR / GUARANTOR_IS_BORROWER / DUPLICATE_GUARANTOR / GUARANTOR_NOT_FOUND / GUARANTOR_NOT_ACTIVE /
   * GUARANTOR_OTHER_BRANCH (field `guarantors[i]`; guarantor facts from lending's projection of membership events),
   * MEMBER_NOT_ACTIVE, MEMBERSHIP_TOO_SHORT, BORROWER_IS_NPA, TOO_MANY_OPEN_LOANS (memberNo; applied, approved
   * and disbursed loans count), EXCEEDS_SAVINGS_MULTIPLE (amount; on her total exposure).
   */
  applyForLoan(input: ApplyForLoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The maker's appraisal (repeatable until approval). Rejects LOAN_NOT_AWAITING_APPRAISAL and the limits and guarantor checks of applyForLoan. */
  appraiseLoan(input: AppraiseLoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /**
   * Maker–checker approval by a branch_manager or head_office other than the maker, with the borrower's
   * eligibility checked again on her other loans now. Rejects LOAN_NOT_APPRAISED, MAKER_CANNOT_APPROVE and
   * the eligibility rejections of applyForLoan (TOO_MANY_OPEN_LOANS, EXCEEDS_SAVINGS_MULTIPLE, …).
   */
  approveLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /**
   * Pays the approved loan out once, to a member still eligible (eligibility re-checked as at approval). CASH: LoanDisbursed at once. SAVINGS_ACCOUNT:
   * LoanDisbursementRequested (its `disbursementId` is the event's id, derived from the idempotency key); the
   * disbursement process (loan-disbursement-process.ts) credits the account and confirms. Rejects LOAN_NOT_APPROVED,
   * LOAN_ALREADY_DISBURSED, DISBURSEMENT_IN_PROGRESS, BUSINESS_DATE_BEFORE_APPROVAL, MEMBER_NOT_ACTIVE, INVALID_CHANNEL,
   * NOT_BORROWERS_SAVINGS_ACCOUNT.
   */
  disburseLoan(input: DisburseLoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** Maker–checker rejection of an application not yet disbursed. Rejects LOAN_NOT_AWAITING_DECISION, MAKER_CANNOT_APPROVE, ROLE_NOT_ALLOWED, INVALID_REASON. */
  rejectLoan(input: RejectLoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The member withdraws an application not yet disbursed. Rejects LOAN_NOT_WITHDRAWABLE, DISBURSEMENT_IN_PROGRESS, INVALID_REASON. */
  withdrawLoanApplication(input: WithdrawLoanApplicationInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The disbursement process: savings credited the requested disbursement (idempotent). Rejects NO_DISBURSEMENT_REQUESTED. */
  confirmDisbursement(input: ConfirmDisbursementInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The disbursement process: savings refused the credit; the loan is APPROVED again (idempotent). Rejects NO_DISBURSEMENT_REQUESTED. */
  failDisbursement(input: FailDisbursementInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** Records a repayment. Rejects AMOUNT_NOT_POSITIVE, REPAYMENT_EXCEEDS_FORECLOSURE, BUSINESS_DATE_BEFORE_DISBURSEMENT / _LAST_ACTIVITY, LOAN_NOT_ACTIVE. */
  recordRepayment(input: RecordRepaymentInput, context: CommandContext): Promise<RepaymentAccepted>;
  /** Reschedules the unpaid principal (branch_manager or head_office). Rejects TERM/RATE_OUTSIDE_PRODUCT, NOTHING_TO_RESCHEDULE. */
  rescheduleLoan(input: RescheduleLoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The maker proposes writing off an NPA loan. Rejects LOAN_NOT_NPA, NOTHING_OUTSTANDING, WRITE_OFF_ALREADY_REQUESTED. */
  requestWriteOff(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** The checker writes the loan off. Rejects WRITE_OFF_NOT_REQUESTED, MAKER_CANNOT_APPROVE. */
  writeOffLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** Head office or an auditor marks an NPA loan a loss asset. Rejects LOAN_NOT_NPA, LOAN_ALREADY_LOSS. */
  markLoanAsLoss(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
  /** Closes a fully repaid loan. Rejects LOAN_HAS_OUTSTANDING_BALANCE, LOAN_NOT_ACTIVE. */
  closeLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted>;
}

/** What {@link LendingCommandService} needs. `clock` only supplies "today" for the future-date check. */
export interface LendingCommandDeps {
  readonly handler: CommandHandler;
  readonly products: LoanProducts;
  readonly clock: () => Date;
  readonly borrowerFacts: BorrowerFactsSource;
  readonly readModelsCaughtUp: ReadModelsCaughtUp;
}

const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;

/** The command side of lending, on the shared CommandHandler. See {@link LendingCommands}. */
export class LendingCommandService implements LendingCommands {
  private readonly decider: Decider<LoanCommand, LoanEvent, LoanState>;

  constructor(private readonly deps: LendingCommandDeps) {
    this.decider = createLoanDecider(deps.products);
  }

  async applyForLoan(input: ApplyForLoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    this.requireBusinessDate(context);
    if (typeof input.memberNo !== 'string' || !MEMBER_NO.test(input.memberNo)) {
      throw new ValidationError('memberNo', 'member number must look like SNG-000123', 'INVALID_MEMBER_NO');
    }
    const branchCode = input.memberNo.slice(0, 3);
    const loanId = input.loanId ?? loanIdForApplication(branchCode, context.idempotencyKey);
    if (branchOfLoanId(loanId) !== branchCode) throw new ValidationError('loanId', "the loan id must carry the member's branch", 'LOAN_BRANCH_MISMATCH');
    await this.deps.readModelsCaughtUp();
    const eligibility = await this.deps.borrowerFacts.eligibilityFacts(input.memberNo, loanId);
    if (eligibility === null) throw new DomainError('MEMBER_NOT_FOUND', 'there is no such member', 'memberNo');
    const guarantors = input.guarantors ?? [];
    const guarantorFacts = await this.deps.borrowerFacts.guarantorFacts(memberNumbers(guarantors));
    const command: LoanCommand = {
      type: 'ApplyForLoan',
      loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      memberNo: input.memberNo,
      branchCode,
      productCode: input.productCode,
      purpose: input.purpose,
      amountPaise: input.amountPaise,
      numberOfInstalments: input.numberOfInstalments,
      ...(input.ratePercent == null ? {} : { ratePercent: input.ratePercent }),
      guarantors,
      guarantorFacts,
      eligibility,
    };
    const payload = { ...input, ratePercent: input.ratePercent ?? null, guarantors, loanId: input.loanId ?? null };
    return this.execute(loanId, 'ApplyForLoan', command, context, payload);
  }

  async appraiseLoan(input: AppraiseLoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    let guarantorFacts: GuarantorFact[] | undefined;
    if (input.guarantors != null) {
      this.requireBusinessDate(context);
      branchOfLoanId(input.loanId);
      await this.deps.readModelsCaughtUp();
      guarantorFacts = await this.deps.borrowerFacts.guarantorFacts(memberNumbers(input.guarantors));
    }
    const command: LoanCommand = {
      type: 'AppraiseLoan',
      loanId: input.loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      ...(input.amountPaise == null ? {} : { amountPaise: input.amountPaise }),
      ...(input.numberOfInstalments == null ? {} : { numberOfInstalments: input.numberOfInstalments }),
      ...(input.ratePercent == null ? {} : { ratePercent: input.ratePercent }),
      ...(input.guarantors == null ? {} : { guarantors: input.guarantors, guarantorFacts }),
    };
    const payload = { loanId: input.loanId, amountPaise: input.amountPaise ?? null, numberOfInstalments: input.numberOfInstalments ?? null, ratePercent: input.ratePercent ?? null, guarantors: input.guarantors ?? null };
    return this.execute(input.loanId, 'AppraiseLoan', command, context, payload);
  }

  async approveLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const eligibility = await this.currentEligibility(input.loanId, context);
    const command: LoanCommand = { type: 'ApproveLoan', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context), eligibility };
    return this.execute(input.loanId, 'ApproveLoan', command, context, { loanId: input.loanId });
  }

  async disburseLoan(input: DisburseLoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const eligibility = await this.currentEligibility(input.loanId, context);
    // The request's id is the id its LoanDisbursementRequested event will get (same key, default scope, first event).
    const disbursementId = input.channel?.kind === 'SAVINGS_ACCOUNT' ? deterministicEventId(context.idempotencyKey, 'command', loanStreamId(input.loanId), 0) : undefined;
    const command: LoanCommand = {
      type: 'DisburseLoan',
      loanId: input.loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      channel: input.channel,
      eligibility,
      ...(disbursementId ? { disbursementId } : {}),
    };
    return this.execute(input.loanId, 'DisburseLoan', command, context, { loanId: input.loanId, channel: input.channel ?? null });
  }

  rejectLoan(input: RejectLoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const command: LoanCommand = { type: 'RejectLoan', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context), reason: input.reason };
    return this.execute(input.loanId, 'RejectLoan', command, context, { loanId: input.loanId, reason: input.reason ?? null });
  }

  withdrawLoanApplication(input: WithdrawLoanApplicationInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const command: LoanCommand = {
      type: 'WithdrawLoanApplication',
      loanId: input.loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      ...(input.reason == null ? {} : { reason: input.reason }),
    };
    return this.execute(input.loanId, 'WithdrawLoanApplication', command, context, { loanId: input.loanId, reason: input.reason ?? null });
  }

  confirmDisbursement(input: ConfirmDisbursementInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const command: LoanCommand = { type: 'ConfirmDisbursement', loanId: input.loanId, businessDate: context.businessDate, disbursementId: input.disbursementId, creditEventId: input.creditEventId };
    return this.execute(input.loanId, 'ConfirmDisbursement', command, context, { ...input });
  }

  failDisbursement(input: FailDisbursementInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const command: LoanCommand = { type: 'FailDisbursement', loanId: input.loanId, businessDate: context.businessDate, disbursementId: input.disbursementId, reasonCode: input.reasonCode };
    return this.execute(input.loanId, 'FailDisbursement', command, context, { ...input });
  }

  async recordRepayment(input: RecordRepaymentInput, context: CommandContext): Promise<RepaymentAccepted> {
    const command: LoanCommand = {
      type: 'RecordRepayment',
      loanId: input.loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      amountPaise: input.amountPaise,
      ...(input.strategy == null ? {} : { strategy: input.strategy }),
      ...(input.overpayment == null ? {} : { overpayment: input.overpayment }),
    };
    const payload = { loanId: input.loanId, amountPaise: input.amountPaise, strategy: input.strategy ?? null, overpayment: input.overpayment ?? null };
    const accepted = await this.execute(input.loanId, 'RecordRepayment', command, context, payload);
    const recorded = accepted.events.find((event): event is LoanRepaymentRecorded => event.type === 'LoanRepaymentRecorded');
    if (!recorded) throw new Error(`the repayment on ${accepted.streamId} returned no LoanRepaymentRecorded`);
    return { ...accepted, repayment: recorded.data };
  }

  rescheduleLoan(input: RescheduleLoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    const command: LoanCommand = {
      type: 'RescheduleLoan',
      loanId: input.loanId,
      businessDate: context.businessDate,
      actor: actorOf(context),
      numberOfInstalments: input.numberOfInstalments,
      ...(input.ratePercent == null ? {} : { ratePercent: input.ratePercent }),
    };
    return this.execute(input.loanId, 'RescheduleLoan', command, context, { loanId: input.loanId, numberOfInstalments: input.numberOfInstalments, ratePercent: input.ratePercent ?? null });
  }

  requestWriteOff(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    return this.execute(input.loanId, 'RequestWriteOff', { type: 'RequestWriteOff', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context) }, context, { loanId: input.loanId });
  }

  writeOffLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    return this.execute(input.loanId, 'WriteOffLoan', { type: 'WriteOffLoan', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context) }, context, { loanId: input.loanId });
  }

  markLoanAsLoss(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    return this.execute(input.loanId, 'MarkLoanAsLoss', { type: 'MarkLoanAsLoss', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context) }, context, { loanId: input.loanId });
  }

  closeLoan(input: LoanInput, context: CommandContext): Promise<LoanCommandAccepted> {
    return this.execute(input.loanId, 'CloseLoan', { type: 'CloseLoan', loanId: input.loanId, businessDate: context.businessDate, actor: actorOf(context) }, context, { loanId: input.loanId });
  }

  /**
   * Runs one loan command. The hash covers the client's input only (`payload`): a retry by another
   * staff member, or with eligibility facts that moved since, is still the same request.
   */
  private async execute(loanId: string, commandType: string, command: LoanCommand, context: CommandContext, payload: unknown): Promise<LoanCommandAccepted> {
    this.requireBusinessDate(context);
    const branchCode = branchOfLoanId(loanId);
    const accepted = await this.deps.handler.execute({ decider: this.decider, streamId: loanStreamId(loanId), commandType, command, context, payloadForHash: payload, branchCode });
    return { ...accepted, loanId };
  }

  /**
   * The borrower's eligibility facts now (her loans other than `loanId`), after lending's read models
   * caught up, for the re-check at approval and disbursement.
   * @throws the context rejections of {@link requireBusinessDate}, INVALID_LOAN_ID, LOAN_NOT_FOUND (loanId:
   *   a loan the caught-up read models do not hold does not exist).
   */
  private async currentEligibility(loanId: string, context: CommandContext): Promise<EligibilityFacts> {
    this.requireBusinessDate(context);
    branchOfLoanId(loanId);
    await this.deps.readModelsCaughtUp();
    const facts = await this.deps.borrowerFacts.eligibilityFactsForLoan(loanId);
    if (facts === null) throw new DomainError('LOAN_NOT_FOUND', 'there is no such loan', 'loanId');
    return facts;
  }

  /** @throws ValidationError for a bad context, BUSINESS_DATE_IN_FUTURE when the business date is after today in Kolkata. */
  private requireBusinessDate(context: CommandContext): void {
    validateCommandContext(context);
    if (context.businessDate > todayInKolkata(this.deps.clock)) {
      throw new ValidationError('businessDate', 'the business date must not be after today', 'BUSINESS_DATE_IN_FUTURE');
    }
  }
}

/** The distinct well-formed member numbers among `guarantors` (the decider rejects the rest by position). */
function memberNumbers(guarantors: readonly unknown[]): string[] {
  return Array.isArray(guarantors) ? [...new Set(guarantors.filter((guarantor): guarantor is string => typeof guarantor === 'string' && MEMBER_NO.test(guarantor)))] : [];
}

/** The staff member acting, as the loan decider records it (from the verified token). */
function actorOf(context: CommandContext): LoanActor {
  return { userId: context.actor.userId, role: context.actor.role };
}
