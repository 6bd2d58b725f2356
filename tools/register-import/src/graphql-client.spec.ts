import { createGraphqlClient, PlatformRequestError, PlatformUnreachableError, redactServerMessage, type RetryPolicy } from './graphql-client';

const URL = 'http://127.0.0.1:4999/graphql';
const retry: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function refused(): never {
  throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
}

function harness(answers: (() => Response)[]) {
  const calls: RequestInit[] = [];
  const delays: number[] = [];
  const fetch = (async (_url: unknown, init?: RequestInit) => {
    calls.push(init ?? {});
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return answer();
  }) as typeof globalThis.fetch;
  const request = createGraphqlClient({ url: URL, token: 'tok', retry, fetch, sleep: async (ms) => void delays.push(ms) });
  return { request, calls, delays };
}

describe('createGraphqlClient', () => {
  it('posts the operation as JSON with the bearer token and returns data', async () => {
    const { request, calls } = harness([() => json({ data: { ok: 1 } })]);
    await expect(request('query { ok }', { a: 1 })).resolves.toEqual({ ok: 1 });
    expect(calls[0].method).toBe('POST');
    expect((calls[0].headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0].body))).toEqual({ query: 'query { ok }', variables: { a: 1 } });
  });

  it('retries network failures and 5xx with exponential backoff, capped, then succeeds', async () => {
    const { request, calls, delays } = harness([refused, () => json({}, 503), refused, () => json({ data: { ok: 2 } })]);
    await expect(request('query { ok }', {})).resolves.toEqual({ ok: 2 });
    expect(calls).toHaveLength(4);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('gives up after the bounded number of attempts with a clear error naming the URL and the cause', async () => {
    const { request, calls } = harness([refused]);
    const failure = request('query { ok }', {});
    await expect(failure).rejects.toThrow(PlatformUnreachableError);
    await expect(failure).rejects.toThrow(`could not reach the platform at ${URL} after 4 attempt(s): ECONNREFUSED`);
    expect(calls).toHaveLength(4);
  });

  it('does not retry a request the platform refused (GraphQL error or 4xx) and reports its code', async () => {
    const unauthenticated = harness([() => json({ errors: [{ message: 'missing or invalid bearer token', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)]);
    await expect(unauthenticated.request('query { ok }', {})).rejects.toThrow(new PlatformRequestError('UNAUTHENTICATED', 'missing or invalid bearer token'));
    expect(unauthenticated.calls).toHaveLength(1);

    const notGraphql = harness([() => new Response('<html>not found</html>', { status: 404 })]);
    await expect(notGraphql.request('query { ok }', {})).rejects.toThrow(/HTTP 404.*is --url the \/graphql endpoint/);
    expect(notGraphql.calls).toHaveLength(1);
  });

  it('never repeats a value the server quoted from the variables', async () => {
    const { request } = harness([
      () => json({ errors: [{ message: 'Variable "$rows" got invalid value "Rekha Thapa" at "rows[0].personal.dateOfBirth"', extensions: { code: 'BAD_USER_INPUT' } }] }),
    ]);
    const failure = request('mutation', {});
    await expect(failure).rejects.toThrow(/BAD_USER_INPUT/);
    await expect(failure).rejects.not.toThrow(/Rekha/);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const { request, calls } = harness([() => json({ data: {} })]);
    await expect(request('query { ok }', {}, controller.signal)).rejects.toThrow('stopped');
    expect(calls).toHaveLength(0);
  });
});

describe('redactServerMessage', () => {
  it('withholds quoted text and coerced values', () => {
    expect(redactServerMessage('Variable "$rows" got invalid value { fullName: "Rekha" }')).toBe('Variable "…" got invalid value (value withheld)');
    expect(redactServerMessage('branch "XYZ" not found')).toBe('branch "…" not found');
    expect(redactServerMessage('plain')).toBe('plain');
  });
});
