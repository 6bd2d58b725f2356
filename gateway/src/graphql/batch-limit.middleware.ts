import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * HTTP middleware in front of /graphql limiting batched requests (an array of operations in one POST,
 * which Apollo Server runs one by one): more than `maxOperations`, or none, is answered 400 with a
 * GraphQL-shaped error (code BATCH_TOO_LARGE) before any operation is parsed. Runs after the JSON body parser.
 */
export function batchLimitMiddleware(maxOperations: number): (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const body = req.body;
    if (Array.isArray(body) && (body.length === 0 || body.length > maxOperations)) {
      const payload = { errors: [{ message: `a batch must hold 1 to ${maxOperations} operations; this one holds ${body.length}`, extensions: { code: 'BATCH_TOO_LARGE', maxOperations } }] };
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(payload));
      return;
    }
    next();
  };
}
