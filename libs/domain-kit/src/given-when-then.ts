import assert from 'node:assert/strict';
import { fold, type Decider, type DomainEvent } from './decider';
import { DomainError } from './domain-error';

/** The last step of a spec: what the command must produce. */
export interface ThenStep<E extends DomainEvent> {
  /**
   * Asserts the command is accepted with exactly these events (deep equality, in order). Also
   * asserts that deciding twice gives the same events (no clock, no randomness), that deciding did
   * not mutate the state, and that `evolve` accepts the new events. Throws AssertionError otherwise.
   */
  then(expectedEvents: readonly E[]): void;
  /** Asserts the command is rejected with a DomainError of this `code` (and `field`, when given); returns the error. */
  thenThrows(code: string, field?: string): DomainError;
}

/** The middle step: the command under test. */
export interface WhenStep<C, E extends DomainEvent> {
  when(command: C): ThenStep<E>;
}

/** The first step: the aggregate's history. */
export interface GivenStep<C, E extends DomainEvent> extends WhenStep<C, E> {
  given(events: readonly E[]): WhenStep<C, E>;
}

/**
 * Spec helper for deciders (DESIGN §4): `givenWhenThen(decider).given(events).when(command)
 * .then(expectedEvents)` or `.thenThrows(code, field?)`. Framework-neutral (node:assert), so it
 * works in Jest and elsewhere. Do not `await` a step: `then` here is an assertion, not a promise.
 */
export function givenWhenThen<C, E extends DomainEvent, S>(decider: Decider<C, E, S>): GivenStep<C, E> {
  const whenStep = (history: readonly E[]): WhenStep<C, E> => ({
    when: (command) => thenStep(decider, history, command),
  });
  return { ...whenStep([]), given: (events) => whenStep(events) };
}

function thenStep<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly E[], command: C): ThenStep<E> {
  return {
    then(expectedEvents) {
      if (typeof expectedEvents === 'function') {
        throw new TypeError('a given/when/then step was awaited or returned from an async test; call .then(expectedEvents) instead');
      }
      const state = fold(decider, history);
      const before = snapshot(state);
      const decided = decideOrFail(decider, command, state);
      assert.deepStrictEqual(decided, expectedEvents, 'the decided events differ from the expected events');
      assert.deepStrictEqual(decideOrFail(decider, command, fold(decider, history)), decided, 'deciding twice gave different events: the decider is not deterministic');
      if (before.taken) assert.deepStrictEqual(structuredClone(state), before.value, 'decide mutated the state it was given');
      fold(decider, decided, state);
    },
    thenThrows(code, field) {
      const state = fold(decider, history);
      let decided: E[];
      try {
        decided = decider.decide(command, state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        assert.equal(error.code, code, `rejected with code ${error.code} instead of ${code}`);
        if (field !== undefined) assert.equal(error.field, field, `rejection names field ${String(error.field)} instead of ${field}`);
        return error;
      }
      assert.fail(`expected rejection ${code}, but the command was accepted with ${decided.length} event(s): ${decided.map((event) => event.type).join(', ')}`);
    },
  };
}

function decideOrFail<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, command: C, state: S): E[] {
  try {
    return decider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) assert.fail(`expected events, but the command was rejected with ${error.code}${error.field ? ` (field ${error.field})` : ''}: ${error.message}`);
    throw error;
  }
}

function snapshot<S>(state: S): { taken: true; value: S } | { taken: false } {
  try {
    return { taken: true, value: structuredClone(state) };
  } catch {
    return { taken: false };
  }
}
