import pino, { type Logger } from 'pino';
import type { LogDestination, LogLevel } from '../config';

/**
 * The platform's pino logger: JSON lines, ISO timestamps, authorization/cookie headers redacted
 * wherever they appear. Callers log ids, codes and positions only — never personal data.
 * `destination`: where the lines go (stdout when absent).
 */
export function createLogger(level: LogLevel, destination?: LogDestination): Logger {
  const options = {
    level,
    base: { service: 'samabay-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  } satisfies pino.LoggerOptions;
  return destination ? pino(options, destination) : pino(options);
}

/**
 * HTTP request logging for nestjs-pino: method, path (no query string: a GET GraphQL request
 * carries its variables there) and status; no bodies, no headers.
 */
export const httpLogSerializers = {
  req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};
