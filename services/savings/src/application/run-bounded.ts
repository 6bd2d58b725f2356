/**
 * Calls `work` for every item with at most `limit` calls in flight, in item order of starting.
 * Resolves when all are done; the first error rejects (items not started yet are then not started).
 * Each call starts on a new macrotask so that a long run never holds the event loop (embedded
 * PGlite answers as microtasks).
 */
export async function runBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++];
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
