/** The two log calls a stopping process makes (pino's signature). */
export interface StopLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Stops a long-running process (relay, partner publisher) cleanly on the first SIGINT or SIGTERM:
 * logs "stopping", runs `shutdown` once, then exits 0, or 1 with "`<name>` did not stop cleanly"
 * (error name only, never a message that could carry data) when `shutdown` throws.
 */
export function stopOnSignals(logger: StopLogger, name: string, shutdown: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ errorName: error instanceof Error ? error.name : typeof error }, `${name} did not stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
