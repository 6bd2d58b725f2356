import type { Actor, CommandContext } from '@samabay/domain-kit';

/**
 * Builds a command's CommandContext: the actor from the verified token (never from the payload),
 * the idempotency key and business date from the client's input, and the request id as
 * correlation id so logs of one request line up.
 */
export function commandContext(actor: Actor, input: { idempotencyKey: string; businessDate: string }, requestId?: unknown): CommandContext {
  return {
    idempotencyKey: input.idempotencyKey,
    businessDate: input.businessDate,
    actor,
    ...(typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 200 ? { correlationId: requestId } : {}),
  };
}
