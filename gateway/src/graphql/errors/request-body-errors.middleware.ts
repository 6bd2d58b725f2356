import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** What a refused request body is answered with: HTTP status, stable code, a message with nothing of the body. */
interface BodyRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** Further `extensions` (numbers only, e.g. the size limit). */
  readonly details?: Readonly<Record<string, number>>;
}

/** Options of requestBodyErrors. */
export interface RequestBodyErrorOptions {
  /** The JSON parser's size limit in bytes, named in the 413 answer. */
  readonly maxBytes: number;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
}

/**
 * Express error middleware placed right after the JSON body parser (body-parser 2 / raw-body): the
 * one place that answers the parser's errors, in GraphQL error form, before Nest or Apollo see
 * them. Nest would otherwise answer a JSON syntax error with a message quoting the body around the
 * bad token (a member's name, say), a too-large body as `{statusCode, message}` without a code, and
 * log the latter at error with a stack trace.
 *
 * | body-parser `type`                         | status | code                   |
 * |--------------------------------------------|--------|------------------------|
 * | entity.parse.failed                        | 400    | BAD_REQUEST            |
 * | entity.too.large                           | 413    | PAYLOAD_TOO_LARGE (+ maxBytes) |
 * | encoding.unsupported, charset.unsupported  | 415    | UNSUPPORTED_MEDIA_TYPE |
 * | request.aborted, request.size.invalid      | 400    | BAD_REQUEST            |
 * | anything else the parser rejects with 4xx  | its status | FORBIDDEN (403), PAYLOAD_TOO_LARGE (413), UNSUPPORTED_MEDIA_TYPE (415), else BAD_REQUEST |
 * | a 5xx or an error without a status         | 500    | INTERNAL               |
 *
 * Client errors are logged at warn without a stack; a 5xx at error with the stack frames. Log lines
 * carry the parser's error type, status, sizes, method and path — never the error's message or
 * `body` (they hold what the client sent; a charset error quotes the charset it named).
 */
export function requestBodyErrors(options: RequestBodyErrorOptions): (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const { maxBytes, logger } = options;
  // Express recognises an error handler by its four parameters; this one always answers, so `next` stays unused.
  return function requestBodyErrorHandler(error, req, res, _next) {
    const parserError = (error ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown; length?: unknown; limit?: unknown; name?: unknown; stack?: unknown };
    const type = typeof parserError.type === 'string' ? parserError.type : undefined;
    const rawStatus = typeof parserError.status === 'number' ? parserError.status : parserError.statusCode;
    const status = typeof rawStatus === 'number' && rawStatus >= 400 && rawStatus < 600 ? rawStatus : 500;
    const refusal = refusalFor(type, status, maxBytes);
    const fields = {
      component: 'http',
      bodyError: type ?? (typeof parserError.name === 'string' ? parserError.name : typeof error),
      statusCode: refusal.status,
      method: req.method,
      path: (req.url ?? '').split('?')[0],
      ...(typeof parserError.length === 'number' ? { length: parserError.length } : {}),
      ...(typeof parserError.limit === 'number' ? { limit: parserError.limit } : {}),
    };
    if (refusal.status >= 500) {
      const stack = typeof parserError.stack === 'string' ? parserError.stack.split('\n').slice(1).join('\n') : undefined;
      logger.error({ ...fields, stack }, 'request body could not be read');
    } else {
      logger.warn(fields, 'request body refused');
    }
    sendGraphQLError(res, refusal);
  };
}

/** The answer to a body-parser error of `type` with HTTP `status` (400–599). */
export function refusalFor(type: string | undefined, status: number, maxBytes: number): BodyRefusal {
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `the request body is larger than ${describeBytes(maxBytes)}, the most one request may carry`, details: { maxBytes } };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the Content-Encoding of the request body is not supported; send it uncompressed or as gzip, deflate or br' };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the charset of the request body is not supported; send UTF-8' };
    case 'request.aborted':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request was aborted before its body was read' };
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body is not as long as its Content-Length says' };
  }
  if (status >= 500) return { status: 500, code: 'INTERNAL', message: 'Internal error' };
  if (status === 403) return { status, code: 'FORBIDDEN', message: 'the request body was refused' };
  if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' };
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the request body is of a kind the gateway does not read' };
  return { status, code: 'BAD_REQUEST', message: 'the request body could not be read' };
}

/** "5 MB (5242880 bytes)" for whole mebibytes, otherwise "N bytes". */
function describeBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  return Number.isInteger(mebibytes) ? `${mebibytes} MB (${bytes} bytes)` : `${bytes} bytes`;
}

function sendGraphQLError(res: ServerResponse, refusal: BodyRefusal): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.details } }] }));
}
