import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

/**
 * The platform's pino logger: JSON lines, ISO timestamps, authorization/cookie headers redacted
 * wherever they appear. Callers log ids, codes and positions only — never personal data.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'samabay-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}

/**
 * HTTP request logging for nestjs-pino: method, path (no query string: a GET GraphQL request
 * carries its variables there) and status; no bodies, no headers.
 */
export const httpLogSerializers = {
  req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};
