import type { AllSubscription, RecordedEvent } from '@samabay/event-store';

/**
 * Pulls events from a catch-up subscription into a bounded in-memory queue so the runner can
 * take them in batches: during catch-up a batch fills up at once, live events arrive one by one.
 * When the queue holds `capacity` events the pull pauses (back-pressure) until the runner takes some.
 */
export class SubscriptionBuffer {
  private readonly queue: RecordedEvent[] = [];
  private wakeTaker: (() => void) | undefined;
  private wakeLingerer: { readonly count: number; readonly resolve: () => void } | undefined;
  private wakePuller: (() => void) | undefined;
  private closing = false;
  private ended = false;
  private failure: unknown;
  private pulling: Promise<void> | undefined;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly subscription: AllSubscription,
    private readonly capacity: number,
  ) {}

  /** Starts pulling from the subscription in the background. */
  start(): void {
    this.pulling = this.pull();
  }

  /** Events received and not yet taken. */
  get pending(): number {
    return this.queue.length;
  }

  /** True while the pull is paused because the queue is full (the store holds more than {@link pending}). */
  get saturated(): boolean {
    return this.queue.length >= this.capacity;
  }

  /** The oldest event received and not yet taken, if any. */
  peek(): RecordedEvent | undefined {
    return this.queue[0];
  }

  /**
   * Waits until at least one event is queued and returns up to `max` of them in order.
   * Returns an empty array once the buffer is closed or the subscription ended;
   * rethrows the subscription's error if it failed.
   */
  async take(max: number): Promise<RecordedEvent[]> {
    while (this.queue.length === 0 && !this.ended && !this.closing) {
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    }
    if (this.queue.length === 0 && this.failure !== undefined) throw this.failure;
    if (this.closing) return [];
    const batch = this.queue.splice(0, max);
    this.wake('puller');
    return batch;
  }

  /**
   * Resolves once at least `count` events are queued, after `timeoutMs`, or when the buffer closes
   * or ends — whichever comes first. The count matters when the event loop is saturated (PGlite runs
   * in the main thread and a busy command path can starve timers): then events pile up and wake it.
   */
  async waitForPending(count: number, timeoutMs: number): Promise<void> {
    if (this.queue.length >= count || this.closing || this.ended) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wakeLingerer = { count, resolve };
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.wakeLingerer = undefined;
  }

  /** Stops pulling, closes the subscription and releases a waiting {@link take}. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true;
      this.wakeLingerer?.resolve();
      this.wake('taker');
      this.wake('puller');
      await this.subscription.close();
      await this.pulling;
    })();
    return this.closed;
  }

  private async pull(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        if (this.closing) break;
        this.queue.push(event);
        this.wake('taker');
        if (this.wakeLingerer && this.queue.length >= this.wakeLingerer.count) this.wakeLingerer.resolve();
        while (this.queue.length >= this.capacity && !this.closing) {
          await new Promise<void>((resolve) => (this.wakePuller = resolve));
        }
        if (this.closing) break;
      }
    } catch (error) {
      if (!this.closing) this.failure = error;
    } finally {
      this.ended = true;
      this.wakeLingerer?.resolve();
      this.wake('taker');
    }
  }

  private wake(who: 'taker' | 'puller'): void {
    const resolve = who === 'taker' ? this.wakeTaker : this.wakePuller;
    if (who === 'taker') this.wakeTaker = undefined;
    else this.wakePuller = undefined;
    resolve?.();
  }
}
