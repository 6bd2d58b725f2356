/** A place the scanner looked: a label (e.g. `log line 12`, `table membership_rm.branch_summary`) and the text found there. */
export interface ScannedText {
  readonly where: string;
  readonly text: string;
}

/** One hit: which secret, where, and a short excerpt around it (the excerpt is synthetic test data). */
export interface Leak {
  readonly secret: string;
  readonly where: string;
  readonly excerpt: string;
}

/**
 * Every occurrence of any of `secrets` (case-insensitive) in `texts`, with where it was found.
 * Pure; used by the leak scanner test (issue 6 item 8). Secrets shorter than 4 characters are
 * refused (Error): they would match by chance and make the scan meaningless.
 */
export function findLeaks(texts: Iterable<ScannedText>, secrets: readonly string[]): Leak[] {
  for (const secret of secrets) if (secret.length < 4) throw new Error(`secret "${secret}" is too short to scan for`);
  const leaks: Leak[] = [];
  for (const { where, text } of texts) {
    const lower = text.toLowerCase();
    for (const secret of secrets) {
      const at = lower.indexOf(secret.toLowerCase());
      if (at >= 0) leaks.push({ secret, where, excerpt: text.slice(Math.max(0, at - 60), at + secret.length + 60) });
    }
  }
  return leaks;
}
