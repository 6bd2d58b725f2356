import { formatPosition, type EventStore, type Position, type RecordedEvent } from '@samabay/event-store';
import type { MessagePublisher, MessagingClient, OutgoingMessage } from '@samabay/messaging';
import { ensureTopicsExist, SubscriptionBuffer } from '@samabay/projections';
import { RelayCheckpointStore, stderrRelayLogger, type RelayLock, type RelayLogger } from '@samabay/relay';
import type { SqlDatabase } from '@samabay/sql';
import type { JsonSchema } from './json-schema';
import { LoanFactsStore } from './loan-facts-store';
import { loanFactsOf, toPublicFact } from './map-internal-event';
import type { PartnerKey } from './partner-key';
import { publicTopicsOf, type PublicEventName } from './public-event-names';
import type { LoanFacts } from './public-facts';
import { publicMessage } from './public-message';
import { loadPublicSchemas } from './public-schemas';

/** Options of {@link PartnerEventPublisher}. */
export interface PartnerEventPublisherOptions {
  /** The store's database: checkpoint and loan facts live here. */
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly messaging: MessagingClient;
  /** Makes this publisher the only active one of its name (e.g. PostgresAdvisoryLock of @samabay/relay). */
  readonly lock: RelayLock;
  /** The partners and their pseudonymisation keys; each gets its own topics. At least one. */
  readonly partners: readonly PartnerKey[];
  /** Partitions of the public topics created at start. */
  readonly partitions: number;
  /** Checkpoint row name. Default 'partner-publisher'. A new partner set from position 0 needs a new name. */
  readonly name?: string;
  /** Schema of the checkpoint and loan-facts tables. Default 'partner_publisher'. */
  readonly schema?: string;
  /** Events per batch (one Kafka request, then one checkpoint write). Default 500. */
  readonly batchSize?: number;
  /** Pause between attempts at the lock, and after a failure, ms. Default 1000. */
  readonly retryMs?: number;
  readonly logger?: RelayLogger;
  /** The schemas to validate against. Default: the checked-in ones (loadPublicSchemas). */
  readonly schemas?: ReadonlyMap<PublicEventName, JsonSchema>;
}

/**
 * Publishes pseudonymised partner events (DESIGN §6, issue 6 item 5) in the relay's style: follows
 * the store's `$all` from its own checkpoint behind a lock, maps each event with `toPublicFact`
 * (whitelisted fields only, dates as months), makes one message per partner under that partner's
 * keyed pseudonyms, validates every message against its checked-in JSON Schema (an invalid one stops
 * the publisher: nothing unchecked leaves), publishes, and stores the checkpoint only after Kafka
 * acknowledged. A crash re-publishes at most one batch; public event ids are stable, so partners dedupe.
 * Logs carry positions and counts, never member data.
 */
export class PartnerEventPublisher {
  private readonly name: string;
  private readonly checkpoints: RelayCheckpointStore;
  private readonly loans: LoanFactsStore;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private readonly logger: RelayLogger;
  private readonly schemas: ReadonlyMap<PublicEventName, JsonSchema>;
  private publisher: MessagePublisher | undefined;
  private buffer: SubscriptionBuffer | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private published: Position | 'start' = 'start';
  private readonly waiters = new Set<() => void>();
  /** Messages published since start, per topic (for tests and metrics). */
  readonly publishedPerTopic = new Map<string, number>();

  constructor(private readonly options: PartnerEventPublisherOptions) {
    if (options.partners.length === 0) throw new RangeError('at least one partner is needed');
    if (new Set(options.partners.map((partner) => partner.partnerId)).size !== options.partners.length) throw new RangeError('partner ids must be distinct');
    this.name = options.name ?? 'partner-publisher';
    const schema = options.schema ?? 'partner_publisher';
    this.checkpoints = new RelayCheckpointStore(schema);
    this.loans = new LoanFactsStore(schema);
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 1000;
    this.logger = options.logger ?? stderrRelayLogger;
    this.schemas = options.schemas ?? loadPublicSchemas();
    options.lock.onLost(() => {
      this.logger.warn({ publisher: this.name }, 'partner publisher lost its lock: it stops publishing and stands by');
      void this.buffer?.close();
    });
  }

