import { fold, type Decider, type DomainEvent } from '@samabay/domain-kit';

/**
 * Spec helper: decides `commands` one after another from the state of `history`, folding each
 * command's events in before the next. Returns every new event and the final state. A rejection throws.
 */
export function runCommands<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly E[], commands: readonly C[]): { events: E[]; state: S } {
  let state = fold(decider, history);
  const events: E[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    events.push(...decided);
    state = fold(decider, decided, state);
  }
  return { events, state };
}
