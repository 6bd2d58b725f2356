/**
 * Where the command handler remembers the answer it gave for an idempotency key (DESIGN §5), so a
 * repeat returns the first answer without deciding again. Records are keyed by (idempotencyKey, scope).
 */

/** The answer of an accepted command as stored: JSON only (the position is formatPosition's text). */
export interface StoredCommandAnswer {
  readonly streamId: string;
  /** The stream's last revision after the command; -1 when the stream was (and stayed) empty. */
  readonly nextExpectedRevision: number;
  /** formatPosition() of the command's last event; null when the command appended nothing. */
  readonly position: string | null;
  readonly eventIds: readonly string[];
  readonly events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>;
}

/** One remembered command. `commandHash` is {@link commandHash} of its type and payload. */
export interface IdempotencyRecord {
  readonly idempotencyKey: string;
  readonly scope: string;
  readonly commandType: string;
  readonly commandHash: string;
  readonly answer: StoredCommandAnswer;
  /** ISO 8601 UTC instant the record was written. */
  readonly recordedAt: string;
}

/** The idempotency records port. Implementations: createSqlIdempotencyStore (@samabay/command-stores), InMemoryIdempotencyStore (tests). */
export interface IdempotencyStore {
  /** The record for (key, scope), or null when none was written. */
  find(idempotencyKey: string, scope: string): Promise<IdempotencyRecord | null>;
  /**
   * Writes the record unless one exists for (key, scope) already; returns the record that is
   * stored afterwards: this one, or the earlier one (whose hash the caller must compare).
   */
  record(record: IdempotencyRecord): Promise<IdempotencyRecord>;
  /** {@link find} for many (key, scope) pairs at once (one round trip where the store can): results in the same order. */
  findMany(keys: ReadonlyArray<{ readonly idempotencyKey: string; readonly scope: string }>): Promise<Array<IdempotencyRecord | null>>;
  /**
   * {@link record} for many records at once (a command batch): writes each unless its (key, scope)
   * is recorded already, and returns, in the same order, the record stored afterwards for each.
   */
  recordMany(records: readonly IdempotencyRecord[]): Promise<IdempotencyRecord[]>;
}
