import type { GraphqlRequest } from '../graphql-client';
import type { ImportMemberInput, ImportMemberOutcome } from '../platform-api';

/**
 * A test double of the gateway's `importMembers` for the importer's unit specs (the end-to-end
 * suite runs the real platform). It keeps the contract's rules: idempotency key + payload (without
 * the line) → the first answer or IDEMPOTENCY_KEY_REUSED; unknown branch → BRANCH_NOT_FOUND; a
 * member number whose prefix is not the branch → MEMBER_NO_BRANCH_MISMATCH; a second member with a
 * number → DUPLICATE_MEMBER_NUMBER; each accepted row gets the next position.
 */
export class FakePlatform {
  /** Accepted members by number: what the platform holds. */
  readonly members = new Map<string, Omit<ImportMemberInput, 'line' | 'idempotencyKey'>>();
  /** importMembers calls applied. */
  calls = 0;
  /** HTTP requests received by {@link fetch}, whatever their answer. */
  httpRequests = 0;
  /** Answer the next N calls with a network failure (connection refused) before doing anything. */
  refuseNextCalls = 0;
  /** Answer these member numbers with a transient CONCURRENCY_CONFLICT this many more times. */
  readonly conflicts = new Map<string, number>();
  private readonly answers = new Map<string, { hash: string; outcome: ImportMemberOutcome }>();
  private position = 0;

  constructor(
    readonly branches: ReadonlySet<string> = new Set(['SNG', 'KLG', 'DHT']),
    readonly token = 'test-token',
  ) {}

  /** Applies one importMembers call. */
  importMembers(rows: readonly ImportMemberInput[]): ImportMemberOutcome[] {
    this.calls += 1;
    return rows.map((row) => this.importOne(row));
  }

  /** The GraphqlRequest a client would give the importer (no HTTP). */
  readonly request: GraphqlRequest = async <T>(query: string, variables: Record<string, unknown>) => {
    if (this.refuseNextCalls > 0) {
      this.refuseNextCalls -= 1;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }
    if (!query.includes('importMembers')) throw new Error('the fake platform only answers importMembers');
    return { importMembers: this.importMembers(variables.rows as ImportMemberInput[]) } as T;
  };

  /** A fetch speaking GraphQL over HTTP to this fake, checking the bearer token; for CLI specs. */
  readonly fetch = (async (_url: unknown, init?: RequestInit) => {
    this.httpRequests += 1;
    if (this.refuseNextCalls > 0) {
      this.refuseNextCalls -= 1;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (headers.authorization !== `Bearer ${this.token}`) {
      return Response.json({ errors: [{ message: 'missing or invalid bearer token', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 });
    }
    const body = JSON.parse(String(init?.body)) as { query: string; variables: { rows: ImportMemberInput[] } };
    return Response.json({ data: { importMembers: this.importMembers(body.variables.rows) } });
  }) as typeof fetch;

  private importOne(row: ImportMemberInput): ImportMemberOutcome {
    const base = { line: row.line, memberNo: row.memberNo };
    const conflictsLeft = this.conflicts.get(row.memberNo) ?? 0;
    if (conflictsLeft > 0) {
      this.conflicts.set(row.memberNo, conflictsLeft - 1);
      return { ...base, accepted: false, replayed: false, errorCode: 'CONCURRENCY_CONFLICT', field: null, position: null };
    }
    const { line: _line, idempotencyKey, ...payload } = row;
    const hash = JSON.stringify(payload);
    const earlier = this.answers.get(idempotencyKey);
    if (earlier) {
      if (earlier.hash !== hash) return { ...base, accepted: false, replayed: false, errorCode: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', position: null };
      return { ...earlier.outcome, ...base, replayed: true };
    }
    const rejection = this.rejection(row);
    if (rejection) return { ...base, accepted: false, replayed: false, errorCode: rejection.code, field: rejection.field, position: null };
    this.position += 1;
    this.members.set(row.memberNo, payload);
    const outcome = { ...base, accepted: true, replayed: false, errorCode: null, field: null, position: `C:${this.position}/P:${this.position}` };
    this.answers.set(idempotencyKey, { hash, outcome });
    return outcome;
  }

  private rejection(row: ImportMemberInput): { code: string; field: string } | undefined {
    if (!this.branches.has(row.branchCode)) return { code: 'BRANCH_NOT_FOUND', field: 'branchCode' };
    if (!row.memberNo.startsWith(`${row.branchCode}-`)) return { code: 'MEMBER_NO_BRANCH_MISMATCH', field: 'memberNo' };
    if (this.members.has(row.memberNo)) return { code: 'DUPLICATE_MEMBER_NUMBER', field: 'memberNo' };
    return undefined;
  }
}
