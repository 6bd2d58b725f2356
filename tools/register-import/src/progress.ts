import { Presets, SingleBar } from 'cli-progress';

/** Counts shown while an import runs (no personal data). */
export interface ProgressCounts {
  readonly done: number;
  readonly accepted: number;
  readonly replayed: number;
  readonly rejected: number;
}

/** Receives progress from the importer. */
export interface ImportProgress {
  start(total: number): void;
  update(counts: ProgressCounts): void;
  stop(): void;
}

/** A progress display that shows nothing (tests, `--quiet`). */
export const silentProgress: ImportProgress = { start() {}, update() {}, stop() {} };

/**
 * Progress on `stream` (stderr in the CLI): a cli-progress bar on a terminal; otherwise one plain
 * line per ~10 % so logs and CI output stay readable.
 */
export function createProgress(stream: NodeJS.WriteStream): ImportProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): ImportProgress {
  const bar = new SingleBar(
    { stream, format: 'import [{bar}] {percentage}% | {value}/{total} rows | accepted {accepted} replayed {replayed} rejected {rejected} | ETA {eta_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { accepted: 0, replayed: 0, rejected: 0 }),
    update: (counts) => bar.update(counts.done, { accepted: counts.accepted, replayed: counts.replayed, rejected: counts.rejected }),
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WritableStream): ImportProgress {
  let total = 0;
  let nextReport = 0;
  return {
    start(rows) {
      total = rows;
      nextReport = 0;
    },
    update(counts) {
      if (counts.done < nextReport && counts.done < total) return;
      nextReport = counts.done + Math.max(1, Math.ceil(total / 10));
      stream.write(`import: ${counts.done}/${total} rows (accepted ${counts.accepted}, replayed ${counts.replayed}, rejected ${counts.rejected})\n`);
    },
    stop() {},
  };
}
