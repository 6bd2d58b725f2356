/**
 * The logging the runner needs; a pino logger satisfies it. Objects carry positions, projection
 * names, event types and error codes only — never event data (it may hold sealed personal data).
 */
export interface RunnerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Fallback when no logger is given: one JSON line per entry on stderr, so a failure is never silent. */
export const stderrRunnerLogger: RunnerLogger = {
  info: (details, message) => write('info', details, message),
  warn: (details, message) => write('warn', details, message),
  error: (details, message) => write('error', details, message),
};

function write(level: string, details: object, message: string): void {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), component: 'projection-runner', ...details, msg: message })}\n`);
}
