/**
 * A small GraphQL-over-HTTP client for the platform's gateway: POST JSON with a bearer token,
 * bounded retries with exponential backoff for network failures and 429/5xx answers, clear errors
 * for everything else. Messages never carry the request's variables (they hold personal data).
 */

/** The platform could not be reached (or kept failing) after every attempt. Re-running the import is safe. */
export class PlatformUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly attempts: number,
    readonly lastProblem: string,
  ) {
    super(`could not reach the platform at ${url} after ${attempts} attempt(s): ${lastProblem}. Is it running (npm start)? Re-running the import is safe.`);
    this.name = 'PlatformUnreachableError';
  }
}

/** The platform answered but refused the request as a whole (bad token, schema mismatch, …). Not retried. */
export class PlatformRequestError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`the platform refused the request (${code}): ${detail}`);
    this.name = 'PlatformRequestError';
  }
}

/** Retry policy: `attempts` in total (≥ 1); the n-th retry waits `baseDelayMs · 2^(n-1)`, at most `maxDelayMs`. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** 6 attempts, waiting 0.25, 0.5, 1, 2 and 4 s between them (about 8 s before giving up). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 4000 };

/** How to reach the platform and how patiently. */
export interface GraphqlClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** Bearer token (JWT) sent as `Authorization`; omitted when undefined. */
  readonly token?: string;
  readonly retry?: RetryPolicy;
  /** Per-request timeout in milliseconds (default 120 000). */
  readonly timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Injected for tests; defaults to a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told about each retry (attempt number, problem, delay) so the CLI can say it is waiting. */
  readonly onRetry?: (attempt: number, problem: string, delayMs: number) => void;
}

/** Sends one GraphQL operation and returns its `data`; throws PlatformUnreachableError or PlatformRequestError. */
export type GraphqlRequest = <T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal) => Promise<T>;

interface GraphqlResponseBody {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Creates a {@link GraphqlRequest} bound to one endpoint and token. */
export function createGraphqlClient(options: GraphqlClientOptions): GraphqlRequest {
  const retry = options.retry ?? DEFAULT_RETRY;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  return async <T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> => {
    const body = JSON.stringify({ query, variables });
    let lastProblem = '';
    for (let attempt = 1; attempt <= retry.attempts; attempt += 1) {
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
      let response: Response;
      try {
        response = await doFetch(options.url, { method: 'POST', headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        lastProblem = describeNetworkError(error);
        await backOff(attempt);
        continue;
      }
      if (RETRYABLE_STATUS.has(response.status)) {
        lastProblem = `HTTP ${response.status}`;
        await response.body?.cancel();
        await backOff(attempt);
        continue;
      }
      return readResult<T>(response);
    }
    throw new PlatformUnreachableError(options.url, retry.attempts, lastProblem);

    async function backOff(attempt: number): Promise<void> {
      if (attempt >= retry.attempts) return;
      const delay = Math.min(retry.baseDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
      options.onRetry?.(attempt, lastProblem, delay);
      await sleep(delay);
    }
  };
}

async function readResult<T>(response: Response): Promise<T> {
  const text = await response.text();
  let parsed: GraphqlResponseBody | undefined;
  try {
    parsed = JSON.parse(text) as GraphqlResponseBody;
  } catch {
    parsed = undefined;
  }
  const firstError = parsed?.errors?.[0];
  if (firstError) {
    throw new PlatformRequestError(firstError.extensions?.code ?? `HTTP ${response.status}`, redactServerMessage(firstError.message ?? ''));
  }
  if (!response.ok || !parsed || parsed.data === undefined || parsed.data === null) {
    throw new PlatformRequestError(`HTTP ${response.status}`, parsed ? 'no data in the answer' : 'the answer is not GraphQL JSON (is --url the /graphql endpoint?)');
  }
  return parsed.data as T;
}

/**
 * Keeps a server message safe to print: GraphQL input-coercion errors quote the offending value
 * ("got invalid value \"…\""), which would put personal data on screen, so quoted text and
 * anything after "invalid value" is withheld.
 */
export function redactServerMessage(message: string): string {
  const cut = message.search(/invalid value/i);
  const kept = cut >= 0 ? `${message.slice(0, cut)}invalid value (value withheld)` : message;
  return kept.replace(/"[^"]*"/g, '"…"').slice(0, 300);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if ((error as { name?: string }).name === 'TimeoutError') return 'timed out';
  return cause?.message ?? (error as Error).message ?? String(error);
}
