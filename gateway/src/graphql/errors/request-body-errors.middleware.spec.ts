import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalFor, requestBodyErrors } from './request-body-errors.middleware';

const MAX = 5 * 1024 * 1024;

function harness() {
  const logs: Array<{ level: 'warn' | 'error'; fields: Record<string, unknown>; message: string }> = [];
  const logger = {
    warn: (fields: Record<string, unknown>, message: string) => void logs.push({ level: 'warn', fields, message }),
    error: (fields: Record<string, unknown>, message: string) => void logs.push({ level: 'error', fields, message }),
  };
  const handler = requestBodyErrors({ maxBytes: MAX, logger: logger as never });
  const answer = (error: unknown) => {
    const sent: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} };
    const res = {
      headersSent: false,
      set statusCode(status: number) {
        sent.status = status;
      },
      setHeader: (name: string, value: string) => void (sent.headers[name] = value),
      end: (body?: string) => void (sent.body = body),
    } as unknown as ServerResponse;
    const next = jest.fn();
    handler(error, { method: 'POST', url: '/graphql?query=Zorbina' } as IncomingMessage, res, next);
    expect(next).not.toHaveBeenCalled();
    return { status: sent.status, headers: sent.headers, json: JSON.parse(sent.body ?? 'null') as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } };
  };
  return { answer, logs };
}

/** A body-parser (http-errors) error as body-parser 2 / raw-body raise them. */
function parserError(status: number, type: string | undefined, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...(type ? { type } : {}), ...extra });
}

describe('requestBodyErrors', () => {
  it.each([
    ['entity.parse.failed', 400, 'BAD_REQUEST'],
    ['entity.too.large', 413, 'PAYLOAD_TOO_LARGE'],
    ['encoding.unsupported', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['charset.unsupported', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['request.aborted', 400, 'BAD_REQUEST'],
    ['request.size.invalid', 400, 'BAD_REQUEST'],
    ['parameters.too.many', 413, 'PAYLOAD_TOO_LARGE'],
    ['entity.verify.failed', 403, 'FORBIDDEN'],
  ])('answers %s with %i %s in GraphQL form and logs it at warn without a stack', (type, status, code) => {
    const { answer, logs } = harness();
    const sent = answer(parserError(status, type, 'Unexpected token Z in "fullName":Zorbina Testwala', { body: '{"fullName":Zorbina Testwala}', charset: 'zorbina' }));
    expect(sent.status).toBe(status);
    expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sent.json.errors).toEqual([{ message: expect.any(String), extensions: expect.objectContaining({ code }) }]);
    expect(logs).toEqual([{ level: 'warn', fields: expect.objectContaining({ bodyError: type, statusCode: status, method: 'POST', path: '/graphql' }), message: 'request body refused' }]);
    expect(JSON.stringify({ sent, logs })).not.toMatch(/zorbina|testwala|stack/i);
  });

  it('names the size limit of a too large body', () => {
    const { answer, logs } = harness();
    const sent = answer(parserError(413, 'entity.too.large', 'request entity too large', { length: 6_000_000, limit: MAX }));
    expect(sent.json.errors[0]).toEqual({ message: 'the request body is larger than 5 MB (5242880 bytes), the most one request may carry', extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX } });
    expect(logs[0].fields).toMatchObject({ length: 6_000_000, limit: MAX });
  });

  it('answers a 4xx without a known type (a corrupt gzip body) by its status, and a 5xx as INTERNAL logged at error with stack frames but no message', () => {
    const { answer, logs } = harness();
    expect(answer(parserError(400, undefined, 'incorrect header check')).json.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    const internal = answer(parserError(500, 'stream.encoding.set', 'stream encoding should not be set'));
    expect(internal.status).toBe(500);
    expect(internal.json.errors[0]).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
    expect(logs[1]).toMatchObject({ level: 'error', fields: { bodyError: 'stream.encoding.set', statusCode: 500, stack: expect.stringContaining('at ') } });
    expect(JSON.stringify(logs[1])).not.toContain('should not be set');
    expect(answer(new Error('no status')).status).toBe(500);
  });

  it('sends nothing more once headers went out', () => {
    const end = jest.fn();
    const res = { headersSent: true, end, setHeader: jest.fn() } as unknown as ServerResponse;
    requestBodyErrors({ maxBytes: MAX, logger: { warn: jest.fn(), error: jest.fn() } as never })(parserError(400, 'request.aborted', 'request aborted'), { method: 'POST', url: '/graphql' } as IncomingMessage, res, jest.fn());
    expect(end).toHaveBeenCalledWith();
  });
});

describe('refusalFor', () => {
  it('names the limit in bytes when it is not a whole number of MB', () => {
    expect(refusalFor('entity.too.large', 413, 1000).message).toBe('the request body is larger than 1000 bytes, the most one request may carry');
  });
});
