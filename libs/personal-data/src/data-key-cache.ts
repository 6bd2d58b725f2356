import { LruCache } from '@samabay/domain-kit';

/**
 * Unwrapped data keys of recently used subjects, bounded in count and in age. The age limit bounds
 * how long another process's `forget` can go unnoticed here; this process's own `forget` evicts at once.
 */
export class DataKeyCache {
  private readonly keys: LruCache<string, { readonly key: Buffer; readonly cachedAt: number }>;
  /** Bumped by every eviction, so a load that raced with a `forget` does not cache a stale key. */
  private evictions = 0;

  constructor(
    capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    if (!(ttlMs >= 0)) throw new RangeError('keyCacheTtlMs must be ≥ 0');
    this.keys = new LruCache(capacity);
  }

  /** The cached key of the subject if younger than the age limit. */
  get(subjectId: string): Buffer | undefined {
    const entry = this.keys.get(subjectId);
    if (!entry) return undefined;
    if (this.now() - entry.cachedAt >= this.ttlMs) {
      this.keys.delete(subjectId);
      return undefined;
    }
    return entry.key;
  }

  /** A token to pass to {@link setIfUnchanged}: taken before reading a key from the database. */
  generation(): number {
    return this.evictions;
  }

  /** Caches `key` unless an eviction happened since `generation` was taken. */
  setIfUnchanged(subjectId: string, key: Buffer, generation: number): void {
    if (generation === this.evictions) this.keys.set(subjectId, { key, cachedAt: this.now() });
  }

  /** Drops the subject's key and invalidates loads in flight (see {@link generation}). */
  evict(subjectId: string): void {
    this.evictions++;
    this.keys.delete(subjectId);
  }
}
