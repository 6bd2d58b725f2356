import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The fingerprint of a command: lower-case hex SHA-256 of the canonical JSON (sorted keys) of
 * `{ commandType, payload }`, plus `businessDate` (YYYY-MM-DD) when given — the CommandHandler always
 * gives it, because the business date decides fees, prices and rates. A repeated idempotency key
 * whose hash differs is a reused key (DESIGN §5). The hash is unsalted and stored with every event:
 * `payload` must never hold plaintext personal data (pass keyed fingerprints of it instead, e.g.
 * PersonalDataVault.fingerprint). Throws TypeError when the payload holds values JSON cannot carry.
 */
export function commandHash(commandType: string, payload: unknown, businessDate?: string): string {
  const hashed = businessDate === undefined ? { commandType, payload } : { businessDate, commandType, payload };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
