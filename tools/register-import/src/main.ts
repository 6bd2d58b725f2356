import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { RegisterFormatError } from './csv-reader';
import { createGraphqlClient, PlatformRequestError, PlatformUnreachableError, redactServerMessage, type RetryPolicy } from './graphql-client';
import { importRegister, RowsNotSettledError } from './importer';
import { UnmatchedOutcomeError } from './platform-api';
import { createProgress, silentProgress } from './progress';
import { formatRejectReport, writeRejectReport } from './report';
import { formatSummary } from './summary';

/** Exit statuses of the import command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejects: 3 } as const;

/** Where the CLI writes and what it reads; injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Aborts the run (the process wires SIGINT/SIGTERM to it). */
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
  /** Overrides the client's retry policy (tests). */
  readonly retry?: RetryPolicy;
}

const INLINE_REJECTS_LIMIT = 100;

/**
 * `npm run import -- <file.csv> [--url …] [--token …] [--report rejects.csv] [--batch 200]`.
 * Prints progress to stderr and the summary (and the rejects, unless --report names a file) to
 * stdout; never prints a cell's contents beyond member numbers. Resolves to the exit status
 * ({@link EXIT}); failures are explained on stderr, not thrown.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }

  // On a terminal the progress bar owns the current line: start messages on a fresh one.
  const breakLine = io.stderr.isTTY ? '\n' : '';
  const request = createGraphqlClient({
    url: options.url,
    token: options.token,
    fetch: io.fetch,
    retry: io.retry,
    onRetry: (attempt, problem, delayMs) => io.stderr.write(`${breakLine}import: platform not answering (${problem}); retry ${attempt} in ${delayMs} ms\n`),
  });
  const startedAt = performance.now();
  try {
    const { summary, rejects } = await importRegister({
      source: { path: options.file },
      request,
      batchSize: options.batchSize,
      businessDate: options.businessDate,
      signal: io.signal,
      progress: options.quiet ? silentProgress : createProgress(io.stderr),
    });
    const seconds = (performance.now() - startedAt) / 1000;
    io.stdout.write(`${formatSummary(summary)}\n`);
    io.stdout.write(`time: ${seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(seconds, 0.001))} rows/s)\n`);
    if (options.reportPath) {
      await writeRejectReport(options.reportPath, rejects);
      io.stdout.write(`reject report: ${options.reportPath} (${rejects.length} row(s))\n`);
    } else if (rejects.length > 0) {
      const lines = formatRejectReport(rejects).trimEnd().split('\n');
      io.stdout.write(`${lines.slice(0, INLINE_REJECTS_LIMIT + 1).join('\n')}\n`);
      if (rejects.length > INLINE_REJECTS_LIMIT) io.stdout.write(`… ${rejects.length - INLINE_REJECTS_LIMIT} more; pass --report rejects.csv for all of them\n`);
    }
    return rejects.length > 0 ? EXIT.rejects : EXIT.ok;
  } catch (error) {
    io.stderr.write(`${breakLine}import failed: ${explain(error, io.signal)}\n`);
    return EXIT.failed;
  }
}

function explain(error: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'interrupted; rows already sent stay imported — run the same command again to finish (it is idempotent)';
  if (error instanceof PlatformRequestError && /UNAUTHENTICATED|FORBIDDEN|HTTP 401|HTTP 403/.test(error.code)) {
    return `${error.message}. Pass --token (npm start prints a development token) or set SAMABAY_TOKEN.`;
  }
  if (error instanceof RegisterFormatError || error instanceof PlatformRequestError || error instanceof PlatformUnreachableError || error instanceof RowsNotSettledError || error instanceof UnmatchedOutcomeError) {
    return error.message;
  }
  // Unexpected (a bug): quoted text is withheld in case it echoes a cell.
  return `unexpected ${(error as Error)?.name ?? 'error'}: ${redactServerMessage(String((error as Error)?.message ?? error))}; re-running is safe`;
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }).then((status) => {
    process.exitCode = status;
  });
}
