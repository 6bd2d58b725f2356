import { AssertionError } from 'node:assert';
import type { Decider, DomainEvent } from './decider';
import { DomainError, ValidationError } from './domain-error';
import { givenWhenThen } from './given-when-then';

// A tiny decider for the helper's own spec: a lamp that is switched on and off.
type LampEvent = DomainEvent<'LampSwitchedOn', { by: string }> | DomainEvent<'LampSwitchedOff', { by: string }>;
type LampCommand = { switchTo: 'on' | 'off'; by: string };
type LampState = { on: boolean };

const lamp: Decider<LampCommand, LampEvent, LampState> = {
  initialState: { on: false },
  evolve: (_, event) => ({ on: event.type === 'LampSwitchedOn' }),
  decide(command, state) {
    if (command.by.trim() === '') throw new ValidationError('by', 'who switched the lamp must be named');
    if ((command.switchTo === 'on') === state.on) throw new DomainError('ALREADY_THERE', `the lamp is already ${command.switchTo}`);
    return [{ type: command.switchTo === 'on' ? 'LampSwitchedOn' : 'LampSwitchedOff', data: { by: command.by } }];
  },
};

describe('givenWhenThen', () => {
  it('passes when the command yields exactly the expected events, with or without history', () => {
    givenWhenThen(lamp).when({ switchTo: 'on', by: 'teller-7' }).then([{ type: 'LampSwitchedOn', data: { by: 'teller-7' } }]);
    givenWhenThen(lamp)
      .given([{ type: 'LampSwitchedOn', data: { by: 'teller-7' } }])
      .when({ switchTo: 'off', by: 'teller-8' })
      .then([{ type: 'LampSwitchedOff', data: { by: 'teller-8' } }]);
  });

  it('fails when the events differ', () => {
    expect(() => givenWhenThen(lamp).when({ switchTo: 'on', by: 'teller-7' }).then([{ type: 'LampSwitchedOn', data: { by: 'someone-else' } }])).toThrow(AssertionError);
    expect(() => givenWhenThen(lamp).when({ switchTo: 'on', by: 'teller-7' }).then([])).toThrow(AssertionError);
  });

  it('fails, naming the code, when events were expected but the command was rejected', () => {
    expect(() => givenWhenThen(lamp).when({ switchTo: 'off', by: 'teller-7' }).then([])).toThrow(/rejected with ALREADY_THERE/);
  });

  it('thenThrows passes for the expected code and field and returns the error', () => {
    const error = givenWhenThen(lamp).when({ switchTo: 'on', by: ' ' }).thenThrows('VALIDATION_FAILED', 'by');
    expect(error).toBeInstanceOf(ValidationError);
    givenWhenThen(lamp).given([{ type: 'LampSwitchedOn', data: { by: 'a' } }]).when({ switchTo: 'on', by: 'b' }).thenThrows('ALREADY_THERE');
  });

  it('thenThrows fails for another code, another field, or an accepted command', () => {
    expect(() => givenWhenThen(lamp).when({ switchTo: 'on', by: ' ' }).thenThrows('ALREADY_THERE')).toThrow(/VALIDATION_FAILED instead of ALREADY_THERE/);
    expect(() => givenWhenThen(lamp).when({ switchTo: 'on', by: ' ' }).thenThrows('VALIDATION_FAILED', 'switchTo')).toThrow(/field by instead of switchTo/);
    expect(() => givenWhenThen(lamp).when({ switchTo: 'on', by: 'a' }).thenThrows('ALREADY_THERE')).toThrow(/accepted with 1 event\(s\): LampSwitchedOn/);
  });

  it('rethrows errors that are not DomainErrors (a bug, not a rejection)', () => {
    const broken: Decider<null, DomainEvent, null> = { initialState: null, evolve: (s) => s, decide: () => { throw new TypeError('bug'); } };
    expect(() => givenWhenThen(broken).when(null).thenThrows('ANY')).toThrow(TypeError);
    expect(() => givenWhenThen(broken).when(null).then([])).toThrow(TypeError);
  });

  it('fails a decider that is not deterministic', () => {
    let calls = 0;
    const clocked: Decider<null, DomainEvent<'Ticked', number>, null> = { initialState: null, evolve: (s) => s, decide: () => [{ type: 'Ticked', data: calls++ }] };
    expect(() => givenWhenThen(clocked).when(null).then([{ type: 'Ticked', data: 0 }])).toThrow(/not deterministic/);
  });

  it('fails a decider that mutates the state it decides on', () => {
    const mutating: Decider<null, DomainEvent<'Seen', null>, { seen: number }> = {
      initialState: { seen: 0 },
      evolve: (s) => s,
      decide: (_, state) => {
        (state as { seen: number }).seen++;
        return [{ type: 'Seen', data: null }];
      },
    };
    expect(() => givenWhenThen(mutating).when(null).then([{ type: 'Seen', data: null }])).toThrow(/mutated the state/);
  });

  it('refuses to be awaited, since then() here asserts rather than resolves', async () => {
    const step = givenWhenThen(lamp).when({ switchTo: 'on', by: 'a' });
    await expect(Promise.resolve(step as unknown)).rejects.toThrow(/awaited/);
  });
});
