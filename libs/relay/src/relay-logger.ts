/**
 * The logging the relay needs; a pino logger satisfies it. Details carry positions, topics,
 * categories, counts and error names/codes only — never event data.
 */
export interface RelayLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Fallback when no logger is given: one JSON line per entry on stderr. */
export const stderrRelayLogger: RelayLogger = {
  info: (details, message) => write('info', details, message),
  warn: (details, message) => write('warn', details, message),
  error: (details, message) => write('error', details, message),
};

function write(level: string, details: object, message: string): void {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), component: 'relay', ...details, msg: message })}\n`);
}

/** An error's name and stable code (never its message, which may quote data), for logs. */
export function errorSummary(error: unknown): { errorName: string; errorCode?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? { errorName: error.name, errorCode: code } : { errorName: error.name };
  }
  return { errorName: typeof error };
}
