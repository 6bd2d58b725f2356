import { ConcurrencyConflictError, type CommandContext } from '@samabay/domain-kit';
import { DEFAULT_BRANCHES, type Membership } from '@samabay/membership';
import { delay, waitFor } from '../support';

/** The business date of every driven command (the fault environment's clock says it is today). */
export const FAULT_BUSINESS_DATE = '2026-11-29';

/** Options of {@link CommandDriver}. */
export interface CommandDriverOptions {
  readonly membership: Membership;
  /** Commands to issue in all (bounded). */
  readonly commands: number;
  /** Commands in flight at once. Default 3. */
  readonly concurrency?: number;
  /** Upper bound on commands started per second, so the load is steady over the scenario rather than one burst. Default 60. */
  readonly ratePerSecond?: number;
  /** Seed of the operation mix (same seed, same mix). Default 1. */
  readonly seed?: number;
  /** Prefix of the idempotency keys (unique per driver). */
  readonly keyPrefix: string;
}

/** What a finished driver did. */
export interface DriverSummary {
  readonly accepted: number;
  readonly byType: Readonly<Record<CommandKind, number>>;
  readonly conflictRetries: number;
}

type CommandKind = 'admitMember' | 'purchaseShares' | 'changeNominee' | 'exitMember';

const RELATIONS = ['spouse', 'son', 'daughter', 'mother', 'father', 'sister', 'brother'];
const CONFLICT_RETRIES = 5;

/**
 * Issues a steady, bounded mix of membership commands through the real command side
 * (createMembership over CommandHandler on PostgreSQL): admissions with synthetic personal data,
 * share purchases, nominee changes and exits, about 35/35/20/10 %, drawn from a seeded generator.
 * A member is never the target of two commands at once and never after its exit, so every command
 * is accepted; a ConcurrencyConflictError (admissions of one branch racing on its number register)
 * is retried with the same idempotency key. Any other rejection fails the driver (and the test).
 */
export class CommandDriver {
  private readonly random: () => number;
  private readonly active: string[] = [];
  private readonly busy = new Set<string>();
  private readonly counts: Record<CommandKind, number> = { admitMember: 0, purchaseShares: 0, changeNominee: 0, exitMember: 0 };
  private started = 0;
  private acceptedCount = 0;
  private conflictRetries = 0;
  private admissions = 0;
  private finished: Promise<DriverSummary> | undefined;
  private stopRequested = false;
  private failure: unknown;

  constructor(private readonly options: CommandDriverOptions) {
    this.random = mulberry32(options.seed ?? 1);
  }

  /** Commands accepted so far. */
  get accepted(): number {
    return this.acceptedCount;
  }

  /** Starts issuing in the background; `done()` resolves when every command was accepted. */
  start(): void {
    if (this.finished) throw new Error('the driver was started already');
    const concurrency = this.options.concurrency ?? 3;
    const intervalMs = 1000 / (this.options.ratePerSecond ?? 60);
    const begin = Date.now();
    const worker = async (): Promise<void> => {
      while (this.started < this.options.commands && this.failure === undefined && !this.stopRequested) {
        const slot = this.started++;
        const due = begin + slot * intervalMs;
        if (due > Date.now()) await delay(due - Date.now());
        await this.issue(slot);
      }
    };
    this.finished = Promise.all(Array.from({ length: concurrency }, worker)).then(
      () => ({ accepted: this.acceptedCount, byType: { ...this.counts }, conflictRetries: this.conflictRetries }),
      (error: unknown) => {
        this.failure = error;
        throw error;
      },
    );
    this.finished.catch(() => undefined);
  }

  /**
   * Issues no further command (the bound becomes the commands started so far) and resolves like
   * `done()`: for a flow that must last until a condition holds, with `commands` as its upper bound.
   */
  stop(): Promise<DriverSummary> {
    this.stopRequested = true;
    return this.done();
  }

  /** Resolves with the summary once every command was accepted; rejects with the first command that failed. */
  done(): Promise<DriverSummary> {
    if (!this.finished) throw new Error('the driver was not started');
    return this.finished;
  }

  /** Resolves once at least `count` commands were accepted (a point in the flow at which to inject a fault). */
  async waitForAccepted(count: number, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      () => {
        if (this.failure !== undefined) throw this.failure;
        return this.acceptedCount >= count;
      },
      `${count} accepted commands`,
      timeoutMs,
      10,
    );
  }

  private async issue(slot: number): Promise<void> {
    const roll = this.random();
    const idle = this.active.filter((memberNo) => !this.busy.has(memberNo));
    if (roll < 0.35 || idle.length === 0) return this.admit(slot);
    const memberNo = idle[Math.floor(this.random() * idle.length)];
    this.busy.add(memberNo);
    try {
      if (roll < 0.7) await this.run('purchaseShares', slot, (context) => this.options.membership.commands.purchaseShares({ memberNo, shares: 1 + (slot % 4) }, context));
      else if (roll < 0.9) await this.run('changeNominee', slot, (context) => this.options.membership.commands.changeNominee({ memberNo, nominee: nominee(slot) }, context));
      else {
        await this.run('exitMember', slot, (context) => this.options.membership.commands.exitMember({ memberNo }, context));
        this.active.splice(this.active.indexOf(memberNo), 1);
      }
    } finally {
      this.busy.delete(memberNo);
    }
  }

  private async admit(slot: number): Promise<void> {
    const index = this.admissions++;
    const branchCode = DEFAULT_BRANCHES[index % DEFAULT_BRANCHES.length].code;
    const personal = {
      fullName: `Synthetic Member ${this.options.keyPrefix.slice(-4)} ${index}`,
      dateOfBirth: `19${60 + (index % 40)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      phone: index % 3 === 0 ? null : `9${String(100_000_000 + index).padStart(9, '0')}`,
      locality: index % 4 === 0 ? null : `Synthetic Ward ${index % 17}`,
    };
    const admitted = await this.run('admitMember', slot, (context) =>
      this.options.membership.commands.admitMember({ branchCode, personal, nominee: index % 2 === 0 ? nominee(slot) : null, shares: 1 + (index % 5) }, context),
    );
    this.active.push(admitted.memberNo);
  }

  private async run<T>(kind: CommandKind, slot: number, command: (context: CommandContext) => Promise<T>): Promise<T> {
    const context: CommandContext = {
      idempotencyKey: `${this.options.keyPrefix}-${slot}`,
      businessDate: FAULT_BUSINESS_DATE,
      actor: { userId: 'fault-driver', role: 'head_office', branchCode: 'SNG' },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await command(context);
        this.counts[kind]++;
        this.acceptedCount++;
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt > CONFLICT_RETRIES) throw error;
        this.conflictRetries++;
      }
    }
  }
}

function nominee(slot: number): { name: string; relation: string } {
  return { name: `Synthetic Nominee ${slot}`, relation: RELATIONS[slot % RELATIONS.length] };
}

/** A small seeded generator (mulberry32): the mix is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
