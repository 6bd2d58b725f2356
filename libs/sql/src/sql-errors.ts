/**
 * Connection-level failures of either SQL adapter, mapped to one error so that callers (the event
 * store, health checks, start-up) can tell "the database is unreachable" from "this SQL is wrong".
 */

/**
 * The database could not be reached, the connection was lost, or the database was closed.
 * The operation did not complete (a transaction in flight was rolled back) and may be retried.
 * The message names host, port and database but never the password.
 */
export class SqlConnectionError extends Error {
  readonly code = 'SQL_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SqlConnectionError';
  }
}

const networkErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** SQLSTATEs that mean "no usable connection": class 08, shutdown/crash (57P01-57P03), too many connections. */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
const lostConnectionMessages = [/connection terminated/i, /connection timeout/i, /client has encountered a connection error/i, /cannot use a pool after calling end/i, /client was closed/i, /pglite is closed/i];

/**
 * True when `error` (from pg or PGlite) means the database is unreachable rather than the SQL failing.
 * Duck-typed: errors raised by Node's network layer may come from another realm (e.g. under Jest),
 * where `instanceof Error` is false.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof SqlConnectionError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (networkErrorCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith('08'))) return true;
  if (Array.isArray(errors) && errors.some(isConnectionFailure)) return true;
  return typeof message === 'string' && lostConnectionMessages.some((pattern) => pattern.test(message));
}

/** Rethrows a connection failure as {@link SqlConnectionError} (prefixed with `where`); other errors unchanged. */
export function mapConnectionFailure(error: unknown, where: string): never {
  if (error instanceof SqlConnectionError) throw error;
  if (isConnectionFailure(error)) throw new SqlConnectionError(`${where}: ${describeCause(error as object)}`, { cause: error });
  throw error;
}

/** "ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1"-style text from an error or an AggregateError. */
function describeCause(error: { code?: unknown; message?: unknown; errors?: unknown; name?: unknown }): string {
  const inner = Array.isArray(error.errors) ? error.errors.map((each) => String((each as { message?: unknown }).message ?? each)).join('; ') : '';
  const message = typeof error.message === 'string' && error.message !== '' ? error.message : inner;
  const code = typeof error.code === 'string' && !message.includes(error.code) ? `${error.code} ` : '';
  return `${code}${message}`.trim() || String(error.name ?? 'unknown error');
}
