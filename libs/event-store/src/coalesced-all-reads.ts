import { formatPosition, type Position, type RecordedEvent } from '@samabay/domain-kit';

/** Reads `maxCount` events of `$all` after `after` (exclusive). */
export type AllRead = (after: Position | 'start', maxCount: number) => Promise<RecordedEvent[]>;

/**
 * Serves identical `$all` reads asked for in the same turn of the event loop with one query. A
 * NOTIFY wakes every in-process subscription at once (the projection runners, process managers,
 * the relay), and each would otherwise run the same query from the same position.
 *
 * A read is only joined while its query has not been sent: the query goes out on the next turn
 * (setImmediate) and the read is forgotten at that moment. So every caller's query starts after
 * the caller asked, and sees at least what a query of its own would have seen then; a subscription
 * that cleared its "notified" flag before asking loses no wake-up. Callers get their own array;
 * the events in it are shared and must not be mutated (no consumer does).
 */
export class CoalescedAllReads {
  private readonly waiting = new Map<string, Promise<RecordedEvent[]>>();

  constructor(private readonly read: AllRead) {}

  /** Events of `$all` after `after`, at most `maxCount`; rejects as the underlying read does. */
  readAll(after: Position | 'start', maxCount: number): Promise<RecordedEvent[]> {
    const key = `${after === 'start' ? 'start' : formatPosition(after)}|${maxCount}`;
    let shared = this.waiting.get(key);
    if (!shared) {
      shared = nextTurn().then(() => {
        this.waiting.delete(key);
        return this.read(after, maxCount);
      });
      this.waiting.set(key, shared);
    }
    return shared.then((events) => events.slice());
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
