import { ConcurrencyConflictError, DomainError, IdempotencyKeyReusedError, ValidationError } from '@samabay/domain-kit';
import { EventStoreUnavailableError, InvalidAppendError, WrongExpectedRevisionError } from '@samabay/event-store';
import { errorFromWire, errorToWire, fromWire, RemoteEventStoreError, RemoteInternalError, toWire } from './wire';

/** What the gateway's error formatter reads of an error: class family, name, code, message, field. */
function shape(error: Error) {
  const { code, field, details } = error as Error & { code?: string; field?: string; details?: unknown };
  return { name: error.name, message: error.message, code, field, details, domain: error instanceof DomainError, validation: error instanceof ValidationError };
}

/** Through JSON, as the TCP transport carries it. */
const overJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the wire form of command answers', () => {
  it('carries event-store positions (bigint) and dates through JSON unchanged', () => {
    const answer = { streamId: 'member-SNG-000001', position: { commit: 123_456_789_012_345n, prepare: 7n }, at: new Date('2025-04-01T06:00:00Z'), eventIds: ['a'], nested: [{ n: 1n }] };
    expect(fromWire(overJson(toWire(answer)))).toEqual(answer);
  });

  it('drops functions and undefined, as an in-process call to a JSON API would', () => {
    expect(overJson(toWire({ keep: 1, skip: undefined, callback: () => 1, list: [1, undefined] }))).toEqual({ keep: 1, list: [1, null] });
  });

  it.each([
    ['a DomainError with field and details', new DomainError('MEMBER_NOT_FOUND', 'member SNG-000009 not found', 'memberNo', { branch: 'SNG' })],
    ['a ValidationError', new ValidationError('shares', 'shares must be at least 1', 'INVALID_SHARES')],
    ['an IdempotencyKeyReusedError', new IdempotencyKeyReusedError()],
    ['a ConcurrencyConflictError', new ConcurrencyConflictError('member-SNG-000001', 5)],
  ])('rebuilds %s with the same name, code, message and field', (_label, error) => {
    const rebuilt = errorFromWire('membership', overJson(errorToWire(error)));
    expect(shape(rebuilt)).toEqual(shape(error));
  });

  it('rebuilds event-store errors with their code (and field for an invalid append)', () => {
    const unavailable = errorFromWire('savings', overJson(errorToWire(new EventStoreUnavailableError('down'))));
    expect(unavailable).toBeInstanceOf(EventStoreUnavailableError);
    const invalid = errorFromWire('savings', overJson(errorToWire(new InvalidAppendError('streamId', 'bad stream id'))));
    expect(invalid).toBeInstanceOf(InvalidAppendError);
    expect((invalid as InvalidAppendError).field).toBe('streamId');
    const conflict = errorFromWire('savings', overJson(errorToWire(new WrongExpectedRevisionError('member-SNG-000001', 3, 4))));
    expect(conflict).toBeInstanceOf(RemoteEventStoreError);
    expect(conflict).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', message: 'stream "member-SNG-000001": expected revision 3, actual 4' });
  });

  it('sends only the name of an unexpected error, never its message (it may quote data)', () => {
    const wire = errorToWire(new TypeError('cannot read fullName of Asha Das'));
    expect(wire).toEqual({ kind: 'internal', name: 'TypeError' });
    const rebuilt = errorFromWire('lending', wire);
    expect(rebuilt).toBeInstanceOf(RemoteInternalError);
    expect(rebuilt.message).toBe('the lending service failed unexpectedly (TypeError)');
  });
});
