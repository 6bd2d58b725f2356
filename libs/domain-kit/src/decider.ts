/**
 * A decider (DESIGN §4): the pure, synchronous heart of an aggregate. No I/O, no clock — the
 * command carries its business date. `decide` throws a DomainError to reject; a rejected command
 * appends nothing.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
  /**
   * Opt-in to snapshots (DESIGN §4): the version of this decider's state shape and `evolve`. Set it
   * only when the state is plain JSON (no Map, Date, undefined or class instances), and change it
   * whenever `evolve` or the state shape changes: snapshots saved under another version are ignored,
   * so a changed evolve never starts from a state the old one built. Unset: always replay the stream.
   */
  readonly snapshotVersion?: string;
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
