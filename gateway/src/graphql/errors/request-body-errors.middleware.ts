import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** What a refused request body is answered with: HTTP status, stable code, a message with nothing of the body. */
interface BodyRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Express error middleware placed right after the JSON body parser: answers the parser's errors in
 * GraphQL error form before Nest or Apollo see them. Nest would otherwise turn a JSON syntax error
 * into a 400 whose message quotes the body around the bad token (a member's name, say).
 *
 * - `entity.parse.failed` (the body is not JSON): 400, code BAD_REQUEST.
 *
 * Logs one warn line (a client error, not ours) with the parser's error type, the status, the
 * method and the path — never the error's message or `body`, which hold the request body.
 * Errors without a body-parser `type` go on to the next error handler.
 */
export function requestBodyErrors(logger: Pick<Logger, 'warn'>): (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  return function requestBodyErrorHandler(error, req, res, next) {
    const type = (error as { type?: unknown } | null)?.type;
    if (type !== 'entity.parse.failed') return next(error);
    const refusal: BodyRefusal = { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' };
    logger.warn({ component: 'http', bodyError: type, statusCode: refusal.status, method: req.method, path: (req.url ?? '').split('?')[0] }, 'request body refused');
    sendGraphQLError(res, refusal);
  };
}

function sendGraphQLError(res: ServerResponse, refusal: BodyRefusal): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
}
