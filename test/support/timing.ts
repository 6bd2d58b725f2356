/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A latch for tests: `wait()` resolves once `open()` has been called (before or after). */
export class Gate {
  private release!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));

  /** Lets every current and future `wait()` resolve. */
  open(): void {
    this.release();
  }

  /** Resolves once the gate is open. */
  wait(): Promise<void> {
    return this.opened;
  }
}

/**
 * Polls `condition` every `intervalMs` until it returns true; rejects with `description` after
 * `timeoutMs`. A liveness bound so a broken implementation fails with a message instead of hanging,
 * not a performance assertion.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, description: string, timeoutMs = 15_000, intervalMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await delay(intervalMs);
  }
}
