import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's framework messages (start-up, transport errors) as pino JSON lines of the process's logger. */
export function nestPinoLogger(logger: Logger): LoggerService {
  const text = (message: unknown): string => (typeof message === 'string' ? message : message instanceof Error ? message.name : 'message');
  const context = (params: unknown[]): { nestContext?: string } => {
    const last = params[params.length - 1];
    return typeof last === 'string' ? { nestContext: last } : {};
  };
  return {
    log: (message, ...params) => logger.info(context(params), text(message)),
    error: (message, ...params) => logger.error(context(params), text(message)),
    warn: (message, ...params) => logger.warn(context(params), text(message)),
    debug: (message, ...params) => logger.debug(context(params), text(message)),
    verbose: (message, ...params) => logger.trace(context(params), text(message)),
    fatal: (message, ...params) => logger.fatal(context(params), text(message)),
  };
}
