import { openPostgres } from './postgres-database';
import { isConnectionFailure, SqlConnectionError } from './sql-errors';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isConnectionFailure', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED')],
    ['an unknown host', withCode('getaddrinfo ENOTFOUND db', 'ENOTFOUND')],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['several refused addresses', new AggregateError([withCode('connect ECONNREFUSED ::1:1', 'ECONNREFUSED')])],
  ])('recognises %s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a non-error', 'ECONNREFUSED'],
  ])('does not treat %s as one', (_, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe('openPostgres', () => {
  it('fails with SqlConnectionError naming host, port and database but not the password', async () => {
    const opening = openPostgres({ connectionString: 'postgres://teller:s3cret-pw@127.0.0.1:1/samabay' });
    await expect(opening).rejects.toBeInstanceOf(SqlConnectionError);
    const error = (await opening.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('127.0.0.1:1/samabay');
    expect(error.message).not.toContain('s3cret-pw');
  });
});
