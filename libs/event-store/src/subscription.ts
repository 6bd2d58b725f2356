import type { SqlDatabase, SqlListener } from '@samabay/sql';
import type { AllSubscription, Position, RecordedEvent } from '@samabay/domain-kit';

/** What a subscription needs from the store: a guarded `$all` read and the NOTIFY channel. */
export interface SubscriptionSource {
  readonly db: SqlDatabase;
  readonly channel: string;
  readAll(after: Position | 'start', maxCount: number): Promise<RecordedEvent[]>;
}

/** Tuning of {@link SqlAllSubscription}. */
export interface SubscriptionTuning {
  /** Events per catch-up read. */
  readonly batchSize: number;
  /** Re-read at least this often (ms) even without a notification. */
  readonly pollIntervalMs: number;
}

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up subscription to `$all` over SQL. Reads in batches from the start position; once a read
 * comes back short it waits for a NOTIFY from an appending transaction or the polling interval,
 * whichever comes first, then reads again. Polling is needed because an event becomes readable only
 * once every older transaction has finished (pg_snapshot_xmin), and an unrelated long transaction
 * ending sends no notification. Events are handed over in position order, each once: every read
 * starts strictly after the last event already fetched. A notification arriving during a read is
 * remembered, so no wake-up is lost.
 *
 * Iterate once with `for await`. `close()` (or leaving the loop) ends the iteration at once: a
 * pending `next()` resolves as done even while a read is in flight (its result is discarded). A
 * failing read (e.g. EventStoreUnavailableError) rejects the iteration; resubscribe from the last
 * position handled.
 */
export class SqlAllSubscription implements AllSubscription {
  private closed = false;
  private notified = false;
  private caughtUp = false;
  private iterating = false;
  private readonly buffer: RecordedEvent[] = [];
  private listener: Promise<SqlListener | undefined> | undefined;
  private wake: (() => void) | undefined;
  private signalClosed!: () => void;
  private readonly closedSignal = new Promise<typeof done>((resolve) => (this.signalClosed = () => resolve(done)));

  constructor(
    private readonly source: SubscriptionSource,
    private readPosition: Position | 'start',
    private readonly tuning: SubscriptionTuning,
    private readonly detach: (subscription: SqlAllSubscription) => void,
  ) {}

  /** Ends the iteration and stops listening. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    this.signalClosed();
    this.wake?.();
    this.detach(this);
    const listener = await this.listener;
    await listener?.unlisten().catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterating) throw new Error('a subscription can be iterated only once; subscribe again from a stored position');
    this.iterating = true;
    return {
      next: () => (this.closed ? Promise.resolve(done) : Promise.race([this.pull(), this.closedSignal])),
      return: async () => {
        await this.close();
        return done;
      },
    };
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    this.listener ??= this.listen();
    await this.listener;
    while (!this.closed) {
      const next = this.buffer.shift();
      if (next) return { done: false, value: next };
      if (this.caughtUp) await this.idle();
      if (this.closed) break;
      this.notified = false;
      const batch = await this.source.readAll(this.readPosition, this.tuning.batchSize);
      if (this.closed) break;
      this.caughtUp = batch.length < this.tuning.batchSize;
      if (batch.length > 0) {
        this.readPosition = batch[batch.length - 1].position;
        this.buffer.push(...batch);
      }
    }
    return done;
  }

  /** Subscribes to the channel; if that fails (listener unavailable), polling alone still delivers everything. */
  private async listen(): Promise<SqlListener | undefined> {
    try {
      return await this.source.db.listen(this.source.channel, () => {
        this.notified = true;
        this.wake?.();
      });
    } catch {
      return undefined;
    }
  }

  /** Waits for a notification (possibly one that came during the last read), the poll timer, or close. */
  private idle(): Promise<void> {
    if (this.notified || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, this.tuning.pollIntervalMs);
      this.wake = finish;
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => (this.wake = undefined));
  }
}
