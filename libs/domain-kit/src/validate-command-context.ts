import { isValidIsoDate } from './business-date';
import type { CommandContext, StaffRole } from './command-context';
import { ValidationError } from './domain-error';

const STAFF_ROLES: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'partner', 'admin'];

/** 8–200 characters with no control, format or unassigned code points (so keys print and log cleanly). */
const IDEMPOTENCY_KEY = /^[^\p{C}]{8,200}$/u;
const MAX_ID_LENGTH = 200;

/**
 * Checks the parts of a CommandContext the command path relies on (DESIGN §3, §5, §9) and throws
 * ValidationError naming the field: `idempotencyKey` (BAD_IDEMPOTENCY_KEY: 8–200 printable
 * characters), `businessDate` (BAD_DATE: a real YYYY-MM-DD), `actor`, `actor.userId`,
 * `actor.role`, `actor.branchCode` (BAD_ACTOR), `correlationId`/`causationId` (VALIDATION_FAILED:
 * non-empty, at most 200 characters, when given). Messages never repeat the input.
 */
export function validateCommandContext(context: CommandContext): void {
  const candidate = context as Partial<CommandContext> | undefined;
  if (!candidate || typeof candidate !== 'object') throw new ValidationError('context', 'the command context is missing');
  if (typeof candidate.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(candidate.idempotencyKey)) {
    throw new ValidationError('idempotencyKey', 'idempotencyKey must be 8–200 printable characters', 'BAD_IDEMPOTENCY_KEY');
  }
  if (!isValidIsoDate(candidate.businessDate)) {
    throw new ValidationError('businessDate', 'businessDate must be a real calendar date written YYYY-MM-DD', 'BAD_DATE');
  }
  validateActor(candidate.actor);
  validateOptionalId(candidate.correlationId, 'correlationId');
  validateOptionalId(candidate.causationId, 'causationId');
}

function validateActor(actor: CommandContext['actor'] | undefined): void {
  if (!actor || typeof actor !== 'object') throw new ValidationError('actor', 'the acting staff member is missing', 'BAD_ACTOR');
  if (!isShortNonBlank(actor.userId)) throw new ValidationError('actor.userId', 'actor.userId must be a non-blank id', 'BAD_ACTOR');
  if (!STAFF_ROLES.includes(actor.role)) throw new ValidationError('actor.role', 'actor.role is not a known staff role', 'BAD_ACTOR');
  if (!isShortNonBlank(actor.branchCode)) throw new ValidationError('actor.branchCode', 'actor.branchCode must be a non-blank code', 'BAD_ACTOR');
}

function validateOptionalId(value: unknown, field: string): void {
  if (value !== undefined && !isShortNonBlank(value)) throw new ValidationError(field, `${field} must be a non-blank id of at most ${MAX_ID_LENGTH} characters`);
}

function isShortNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_ID_LENGTH;
}
