import { ValidationError } from '@samabay/domain-kit';
import { FORGOTTEN_MARKER } from '@samabay/personal-data';
import type { SqlExecutor } from '@samabay/sql';
import { assertBranchCode } from '../domain/branch-code';
import { assertMemberStatus, type MemberStatus } from '../domain/member/member-status';
import { decodeMemberCursor, encodeMemberCursor } from './member-cursor';
import { readModelTables, type ReadModelTables } from './read-model-schema';

/**
 * One member as the directory shows it. Personal fields are null when absent; once the member is
 * forgotten every personal text field is FORGOTTEN_MARKER and the date of birth null. Amounts in paise.
 */
export interface MemberRecord {
  readonly memberNo: string;
  readonly branchCode: string;
  readonly status: MemberStatus;
  readonly sharesHeld: number;
  readonly shareCapitalPaise: number;
  /** YYYY-MM-DD. */
  readonly admissionDate: string;
  readonly fullName: string | null;
  readonly dateOfBirth: string | null;
  readonly phone: string | null;
  readonly locality: string | null;
  readonly nomineeName: string | null;
  readonly nomineeRelation: string | null;
  /** True once the member's data key was deleted ("forget member"): the personal fields read as FORGOTTEN_MARKER. */
  readonly personalDataForgotten: boolean;
}

/** Filters and page of {@link MemberDirectoryReader.listMembers}. */
export interface ListMembersQuery {
  readonly branchCode?: string | null;
  readonly status?: MemberStatus | null;
  /** Case-insensitive substring of the member number or the name (compared in NFC); blank = no filter. At most 100 characters, no control characters. */
  readonly search?: string | null;
  /** Page size, 1–500. Default 50. */
  readonly first?: number | null;
  /** `endCursor` of the previous page. */
  readonly after?: string | null;
}

/** One page of members in member-number order. `totalCount` counts every member matching the filters. */
export interface MemberPage {
  readonly nodes: MemberRecord[];
  /** Cursor of the last node (pass as `after`); null for an empty page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** A branch's members by status and its share totals (paise). */
export interface BranchSummary {
  readonly branchCode: string;
  readonly name: string | null;
  readonly activeMembers: number;
  readonly inactiveMembers: number;
  readonly exitedMembers: number;
  readonly totalMembers: number;
  readonly sharesHeld: number;
  readonly shareCapitalPaise: number;
}

/** Queries over the membership read models (eventually consistent with the events; see the runner's waitForPosition). */
export interface MemberDirectoryReader {
  /** The member, or null when the directory has no such member (yet). */
  findMember(memberNo: string): Promise<MemberRecord | null>;
  /**
   * Keyset-paginated members. Throws ValidationError INVALID_PAGE_SIZE (first), INVALID_CURSOR (after),
   * INVALID_BRANCH_CODE (branchCode), INVALID_STATUS (status), SEARCH_TOO_LONG / INVALID_CHARACTERS (search).
   */
  listMembers(query: ListMembersQuery): Promise<MemberPage>;
  /** Every opened branch, by branch code. */
  branchSummaries(): Promise<BranchSummary[]>;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const MAX_SEARCH_LENGTH = 100;

interface MemberRow {
  member_no: string;
  branch_code: string;
  status: MemberStatus;
  shares_held: string | number;
  share_capital_paise: string | number;
  admission_date: string;
  full_name: string | null;
  date_of_birth: string | null;
  phone: string | null;
  locality: string | null;
  nominee_name: string | null;
  nominee_relation: string | null;
  personal_data_forgotten: boolean;
}

const MEMBER_COLUMNS = `member_no, branch_code, status, shares_held, share_capital_paise, admission_date, full_name, date_of_birth,
  phone, locality, nominee_name, nominee_relation, personal_data_forgotten`;

/**
 * The SQL MemberDirectoryReader over the tables of MemberDirectoryProjection and
 * BranchSummaryProjection in `schema` (default 'membership_rm'). A page and its total count come from
 * one statement, so they agree with each other.
 */
export class SqlMemberDirectoryReader implements MemberDirectoryReader {
  private readonly tables: ReadModelTables;

  constructor(
    private readonly db: SqlExecutor,
    schema?: string,
  ) {
    this.tables = readModelTables(schema);
  }

