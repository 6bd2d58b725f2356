import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import type { MemberAdmitted, MemberRegisteredFromLegacyRegister } from '../domain/member/member-events';
import type { SealedPersonalData } from '../domain/sealed-personal-data';
import { asMemberEvent } from './member-event-data';
import type { PersonalDataOpener } from './personal-data-opener';
import { readModelTables, type ReadModelTables } from './read-model-schema';

/** Personal columns of a directory row; all null once the member is forgotten. */
interface OpenedPersonal {
  readonly fullName: string | null;
  readonly dateOfBirth: string | null;
  readonly phone: string | null;
  readonly locality: string | null;
  readonly forgotten: boolean;
}

interface OpenedNominee {
  readonly nomineeName: string | null;
  readonly nomineeRelation: string | null;
  readonly forgotten: boolean;
}

/**
 * The member directory projection (issue 2 item 5): one row per member in `<schema>.member_directory`
 * with branch, status, shares held, share capital (paise), admission date and the personal fields
 * opened with the member's data key — NULLs and `personal_data_forgotten = true` once the key is
 * forgotten. `search_text` = lower-cased "memberNo fullName" for the reader's search.
 * Idempotent per event: a row remembers the last stream revision applied and skips anything at or
 * below it. Ignores every stream but `member-…`.
 */
export class MemberDirectoryProjection implements Projection {
  readonly name = 'membership_member_directory';
  readonly version = 1;
  private readonly tables: ReadModelTables;

  constructor(
    private readonly openPersonalData: PersonalDataOpener,
    schema?: string,
  ) {
    this.tables = readModelTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.memberDirectory} (
        member_no text COLLATE "C" PRIMARY KEY,
        branch_code text NOT NULL,
        status text NOT NULL,
        shares_held bigint NOT NULL,
        share_capital_paise bigint NOT NULL,
        admission_date date NOT NULL,
        full_name text,
        date_of_birth date,
        phone text,
        locality text,
        nominee_name text,
        nominee_relation text,
        personal_data_forgotten boolean NOT NULL DEFAULT false,
        search_text text NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS member_directory_branch_idx ON ${this.tables.memberDirectory} (branch_code, member_no);
      CREATE INDEX IF NOT EXISTS member_directory_status_idx ON ${this.tables.memberDirectory} (status, member_no);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.memberDirectory}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asMemberEvent(recorded);
    if (!event) return;
    const revision = recorded.revision;
    switch (event.type) {
      case 'MemberAdmitted':
        return this.insertMember(event.data, event.data.shares, revision, tx);
      case 'MemberRegisteredFromLegacyRegister':
        return this.insertMember(event.data, event.data.sharesHeld, revision, tx);
      case 'MemberStatusCarriedForward':
        return this.update(tx, event.data.memberNo, revision, 'status = $3', [event.data.status]);
      case 'SharesPurchased':
        return this.update(tx, event.data.memberNo, revision, 'shares_held = $3, share_capital_paise = $4', [event.data.sharesHeld, event.data.shareCapitalPaise]);
      case 'NomineeChanged': {
        if (await this.alreadyApplied(tx, event.data.memberNo, revision)) return;
        const nominee = await this.openNominee(event.data.memberNo, event.data.nominee, tx);
        return this.update(tx, event.data.memberNo, revision, 'nominee_name = $3, nominee_relation = $4, personal_data_forgotten = personal_data_forgotten OR $5', [
          nominee.nomineeName,
          nominee.nomineeRelation,
          nominee.forgotten,
        ]);
      }
      case 'MemberExited':
        return this.update(tx, event.data.memberNo, revision, `status = 'EXITED', shares_held = 0, share_capital_paise = 0`, []);
    }
  }

  private async insertMember(data: MemberAdmitted['data'] | MemberRegisteredFromLegacyRegister['data'], shares: number, revision: number, tx: SqlExecutor): Promise<void> {
    if (await this.alreadyApplied(tx, data.memberNo, revision)) return;
    const personal = await this.openPersonal(data.memberNo, data.personal, tx);
    const nominee = data.nominee === null ? { nomineeName: null, nomineeRelation: null, forgotten: false } : await this.openNominee(data.memberNo, data.nominee, tx);
    await tx.query(
      `INSERT INTO ${this.tables.memberDirectory}
         (member_no, branch_code, status, shares_held, share_capital_paise, admission_date, full_name, date_of_birth, phone, locality,
          nominee_name, nominee_relation, personal_data_forgotten, search_text, stream_revision)
       VALUES ($1, $2, 'ACTIVE', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (member_no) DO NOTHING`,
      [
        data.memberNo,
        data.branchCode,
        shares,
        data.shareCapitalPaise,
        data.admissionDate,
        personal.fullName,
        personal.dateOfBirth,
        personal.phone,
        personal.locality,
        nominee.nomineeName,
        nominee.nomineeRelation,
        personal.forgotten || nominee.forgotten,
        searchText(data.memberNo, personal.fullName),
        revision,
      ],
    );
  }

  /** Applies `assignments` ($3, $4, … bound to `values`) to the member's row unless this revision was applied already. */
  private async update(tx: SqlExecutor, memberNo: string, revision: number, assignments: string, values: readonly unknown[]): Promise<void> {
    await tx.query(
      `UPDATE ${this.tables.memberDirectory} SET ${assignments}, stream_revision = $2 WHERE member_no = $1 AND stream_revision < $2`,
      [memberNo, revision, ...values],
    );
  }

  private async alreadyApplied(tx: SqlExecutor, memberNo: string, revision: number): Promise<boolean> {
    const { rows } = await tx.query<{ stream_revision: number }>(`SELECT stream_revision FROM ${this.tables.memberDirectory} WHERE member_no = $1`, [memberNo]);
    return rows.length > 0 && rows[0].stream_revision >= revision;
  }

  private async openPersonal(memberNo: string, sealed: SealedPersonalData, tx: SqlExecutor): Promise<OpenedPersonal> {
    const opened = await this.openPersonalData(memberNo, sealed, tx);
    if (opened === 'forgotten') return { fullName: null, dateOfBirth: null, phone: null, locality: null, forgotten: true };
    return { fullName: opened.fullName ?? null, dateOfBirth: opened.dateOfBirth ?? null, phone: opened.phone ?? null, locality: opened.locality ?? null, forgotten: false };
  }

  private async openNominee(memberNo: string, sealed: SealedPersonalData, tx: SqlExecutor): Promise<OpenedNominee> {
    const opened = await this.openPersonalData(memberNo, sealed, tx);
    if (opened === 'forgotten') return { nomineeName: null, nomineeRelation: null, forgotten: true };
    return { nomineeName: opened.name ?? null, nomineeRelation: opened.relation ?? null, forgotten: false };
  }
}

/** What the reader's search matches: member number and name, lower-cased (the name is absent once forgotten). */
export function searchText(memberNo: string, fullName: string | null): string {
  return `${memberNo} ${fullName ?? ''}`.trim().toLowerCase();
}
