/**
 * The logging the messaging client needs; a pino logger satisfies it. Details carry broker
 * addresses, topics, partitions, offsets, group ids and error names/messages only — never a
 * message's key, value or headers.
 */
export interface MessagingLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export type MessagingLogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<MessagingLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON line per entry at `minLevel` or above on stderr (default 'warn'), so trouble is never silent. */
export function stderrMessagingLogger(minLevel: MessagingLogLevel = 'warn'): MessagingLogger {
  const write = (level: MessagingLogLevel) => (details: object, message: string) => {
    if (LEVEL_RANK[level] < LEVEL_RANK[minLevel]) return;
    process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), component: 'messaging', ...details, msg: message })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** True when `level` is at or above `minLevel`. */
export function isLogLevelEnabled(level: MessagingLogLevel, minLevel: MessagingLogLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[minLevel];
}