  async findMember(memberNo: string): Promise<MemberRecord | null> {
    const { rows } = await this.db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM ${this.tables.memberDirectory} WHERE member_no = $1`, [memberNo]);
    return rows.length === 0 ? null : toMemberRecord(rows[0]);
  }

  async listMembers(query: ListMembersQuery): Promise<MemberPage> {
    const first = query.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new ValidationError('first', `first must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'INVALID_PAGE_SIZE');
    }
    const branchCode = query.branchCode ?? null;
    if (branchCode !== null) assertBranchCode(branchCode);
    const status = query.status ?? null;
    if (status !== null) assertMemberStatus(status);
    const search = query.search?.normalize('NFC').trim().toLowerCase() || null;
    if (search !== null && search.length > MAX_SEARCH_LENGTH) {
      throw new ValidationError('search', `search must be at most ${MAX_SEARCH_LENGTH} characters`, 'SEARCH_TOO_LONG');
    }
    // PostgreSQL text cannot carry NUL: without this the query fails as an internal error.
    if (search !== null && /\p{Cc}/u.test(search)) throw new ValidationError('search', 'search must not contain control characters', 'INVALID_CHARACTERS');
    const after = query.after ? decodeMemberCursor(query.after) : null;

    const { rows } = await this.db.query<{ total_count: string; page: MemberRow[] | null }>(
      `WITH filtered AS (
         SELECT ${MEMBER_COLUMNS} FROM ${this.tables.memberDirectory}
         WHERE ($1::text IS NULL OR branch_code = $1)
           AND ($2::text IS NULL OR status = $2)
           AND ($3::text IS NULL OR strpos(search_text, $3) > 0)
       ), page AS (
         SELECT * FROM filtered WHERE ($4::text IS NULL OR member_no > $4) ORDER BY member_no LIMIT $5
       )
       SELECT (SELECT count(*) FROM filtered) AS total_count, (SELECT json_agg(page ORDER BY member_no) FROM page) AS page`,
      [branchCode, status, search, after, first + 1],
    );
    const pageRows = rows[0].page ?? [];
    const nodes = pageRows.slice(0, first).map(toMemberRecord);
    return {
      nodes,
      endCursor: nodes.length === 0 ? null : encodeMemberCursor(nodes[nodes.length - 1].memberNo),
      hasNextPage: pageRows.length > first,
      totalCount: Number(rows[0].total_count),
    };
  }

  async branchSummaries(): Promise<BranchSummary[]> {
    const { rows } = await this.db.query<{
      branch_code: string;
      name: string | null;
      active_members: number;
      inactive_members: number;
      exited_members: number;
      shares_held: string;
      share_capital_paise: string;
    }>(
      `SELECT branch_code, name, active_members, inactive_members, exited_members, shares_held, share_capital_paise
       FROM ${this.tables.branchSummary} ORDER BY branch_code`,
    );
    return rows.map((row) => ({
      branchCode: row.branch_code,
      name: row.name,
      activeMembers: row.active_members,
      inactiveMembers: row.inactive_members,
      exitedMembers: row.exited_members,
      totalMembers: row.active_members + row.inactive_members + row.exited_members,
      sharesHeld: Number(row.shares_held),
      shareCapitalPaise: Number(row.share_capital_paise),
    }));
  }
}

function toMemberRecord(row: MemberRow): MemberRecord {
  if (row.personal_data_forgotten) {
    const marker = FORGOTTEN_MARKER;
    return { ...financialFields(row), fullName: marker, dateOfBirth: null, phone: marker, locality: marker, nomineeName: marker, nomineeRelation: marker, personalDataForgotten: true };
  }
  return {
    ...financialFields(row),
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    locality: row.locality,
    nomineeName: row.nominee_name,
    nomineeRelation: row.nominee_relation,
    personalDataForgotten: false,
  };
}

function financialFields(row: MemberRow) {
  return {
    memberNo: row.member_no,
    branchCode: row.branch_code,
    status: row.status,
    sharesHeld: Number(row.shares_held),
    shareCapitalPaise: Number(row.share_capital_paise),
    admissionDate: row.admission_date,
  };
}
