import { writeFile } from 'node:fs/promises';
import type { RegisterReject } from './row-validator';

/** The reject report's columns. */
export const REPORT_HEADER = 'line,member_no,field,reason';

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Renders rejects as CSV (`line,member_no,field,reason`, sorted by line, LF line ends). Carries
 * no cell contents beyond a well-formed member number, so the report holds no personal data.
 */
export function formatRejectReport(rejects: readonly RegisterReject[]): string {
  const rows = [...rejects].sort((a, b) => a.line - b.line).map((reject) => [String(reject.line), reject.memberNo ?? '', reject.field, reject.reason].map(csvCell).join(','));
  return [REPORT_HEADER, ...rows].join('\n') + '\n';
}

/** Writes the reject report to `path` (overwriting it); the file is written even when there are no rejects. */
export async function writeRejectReport(path: string, rejects: readonly RegisterReject[]): Promise<void> {
  await writeFile(path, formatRejectReport(rejects), 'utf8');
}
