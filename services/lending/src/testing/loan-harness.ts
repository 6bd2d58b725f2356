import { fold, type Decider } from '@samabay/domain-kit';
import { addDays, daysBetween } from '../domain/calendar';
import type { LoanCommand } from '../domain/loan/loan-commands';
import type { LoanEvent } from '../domain/loan/loan-events';
import type { LoanSnapshot, LoanState } from '../domain/loan/loan-state';

/**
 * An in-memory stream for one loan, for lifecycle and property tests: `run` decides a command on the
 * folded state and appends the events (a rejected command appends nothing, as the handler would).
 */
export class LoanHarness {
  readonly events: LoanEvent[] = [];
  private current: LoanState;

  constructor(private readonly decider: Decider<LoanCommand, LoanEvent, LoanState>) {
    this.current = decider.initialState;
  }

  /** Decides `command` against the stream so far and appends its events; rethrows a rejection. */
  run(command: LoanCommand): LoanEvent[] {
    const decided = this.decider.decide(command, this.current);
    this.events.push(...decided);
    this.current = fold(this.decider, decided, this.current);
    return decided;
  }

  /** The state recomputed from all events from the start (to compare with the running state). */
  replayed(): LoanState {
    return fold(this.decider, this.events);
  }

  /** The loan's current state (throws if the stream is empty). */
  loan(): LoanSnapshot {
    const state = this.state();
    if (state === null) throw new Error('the loan stream is empty');
    return state;
  }

  /** Runs the day-end (AgeLoan) for every date after `from` up to and including `to`; returns the events. */
  ageThrough(loanId: string, from: string, to: string): LoanEvent[] {
    const produced: LoanEvent[] = [];
    for (let offset = 1; offset <= daysBetween(from, to); offset += 1) {
      produced.push(...this.run({ type: 'AgeLoan', loanId, businessDate: addDays(from, offset), otherLoansNpaSince: null }));
    }
    return produced;
  }

  private state(): LoanState {
    return this.current;
  }
}
