/**
 * Runs work one at a time per key within this process (different keys run concurrently). The
 * command handler uses it per stream: commands on a hot stream queue instead of colliding on the
 * expected revision; other processes are still handled by the expected-revision check and retry.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier `run` for `key` has settled; resolves or rejects with its outcome. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(() => work());
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /**
   * Runs `work` holding every key of `keys` (duplicates ignored). Keys are taken one after another in
   * sorted order, so two overlapping `runMany` calls cannot deadlock each other.
   */
  runMany<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const hold = (index: number): Promise<T> => (index === sorted.length ? work() : this.run(sorted[index], () => hold(index + 1)));
    return hold(0);
  }
}