  /** Every public topic this publisher writes. */
  topics(): string[] {
    return this.options.partners.flatMap((partner) => publicTopicsOf(partner.partnerId));
  }

  /** Position of the last event whose public messages Kafka acknowledged ('start' before any). */
  position(): Position | 'start' {
    return this.published;
  }

  /** Creates its tables and the public topics, then runs in the background. Throws when the database or broker cannot be reached. */
  async start(): Promise<void> {
    if (this.loop) throw new Error('the partner publisher is already running');
    await this.checkpoints.setup(this.options.db);
    await this.loans.setup(this.options.db);
    await ensureTopicsExist(this.options.messaging, this.topics().map((topic) => ({ topic, partitions: this.options.partitions })));
    this.publisher = this.options.messaging.createPublisher();
    this.stopping = false;
    this.loop = this.run();
    this.logger.info({ publisher: this.name, partners: this.options.partners.length }, 'partner publisher started');
  }

  /** Stops after the batch in progress, releases the lock, closes the publisher. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.buffer?.close();
    await this.loop;
    this.loop = undefined;
    await this.options.lock.release();
    await this.publisher?.close();
    this.publisher = undefined;
  }

  /** Resolves true once everything up to `position` is published, false after `timeoutMs`. */
  async waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    const reached = () => this.published !== 'start' && (this.published.commit > position.commit || (this.published.commit === position.commit && this.published.prepare >= position.prepare));
    const deadline = Date.now() + timeoutMs;
    while (!reached()) {
      if (Date.now() >= deadline) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.options.lock.tryAcquire())) {
          await this.pause();
          continue;
        }
        await this.publishWhileHolding();
      } catch (error) {
        if (this.stopping) break;
        this.logger.error({ publisher: this.name, position: formatPosition(this.published), errorName: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : '' }, 'partner publisher failed; it resumes from its checkpoint');
        await this.options.lock.release();
        await this.pause();
      }
    }
  }

  private async publishWhileHolding(): Promise<void> {
    this.published = await this.checkpoints.read(this.options.db, this.name);
    const buffer = new SubscriptionBuffer(this.options.store.subscribeToAll({ fromPosition: this.published }), this.batchSize * 2);
    this.buffer = buffer;
    buffer.start();
    try {
      for (;;) {
        const batch = await buffer.take(this.batchSize);
        if (batch.length === 0) {
          if (this.stopping) return;
          throw new Error('the $all subscription ended unexpectedly');
        }
        await this.publish(batch);
      }
    } finally {
      await buffer.close();
      this.buffer = undefined;
    }
  }

  private async publish(batch: readonly RecordedEvent[]): Promise<void> {
    const { db } = this.options;
    const known = await this.loans.find(db, [...new Set(batch.flatMap((event) => (event.streamId.startsWith('loan-') ? [String((event.data as { loanId?: unknown }).loanId)] : [])))]);
    const messages: OutgoingMessage[] = [];
    for (const event of batch) {
      const facts: LoanFacts | null = loanFactsOf(event);
      if (facts) {
        await this.loans.save(db, facts);
        known.set(facts.loanId, facts);
      }
      const fact = toPublicFact(event, (loanId) => known.get(loanId));
      if (!fact) continue;
      for (const partner of this.options.partners) messages.push(publicMessage(partner, fact, this.schemas));
    }
    await (this.publisher as MessagePublisher).publish(messages);
    const last = batch[batch.length - 1].position;
    await this.checkpoints.advance(db, this.name, last);
    this.published = last;
    for (const message of messages) this.publishedPerTopic.set(message.topic, (this.publishedPerTopic.get(message.topic) ?? 0) + 1);
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }

  private pause(): Promise<void> {
    return this.stopping ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, this.retryMs));
  }
}
