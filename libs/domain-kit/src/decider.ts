/**
 * A decider (DESIGN §4): the pure, synchronous heart of an aggregate. No I/O, no clock — the
 * command carries its business date. `decide` throws a DomainError to reject; a rejected command
 * appends nothing.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** A domain event before it is stored: past-tense `type` in domain words and its JSON `data`. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Folds events into state with the decider's `evolve`, from `initialState` unless `state` is given. */
export function fold<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  state: State = decider.initialState,
): State {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}
