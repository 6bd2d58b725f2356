import { validate, version } from 'uuid';
import { deterministicEventId } from './deterministic-event-id';

describe('deterministicEventId', () => {
  it('derives the same uuid v5 from the same key, scope, stream and index', () => {
    const id = deterministicEventId('client-key-0001', 'command', 'member-SNG-000001', 0);
    expect(validate(id) && version(id)).toBe(5);
    expect(deterministicEventId('client-key-0001', 'command', 'member-SNG-000001', 0)).toBe(id);
  });

  it('differs when any part differs, and separators inside parts cannot make two commands collide', () => {
    const ids = new Set([
      deterministicEventId('client-key-0001', 'command', 'member-SNG-000001', 0),
      deterministicEventId('client-key-0002', 'command', 'member-SNG-000001', 0),
      deterministicEventId('client-key-0001', 'branch', 'member-SNG-000001', 0),
      deterministicEventId('client-key-0001', 'command', 'member-SNG-000002', 0),
      deterministicEventId('client-key-0001', 'command', 'member-SNG-000001', 1),
      deterministicEventId('a/b', 'c', 's', 0),
      deterministicEventId('a', 'b/c', 's', 0),
    ]);
    expect(ids.size).toBe(7);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses the index %p', (index) => {
    expect(() => deterministicEventId('client-key-0001', 'command', 's', index)).toThrow(RangeError);
  });
});
