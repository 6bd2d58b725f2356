import type { RecordedEvent } from '@samabay/event-store';
import { FORGOTTEN_MARKER } from '@samabay/personal-data';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import type { MemberAdmitted, MemberRegisteredFromLegacyRegister } from '../domain/member/member-events';
import type { SealedPersonalData } from '../domain/sealed-personal-data';
import { asMemberEvent } from './member-event-data';
import type { PersonalDataOpener } from './personal-data-opener';
import { readModelTables, type ReadModelTables } from './read-model-schema';

/** Personal columns of a directory row; FORGOTTEN_MARKER (date of birth: null) once the member is forgotten. */
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

const FORGOTTEN_PERSONAL: OpenedPersonal = { fullName: FORGOTTEN_MARKER, dateOfBirth: null, phone: FORGOTTEN_MARKER, locality: FORGOTTEN_MARKER, forgotten: true };
const FORGOTTEN_NOMINEE: OpenedNominee = { nomineeName: FORGOTTEN_MARKER, nomineeRelation: FORGOTTEN_MARKER, forgotten: true };

/**
 * The member directory projection (issue 2 item 5): one row per member in `<schema>.member_directory`
 * with branch, status, shares held, share capital (paise), admission date and the personal fields
 * opened with the member's data key. Once the member is forgotten (MemberForgotten, or a sealed copy
 * whose key is gone, as in a rebuild) every personal text column holds FORGOTTEN_MARKER, the date of
 * birth NULL, and `personal_data_forgotten = true`; nothing of the plaintext remains in the row.
 * `search_text` = lower-cased "memberNo fullName" for the reader's search (the number alone once forgotten).
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
        if (nominee.forgotten) return this.forgetRow(tx, event.data.memberNo, revision);
        return this.update(tx, event.data.memberNo, revision, 'nominee_name = $3, nominee_relation = $4', [nominee.nomineeName, nominee.nomineeRelation]);
      }
      case 'MemberExited':
        return this.update(tx, event.data.memberNo, revision, `status = 'EXITED', shares_held = 0, share_capital_paise = 0`, []);
      case 'MemberForgetRequested':
        return this.update(tx, event.data.memberNo, revision, 'status = status', []);
      case 'MemberForgotten':
        return this.forgetRow(tx, event.data.memberNo, revision);
    }
  }

  private async insertMember(data: MemberAdmitted['data'] | MemberRegisteredFromLegacyRegister['data'], shares: number, revision: number, tx: SqlExecutor): Promise<void> {
    if (await this.alreadyApplied(tx, data.memberNo, revision)) return;
    const personal = await this.openPersonal(data.memberNo, data.personal, tx);
    let nominee = data.nominee === null ? { nomineeName: null, nomineeRelation: null, forgotten: false } : await this.openNominee(data.memberNo, data.nominee, tx);
    if (personal.forgotten) nominee = FORGOTTEN_NOMINEE;
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
        searchText(data.memberNo, personal.forgotten ? null : personal.fullName),
        revision,
      ],
    );
  }

  /** Replaces every personal column of the member's row by the marker (date of birth: NULL). */
  private forgetRow(tx: SqlExecutor, memberNo: string, revision: number): Promise<void> {
    return this.update(
      tx,
      memberNo,
      revision,
      `full_name = $3, date_of_birth = NULL, phone = $3, locality = $3, nominee_name = $3, nominee_relation = $3,
       personal_data_forgotten = true, search_text = $4`,
      [FORGOTTEN_MARKER, searchText(memberNo, null)],
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
    if (opened === 'forgotten') return FORGOTTEN_PERSONAL;
    return { fullName: opened.fullName ?? null, dateOfBirth: opened.dateOfBirth ?? null, phone: opened.phone ?? null, locality: opened.locality ?? null, forgotten: false };
  }

  private async openNominee(memberNo: string, sealed: SealedPersonalData, tx: SqlExecutor): Promise<OpenedNominee> {
    const opened = await this.openPersonalData(memberNo, sealed, tx);
    if (opened === 'forgotten') return FORGOTTEN_NOMINEE;
    return { nomineeName: opened.name ?? null, nomineeRelation: opened.relation ?? null, forgotten: false };
  }
}

/** What the reader's search matches: member number and name, lower-cased (the name is absent once forgotten). */
export function searchText(memberNo: string, fullName: string | null): string {
  return `${memberNo} ${fullName ?? ''}`.trim().toLowerCase();
}
