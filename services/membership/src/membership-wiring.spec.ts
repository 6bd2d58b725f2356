import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { canonicalJson, commandHash, CommandHandler, DomainError, rupeesToPaise, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { createSqlPersonalDataVault } from '@samabay/personal-data';
import { ProjectionRunner } from '@samabay/projections';
import { openPglite, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { createMembership, DEFAULT_BRANCHES, defaultMembershipProducts, type ImportMemberInput, type Membership, type MemberStatus } from './index';

/**
 * The membership service on the real adapters (PGlite event store, SQL idempotency records, SQL
 * vault, projection runner): the first rows of the synthetic register go in through importMember,
 * and the read models must agree with the file.
 */
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
const ROWS = 60;
const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let db: SqlDatabase;
let store: EventStore;
let membership: Membership;
let runner: ProjectionRunner;
let keyNo = 0;

const context = (businessDate = '2026-11-29', idempotencyKey = `wiring-${++keyNo}`): CommandContext => ({
  idempotencyKey,
  businessDate,
  actor: { userId: 'import-tool', role: 'head_office', branchCode: 'SNG' },
});

interface RegisterRow {
  readonly line: number;
  readonly input: ImportMemberInput;
  /** The savings columns parse as rupees (the import tool rejects the row before it reaches membership otherwise). */
  readonly savingsValid: boolean;
}

/** dd/mm/yyyy → yyyy-mm-dd without judging the date: membership must reject 31/02 itself. */
const isoFromRegister = (text: string): string => text.split('/').reverse().join('-');

function registerRows(file: string): RegisterRow[] {
  const records = parse(readFileSync(path.join(FIXTURES, file), 'utf8'), { columns: true }) as Record<string, string>[];
  return records.map((record, index) => ({
    line: index + 2,
    input: {
      memberNo: record.member_no,
      branchCode: record.branch_code,
      admissionDate: isoFromRegister(record.admission_date),
      personal: { fullName: record.full_name, dateOfBirth: isoFromRegister(record.date_of_birth), phone: record.phone || null, locality: record.locality || null },
      nominee: record.nominee_name ? { name: record.nominee_name, relation: record.nominee_relation } : null,
      sharesHeld: Number(record.shares_held),
      status: record.status.toUpperCase() as MemberStatus,
    },
    savingsValid: [record.savings_deposit_balance, record.thrift_fund_balance].every((amount) => {
      try {
        rupeesToPaise(amount);
        return true;
      } catch {
        return false;
      }
    }),
  }));
}

/** A membership service on its own schemas of the shared PGlite, with the default branches open. */
async function buildMembership(suffix: string): Promise<{ store: EventStore; membership: Membership }> {
  const eventStore = await createSqlEventStore({ db, schema: `eventstore_${suffix}` });
  const handler = new CommandHandler({ store: eventStore, idempotency: await createSqlIdempotencyStore({ db, schema: `commands_${suffix}` }), clock: () => new Date() });
  const vault = await createSqlPersonalDataVault({ db, schema: `vault_${suffix}`, masterKey: randomBytes(32) });
  const service = createMembership({ handler, vault, db, products: defaultMembershipProducts(), readModelSchema: `membership_rm_${suffix}` });
  await service.commands.ensureBranches(DEFAULT_BRANCHES, context('2026-11-29', 'wiring-default-branches'));
  return { store: eventStore, membership: service };
}

beforeAll(async () => {
  db = await openPglite();
  ({ store, membership } = await buildMembership('main'));
  runner = new ProjectionRunner({ db, store, projections: membership.projections, logger: silentLogger, schema: 'projections_main' });
  await runner.start();
});

afterAll(async () => {
  await runner.stop();
  await store.close();
  await db.close();
});

describe('membership on the real adapters', () => {
  it('imports register rows, and the directory and branch summary agree with the file; a second import changes nothing', async () => {
    const rows = registerRows('member-register.csv')
      .slice(0, ROWS)
      .map((row) => row.input);
    const importAll = async () => {
      const results = [];
      for (const [index, row] of rows.entries()) results.push(await membership.commands.importMember(row, context('2026-11-29', `register-line-${index + 2}`)));
      return results;
    };
    const first = await importAll();
    expect(first.every((result) => !result.replayed)).toBe(true);
    const head = await store.headPosition();
    expect(await runner.waitForPosition(head, 20_000)).toBe(true);

    const expectedByBranch = new Map<string, { members: number; shares: number }>();
    for (const row of rows) {
      const totals = expectedByBranch.get(row.branchCode) ?? { members: 0, shares: 0 };
      expectedByBranch.set(row.branchCode, { members: totals.members + 1, shares: totals.shares + row.sharesHeld });
    }
    const summaries = await membership.reader.branchSummaries();
    for (const summary of summaries) {
      const expected = expectedByBranch.get(summary.branchCode) ?? { members: 0, shares: 0 };
      expect([summary.branchCode, summary.totalMembers, summary.sharesHeld, summary.shareCapitalPaise]).toEqual([
        summary.branchCode,
        expected.members,
        expected.shares,
        expected.shares * 1000,
      ]);
    }

    const sample = rows[0];
    expect(await membership.reader.findMember(sample.memberNo)).toMatchObject({
      memberNo: sample.memberNo,
      fullName: sample.personal.fullName,
      dateOfBirth: sample.personal.dateOfBirth,
      admissionDate: sample.admissionDate,
      status: sample.status,
      sharesHeld: sample.sharesHeld,
    });

    const again = await importAll();
    expect(again.every((result) => result.replayed)).toBe(true);
    expect(await store.headPosition()).toEqual(head);
  });

  it('rejects exactly the bad lines of the register with errors, and the accepted rows give its totals', async () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'member-register-with-errors.expected.json'), 'utf8')) as {
      rejected_lines: Record<string, string>;
      accepted_by_branch: Record<string, number>;
      shares_total: number;
    };
    const { membership: fresh } = await buildMembership('errors');
    const rejected: Record<string, string> = {};
    const accepted = new Map<string, { members: number; shares: number }>();
    for (const row of registerRows('member-register-with-errors.csv')) {
      if (!row.savingsValid) {
        rejected[row.line] = 'SAVINGS_COLUMN (import tool)';
        continue;
      }
      try {
        await fresh.commands.importMember(row.input, context('2026-11-29', `errors-line-${row.line}`));
        const totals = accepted.get(row.input.branchCode) ?? { members: 0, shares: 0 };
        accepted.set(row.input.branchCode, { members: totals.members + 1, shares: totals.shares + row.input.sharesHeld });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rejected[row.line] = error.code;
      }
    }
    const byReason: Record<string, string> = {
      admitted_before_birth: 'ADMITTED_BEFORE_BIRTH',
      bad_date: 'BAD_DATE',
      duplicate_member_no: 'DUPLICATE_MEMBER_NUMBER',
      empty_name: 'EMPTY_NAME',
      unknown_branch: 'BRANCH_NOT_FOUND',
      unknown_status: 'INVALID_STATUS',
      zero_shares: 'INVALID_SHARES',
      negative_balance: 'SAVINGS_COLUMN (import tool)',
      not_a_number: 'SAVINGS_COLUMN (import tool)',
      too_many_decimals: 'SAVINGS_COLUMN (import tool)',
    };
    expect(rejected).toEqual(Object.fromEntries(Object.entries(expected.rejected_lines).map(([line, reason]) => [line, byReason[reason]])));
    expect(Object.fromEntries([...accepted].map(([branch, totals]) => [branch, totals.members]))).toEqual(expected.accepted_by_branch);
    expect([...accepted.values()].reduce((sum, totals) => sum + totals.shares, 0)).toBe(expected.shares_total);
  });

  it('stores no plaintext personal data, and no unkeyed hash of it, in the events or the idempotency records of an admission', async () => {
    const personal = { fullName: 'Privacy Scanmember', dateOfBirth: '1977-07-17', phone: '9812345670', locality: 'Hashguess Para' };
    const nominee = { name: 'Guessable Heir', relation: 'grandniece' };
    const input = { branchCode: 'KLG', personal, nominee, shares: 3 };
    const businessDate = '2026-11-29';
    const accepted = await membership.commands.admitMember(input, context(businessDate, 'privacy-scan-admission'));
    const events = (await store.readStream(accepted.streamId)).concat((await store.readStream('branch-KLG')).filter((event) => event.metadata.idempotencyKey === 'privacy-scan-admission'));
    expect(events.map((event) => event.type).sort()).toEqual(['MemberAdmitted', 'MemberNumberReserved']);

    const stored: string[] = [JSON.stringify(events.map(({ type, data, metadata }) => ({ type, data, metadata })))];
    for (const schema of ['commands_main', 'eventstore_main']) {
      const { rows: tables } = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
      for (const { table_name } of tables) {
        const { rows } = await db.query<{ dump: string | null }>(`SELECT json_agg(t)::text AS dump FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table_name)} t`);
        stored.push(rows[0].dump ?? '');
      }
    }
    const everything = stored.join('\n');
    expect(everything).toContain(accepted.memberNo);

    const plaintextPayloads: unknown[] = [
      { branchCode: 'KLG', memberNo: null, personal, nominee, shares: 3 },
      { branchCode: 'KLG', personal, nominee, shares: 3 },
      input,
      personal,
      nominee,
    ];
    const guesses = new Set<string>();
    const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const payload of plaintextPayloads) {
      guesses.add(sha256(canonicalJson(payload)));
      for (const commandType of ['AdmitMember', 'ReserveMemberNumber']) {
        guesses.add(commandHash(commandType, payload));
        guesses.add(commandHash(commandType, payload, businessDate));
      }
    }
    for (const value of [...Object.values(personal), ...Object.values(nominee)]) {
      guesses.add(sha256(value));
      expect(everything).not.toContain(value);
    }
    for (const guess of guesses) expect(everything).not.toContain(guess);
  });

  it('admits a member whose write the directory shows once the runner reached the command position', async () => {
    const accepted = await membership.commands.admitMember(
      { branchCode: 'DHT', personal: { fullName: 'Wiring Testmember', dateOfBirth: '1990-02-02' }, nominee: null, shares: 1 },
      context(),
    );
    expect(accepted.position).not.toBeNull();
    expect(await runner.waitForPosition(accepted.position!, 20_000)).toBe(true);
    expect(await membership.reader.findMember(accepted.memberNo)).toMatchObject({ branchCode: 'DHT', fullName: 'Wiring Testmember', shareCapitalPaise: 1000 });
  });
});
