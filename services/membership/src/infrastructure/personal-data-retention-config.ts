import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidIsoDate } from '@samabay/domain-kit';
import { z } from 'zod';
import type { PersonalDataRetention } from '../domain/personal-data-retention';

const retentionFileSchema = z
  .object({
    source: z.string().optional(),
    retention: z
      .array(
        z
          .object({
            effectiveFrom: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD'),
            needsConfirmation: z.boolean().optional(),
            note: z.string().optional(),
            terms: z.object({ yearsAfterExit: z.number().int().min(0).max(200) }).strict(),
          })
          .strict(),
      )
      .min(1, 'at least one dated entry is required'),
  })
  .strict()
  .refine((file) => new Set(file.retention.map((entry) => entry.effectiveFrom)).size === file.retention.length, {
    message: 'two entries take effect on the same date',
    path: ['retention'],
  });

/**
 * Validates parsed retention configuration (the shape of config/personal-data-retention.json:
 * `{ source?, retention: [{ effectiveFrom: 'YYYY-MM-DD', needsConfirmation?, note?, terms: { yearsAfterExit } }] }`,
 * whole years 0–200) and returns the effective-dated schedule, oldest first. `needsConfirmation` and
 * `note` are documentation only. Throws Error naming `origin` and every offending path.
 */
export function parsePersonalDataRetention(raw: unknown, origin = 'personal-data retention'): PersonalDataRetention {
  const parsed = retentionFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid ${origin}: ${problems}`);
  }
  return parsed.data.retention.map(({ effectiveFrom, terms }) => ({ effectiveFrom, terms })).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** Reads and validates a retention JSON file. Throws Error for an unreadable file, bad JSON or a bad shape. */
export function loadPersonalDataRetention(filePath: string): PersonalDataRetention {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read personal-data retention from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePersonalDataRetention(raw, filePath);
}

/**
 * The co-operative's retention schedule from services/membership/config/personal-data-retention.json
 * (today: five years after exit, provisional until the co-operative confirms it). The build copies
 * config/ beside the compiled code, so the same relative path serves src/ and dist/.
 */
export function defaultPersonalDataRetention(): PersonalDataRetention {
  return loadPersonalDataRetention(path.resolve(__dirname, '..', '..', 'config', 'personal-data-retention.json'));
}
