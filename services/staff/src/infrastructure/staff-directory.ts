import type { StaffRole } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import { DEFAULT_STAFF_SCHEMA, staffMembersTable, type StaffRow } from './staff-tables';

/** A staff user's standing as of stream revision `revision` (what the gateway checks per request). */
export interface StaffStanding {
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
  readonly active: boolean;
  readonly revision: number;
}

interface Entry {
  readonly revision: number;
  readonly standing: StaffStanding | null;
}

/** Most users whose standing is kept in memory (a co-operative has tens to hundreds of staff). */
const DEFAULT_CAPACITY = 10_000;

/**
 * The staff read model as the gateway consults it on every request (DESIGN §7): a cache in front of
 * the staff_members table, moved forward by the staff events themselves — never by a TTL. The staff
 * projection and the staff commands (write-through, so a disable takes effect before the command
 * even answers) call `observe` with the standing after each event; an entry only ever moves to a
 * higher stream revision, so a table read racing an event can never put an older standing back.
 */
export class StaffDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: SqlExecutor,
    private readonly schema: string = DEFAULT_STAFF_SCHEMA,
    private readonly capacity: number = DEFAULT_CAPACITY,
  ) {}

  /** The user's standing, or null when the registry does not know them. Reads the table on a cache miss. */
  async find(userId: string): Promise<StaffStanding | null> {
    const cached = this.entries.get(userId);
    if (cached) return cached.standing;
    const { rows } = await this.db.query<StaffRow>(`SELECT * FROM ${staffMembersTable(this.schema)} WHERE user_id = $1`, [userId]);
    const row = rows[0];
    const standing: StaffStanding | null = row ? { userId: row.user_id, role: row.role as StaffRole, branchCode: row.branch_code, active: row.active, revision: row.stream_revision } : null;
    this.put(userId, { revision: standing?.revision ?? -1, standing });
    return this.entries.get(userId)?.standing ?? standing;
  }

  /** Moves the user's entry to `standing` unless the cache already holds that revision or a later one. */
  observe(standing: StaffStanding): void {
    this.put(standing.userId, { revision: standing.revision, standing });
  }

  /** Forgets everything (after the read model was reset for a rebuild). */
  clear(): void {
    this.entries.clear();
  }

  private put(userId: string, entry: Entry): void {
    const current = this.entries.get(userId);
    if (current && current.revision >= entry.revision) return;
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
