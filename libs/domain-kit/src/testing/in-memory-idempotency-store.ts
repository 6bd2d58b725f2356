import type { IdempotencyRecord, IdempotencyStore } from '../idempotency-store';

/**
 * An IdempotencyStore held in memory, for unit tests. Same semantics as the SQL store: the first
 * record for (key, scope) wins and `record` returns whichever record is stored. Records are copied
 * through JSON in and out, as a database would.
 */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, string>();

  async find(idempotencyKey: string, scope: string): Promise<IdempotencyRecord | null> {
    const stored = this.records.get(recordKey(idempotencyKey, scope));
    return stored === undefined ? null : (JSON.parse(stored) as IdempotencyRecord);
  }

  async record(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const key = recordKey(record.idempotencyKey, record.scope);
    if (!this.records.has(key)) this.records.set(key, JSON.stringify(record));
    return JSON.parse(this.records.get(key) as string) as IdempotencyRecord;
  }

  async findMany(keys: ReadonlyArray<{ readonly idempotencyKey: string; readonly scope: string }>): Promise<Array<IdempotencyRecord | null>> {
    return Promise.all(keys.map((key) => this.find(key.idempotencyKey, key.scope)));
  }

  async recordMany(records: readonly IdempotencyRecord[]): Promise<IdempotencyRecord[]> {
    return Promise.all(records.map((record) => this.record(record)));
  }

  /** Number of records held. */
  get size(): number {
    return this.records.size;
  }
}

function recordKey(idempotencyKey: string, scope: string): string {
  return JSON.stringify([idempotencyKey, scope]);
}
