import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The fingerprint of a command: lower-case hex SHA-256 of the canonical JSON (sorted keys) of
 * `{ commandType, payload }`. A repeated idempotency key whose hash differs is a reused key
 * (DESIGN §5). Throws TypeError when the payload holds values JSON cannot carry.
 */
export function commandHash(commandType: string, payload: unknown): string {
  return createHash('sha256').update(canonicalJson({ commandType, payload }), 'utf8').digest('hex');
}
