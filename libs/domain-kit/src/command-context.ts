/** Roles of staff users (DESIGN §7). */
export type StaffRole = 'teller' | 'branch_manager' | 'head_office' | 'auditor' | 'partner' | 'admin';

/** The authenticated staff member acting: from the bearer token, never from the command payload. */
export interface Actor {
  readonly userId: string;
  readonly role: StaffRole;
  /** The branch the user works at, e.g. 'SNG'. Head-office-wide roles still belong to a branch. */
  readonly branchCode: string;
}

/**
 * What every command carries besides its payload (DESIGN §3, §5, §9).
 * `idempotencyKey`: chosen by the client, 8–200 printable characters; a repeat returns the first answer.
 * `businessDate`: the Asia/Kolkata calendar date (YYYY-MM-DD) the command belongs to.
 */
export interface CommandContext {
  readonly idempotencyKey: string;
  readonly actor: Actor;
  readonly businessDate: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** Metadata stored with every event (DESIGN §3 envelope). `commandHash` detects a reused key with another payload. */
export interface EventEnvelopeMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
  readonly actorRole: StaffRole;
  readonly branchCode: string;
  /** ISO 8601 UTC instant the event was recorded. */
  readonly occurredAt: string;
  /** Asia/Kolkata calendar date, YYYY-MM-DD. */
  readonly businessDate: string;
  readonly schemaVersion: number;
  readonly idempotencyKey: string;
  readonly commandHash: string;
}
