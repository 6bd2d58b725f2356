import type { GraphqlRequest } from '../graphql-client';
import type { ImportOpeningBalanceInput, ImportOpeningBalanceOutcome } from '../opening-balances';
import type { ImportMemberInput, ImportMemberOutcome } from '../platform-api';

/**
 * A test double of the gateway's `importMembers` for the importer's unit specs (the end-to-end
 * suite runs the real platform). It keeps the contract's rules: idempotency key + payload (without
 * the line) → the first answer or IDEMPOTENCY_KEY_REUSED; unknown branch → BRANCH_NOT_FOUND; a
 * member number whose prefix is not the branch → MEMBER_NO_BRANCH_MISMATCH; a second member with a
 * number → DUPLICATE_MEMBER_NUMBER; each accepted row gets the next position. Also the savings
 * `importOpeningBalances`: a member it holds gets SD-01 and TF-01 with the row's balances (an exited
 * member with nil balances none; with a balance EXITED_MEMBER_HAS_BALANCE), idempotent per key.
 */
export class FakePlatform {
  /** Accepted members by number: what the platform holds. */
  readonly members = new Map<string, Omit<ImportMemberInput, 'line' | 'idempotencyKey'>>();
  /** importMembers calls applied. */
  calls = 0;
  /** Opening balances carried over, by member number (rupee strings as sent). */
  readonly balances = new Map<string, { savingsDeposit: string; thriftFund: string; businessDate: string }>();
  /** importOpeningBalances calls applied. */
  balanceCalls = 0;
  /** consistentWith of each importOpeningBalances call, in order. */
  readonly balanceConsistency: Array<string | null> = [];
  /** HTTP requests received by {@link fetch}, whatever their answer. */
  httpRequests = 0;
  /** Answer the next N calls with a network failure (connection refused) before doing anything. */
  refuseNextCalls = 0;
  /** Answer these member numbers with a transient CONCURRENCY_CONFLICT this many more times. */
  readonly conflicts = new Map<string, number>();
  private readonly answers = new Map<string, { hash: string; outcome: ImportMemberOutcome | ImportOpeningBalanceOutcome }>();
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

  /** Applies one importOpeningBalances call. */
  importOpeningBalances(rows: readonly ImportOpeningBalanceInput[], consistentWith: string | null): ImportOpeningBalanceOutcome[] {
    this.balanceCalls += 1;
    this.balanceConsistency.push(consistentWith);
    return rows.map((row) => this.carryOver(row));
  }

  /** The GraphqlRequest a client would give the importer (no HTTP). */
  readonly request: GraphqlRequest = async <T>(query: string, variables: Record<string, unknown>) => {
    if (this.refuseNextCalls > 0) {
      this.refuseNextCalls -= 1;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }
    if (query.includes('importOpeningBalances')) {
      return { importOpeningBalances: this.importOpeningBalances(variables.rows as ImportOpeningBalanceInput[], (variables.consistentWith as string | null) ?? null) } as T;
    }
    if (!query.includes('importMembers')) throw new Error('the fake platform only answers importMembers and importOpeningBalances');
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
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    return Response.json({ data: await this.request(body.query, body.variables) });
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

  private carryOver(row: ImportOpeningBalanceInput): ImportOpeningBalanceOutcome {
    const base = { line: row.line, memberNo: row.memberNo };
    const { line: _line, idempotencyKey, businessDate, ...payload } = row;
    const hash = `balances:${JSON.stringify(payload)}`;
    const earlier = this.answers.get(idempotencyKey);
    if (earlier) {
      if (earlier.hash !== hash) return { ...base, accepted: false, replayed: false, accountIds: [], errorCode: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', position: null };
      return { ...(earlier.outcome as ImportOpeningBalanceOutcome), ...base, replayed: true };
    }
    const member = this.members.get(row.memberNo);
    if (!member) return { ...base, accepted: false, replayed: false, accountIds: [], errorCode: 'MEMBER_NOT_FOUND', field: 'memberNo', position: null };
    const nil = row.savingsDeposit === '0.00' && row.thriftFund === '0.00';
    if (member.status === 'EXITED' && !nil) {
      return { ...base, accepted: false, replayed: false, accountIds: [], errorCode: 'EXITED_MEMBER_HAS_BALANCE', field: row.savingsDeposit === '0.00' ? 'thriftFund' : 'savingsDeposit', position: null };
    }
    const accountIds = member.status === 'EXITED' ? [] : [`${row.memberNo}-SD-01`, `${row.memberNo}-TF-01`];
    if (accountIds.length > 0) {
      this.position += 1;
      this.balances.set(row.memberNo, { savingsDeposit: row.savingsDeposit, thriftFund: row.thriftFund, businessDate });
    }
    const outcome = { ...base, accepted: true, replayed: false, accountIds, errorCode: null, field: null, position: accountIds.length > 0 ? `C:${this.position}/P:${this.position}` : null };
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
