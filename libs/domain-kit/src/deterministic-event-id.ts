import { v5 as uuidv5 } from 'uuid';

/**
 * Namespace of Samabay's event ids. Fixed forever: changing it would change the id a retried
 * command derives, and the store would no longer recognise the retry as the same append.
 */
export const SAMABAY_EVENT_ID_NAMESPACE = 'fc8f8907-1252-4df4-a554-65cffc8fcae2';

/**
 * The id of the `index`-th (0-based) event a command appends to `streamId`: a uuid v5 of the
 * idempotency key, idempotency scope, stream and index (DESIGN §5). The same command retried
 * derives the same ids, so the store (KurrentDB included) recognises the repeat.
 * The parts are encoded as a JSON array, so a '/' inside a key cannot make two commands collide.
 * Throws RangeError when `index` is not a non-negative safe integer.
 */
export function deterministicEventId(idempotencyKey: string, scope: string, streamId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('event index must be a non-negative integer');
  return uuidv5(JSON.stringify([idempotencyKey, scope, streamId, index]), SAMABAY_EVENT_ID_NAMESPACE);
}
