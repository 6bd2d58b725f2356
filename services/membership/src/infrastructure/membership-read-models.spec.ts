import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, ValidationError, type CommandContext } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import { FORGOTTEN_MARKER } from '@samabay/personal-data';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { DEFAULT_BRANCHES } from '../application/default-branches';
import { MembershipCommandService } from '../application/membership-commands';
import type { AdmitMemberInput } from '../application/membership-inputs';
import { noExitStanding } from '../application/member-exit-standing';
import type { MembershipProducts } from '../domain/membership-products';
import { InMemoryPersonalDataVault } from '../testing/in-memory-personal-data-vault';
import { BranchSummaryProjection } from './branch-summary-projection';
import { encodeMemberCursor } from './member-cursor';
import { MemberDirectoryProjection } from './member-directory-projection';
import { SqlMemberDirectoryReader, type MemberRecord } from './member-directory-reader';
import { vaultOpener } from './personal-data-opener';

const products: MembershipProducts = [{ effectiveFrom: '1995-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 } }];
const clock = (): Date => new Date('2026-11-29T06:00:00Z');
let keys = 0;
const context = (businessDate = '2026-11-29'): CommandContext => ({
  idempotencyKey: `read-model-key-${++keys}`,
  businessDate,
  actor: { userId: 'staff-7', role: 'head_office', branchCode: 'SNG' },
});
const person = (fullName: string, dateOfBirth = '1980-01-01'): AdmitMemberInput['personal'] => ({ fullName, dateOfBirth, phone: '9811111111', locality: 'Test Para' });

let db: SqlDatabase;
let schemaCounter = 0;

beforeAll(async () => {
  db = await openPglite();
});

afterAll(async () => {
  await db.close();
});

/** A fresh command side, projections and reader on their own schema of the shared PGlite. */
async function scenario() {
  const schema = `membership_rm_spec_${++schemaCounter}`;
  const store = new InMemoryEventStore();
  const vault = new InMemoryPersonalDataVault();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock });
  const retention = [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } }];
  const commands = new MembershipCommandService({ handler, vault, products, retention, clock, openDues: async () => [], exitStanding: noExitStanding });
  const projections = [new MemberDirectoryProjection(vaultOpener(vault), schema), new BranchSummaryProjection(schema)];
  await db.transaction(async (tx) => {
    for (const projection of projections) {
      await projection.setup(tx);
      await projection.setup(tx);
    }
  });
  const reader = new SqlMemberDirectoryReader(db, schema);
  const apply = async (events: readonly RecordedEvent[]): Promise<void> => {
    await db.transaction(async (tx) => {
      for (const event of events) for (const projection of projections) await projection.apply(event, tx);
    });
  };
  /** Projects every event not projected yet (all of them again when `from` is 0). */
  let projected = 0;
  const catchUp = async (from = projected): Promise<void> => {
    const events = await store.readAll();
    await apply(events.slice(from));
    projected = events.length;
  };
  const reset = async (): Promise<void> => {
    await db.transaction(async (tx) => {
      for (const projection of projections) await projection.reset(tx);
    });
  };
  await commands.ensureBranches(DEFAULT_BRANCHES, context());
  return { schema, store, vault, commands, reader, apply, catchUp, reset };
}

describe('member directory and branch summary', () => {
  it('shows an admitted member with the opened personal fields and figures', async () => {
    const { commands, reader, catchUp } = await scenario();
    const { memberNo } = await commands.admitMember(
      { branchCode: 'KLG', personal: person('Shanti Testkar', '1979-08-15'), nominee: { name: 'Rina Testkar', relation: 'daughter' }, shares: 2 },
      context('2026-11-02'),
    );
    await catchUp();
    expect(await reader.findMember(memberNo)).toEqual<MemberRecord>({
      memberNo: 'KLG-000001',
      branchCode: 'KLG',
      status: 'ACTIVE',
      sharesHeld: 2,
      shareCapitalPaise: 2000,
      admissionDate: '2026-11-02',
      fullName: 'Shanti Testkar',
      dateOfBirth: '1979-08-15',
      phone: '9811111111',
      locality: 'Test Para',
      nomineeName: 'Rina Testkar',
      nomineeRelation: 'daughter',
      personalDataForgotten: false,
    });
    expect(await reader.findMember('KLG-000999')).toBeNull();
  });

  it('follows purchases, nominee changes, carried-forward statuses and exits, in the directory and the summary', async () => {
    const { commands, reader, catchUp } = await scenario();
    const a = await commands.admitMember({ branchCode: 'SNG', personal: person('Member A'), shares: 1 }, context('2026-11-01'));
    const b = await commands.admitMember({ branchCode: 'SNG', personal: person('Member B'), shares: 2 }, context('2026-11-01'));
    await commands.importMember(
      { memberNo: 'SNG-000777', branchCode: 'SNG', admissionDate: '2001-07-17', personal: person('Member C', '1954-10-12'), sharesHeld: 10, status: 'EXITED' },
      context(),
    );
    await commands.importMember(
      { memberNo: 'DHT-000018', branchCode: 'DHT', admissionDate: '2010-03-03', personal: person('Member D'), sharesHeld: 5, status: 'INACTIVE' },
      context(),
    );
    await catchUp();
    await commands.purchaseShares({ memberNo: a.memberNo, shares: 4 }, context());
    await commands.changeNominee({ memberNo: a.memberNo, nominee: { name: 'Nominee Z', relation: 'son' } }, context());
    await commands.exitMember({ memberNo: b.memberNo }, context());
    await catchUp();

    expect(await reader.findMember(a.memberNo)).toMatchObject({ sharesHeld: 5, shareCapitalPaise: 5000, nomineeName: 'Nominee Z', nomineeRelation: 'son', status: 'ACTIVE' });
    expect(await reader.findMember(b.memberNo)).toMatchObject({ status: 'EXITED', sharesHeld: 0, shareCapitalPaise: 0 });
    expect(await reader.findMember('SNG-000777')).toMatchObject({ status: 'EXITED', sharesHeld: 10, shareCapitalPaise: 10000, admissionDate: '2001-07-17' });
    expect(await reader.branchSummaries()).toEqual([
      { branchCode: 'DHT', name: 'Dinhata', activeMembers: 0, inactiveMembers: 1, exitedMembers: 0, totalMembers: 1, sharesHeld: 5, shareCapitalPaise: 5000 },
      { branchCode: 'KLG', name: 'Kalighat', activeMembers: 0, inactiveMembers: 0, exitedMembers: 0, totalMembers: 0, sharesHeld: 0, shareCapitalPaise: 0 },
      { branchCode: 'SNG', name: 'Sonagachi (head office)', activeMembers: 1, inactiveMembers: 0, exitedMembers: 2, totalMembers: 3, sharesHeld: 15, shareCapitalPaise: 15000 },
    ]);
  });

  it('applies every event at most once: replaying the whole history changes nothing', async () => {
    const { commands, reader, catchUp } = await scenario();
    const { memberNo } = await commands.admitMember({ branchCode: 'SNG', personal: person('Member E'), shares: 1 }, context());
    await commands.purchaseShares({ memberNo, shares: 2 }, context());
    await commands.exitMember({ memberNo }, context());
    await commands.admitMember({ branchCode: 'SNG', personal: person('Member F'), shares: 3 }, context());
    await catchUp();
    const directory = await reader.listMembers({ first: 10 });
    const summaries = await reader.branchSummaries();
    await catchUp(0);
    await catchUp(0);
    expect(await reader.listMembers({ first: 10 })).toEqual(directory);
    expect(await reader.branchSummaries()).toEqual(summaries);
    expect(summaries.find((summary) => summary.branchCode === 'SNG')).toMatchObject({ activeMembers: 1, exitedMembers: 1, sharesHeld: 3, shareCapitalPaise: 3000 });
  });

  it('ignores events of other streams and unknown types', async () => {
    const { reader, apply } = await scenario();
    const foreign: RecordedEvent = {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'DepositRecorded',
      data: { memberNo: 'SNG-000001', amountPaise: 100 },
      metadata: {},
      streamId: 'savingsAccount-SNG-000001-SD',
      revision: 0,
      position: { commit: 1n, prepare: 1n },
      recordedAt: new Date(),
    };
    await apply([foreign, { ...foreign, type: 'MemberAdmitted', id: '00000000-0000-4000-8000-000000000002' }]);
    expect((await reader.listMembers({})).totalCount).toBe(0);
  });

  it('renders a member whose key is gone with the forgotten marker in every personal field after a rebuild', async () => {
    const { vault, commands, reader, catchUp, reset } = await scenario();
    const { memberNo } = await commands.admitMember(
      { branchCode: 'SNG', personal: person('Forget Me'), nominee: { name: 'Also Forgotten', relation: 'sister' }, shares: 1 },
      context(),
    );
    await catchUp();
    await vault.forget(memberNo);
    await reset();
    await catchUp(0);
    expect(await reader.findMember(memberNo)).toMatchObject({
      memberNo,
      sharesHeld: 1,
      fullName: FORGOTTEN_MARKER,
      dateOfBirth: null,
      phone: FORGOTTEN_MARKER,
      locality: FORGOTTEN_MARKER,
      nomineeName: FORGOTTEN_MARKER,
      nomineeRelation: FORGOTTEN_MARKER,
      personalDataForgotten: true,
    });
    expect((await reader.listMembers({ search: 'forget' })).totalCount).toBe(0);
    expect((await reader.listMembers({ search: memberNo.toLowerCase() })).totalCount).toBe(1);
  });

  it('forgets an exited member by maker–checker: marker at once, no plaintext left in the table, a rebuild from 0 recovers nothing, figures unchanged', async () => {
    const { schema, vault, commands, reader, catchUp, reset } = await scenario();
    const keep = await commands.admitMember({ branchCode: 'SNG', personal: person('Stays Visible'), shares: 3 }, context('2015-01-05'));
    const { memberNo } = await commands.importMember(
      { memberNo: 'SNG-000900', branchCode: 'SNG', admissionDate: '2001-07-17', personal: person('Zubeda Shredtest', '1961-02-03'), nominee: { name: 'Heir Shredtest', relation: 'grandnephew' }, sharesHeld: 4, status: 'ACTIVE' },
      context(),
    );
    await commands.exitMember({ memberNo }, context('2020-06-15'));
    await catchUp();
    const summaryBefore = await reader.branchSummaries();
    const maker: CommandContext = { ...context(), actor: { userId: 'ho-maker', role: 'head_office', branchCode: 'SNG' } };
    const checker: CommandContext = { ...context(), actor: { userId: 'ho-checker', role: 'head_office', branchCode: 'SNG' } };
    await commands.requestForgetMember({ memberNo }, maker);
    await catchUp();
    expect((await reader.findMember(memberNo))?.fullName).toBe('Zubeda Shredtest');
    await commands.approveForgetMember({ memberNo }, checker);
    await catchUp();

    const forgottenRecord = { fullName: FORGOTTEN_MARKER, dateOfBirth: null, phone: FORGOTTEN_MARKER, locality: FORGOTTEN_MARKER, nomineeName: FORGOTTEN_MARKER, nomineeRelation: FORGOTTEN_MARKER, personalDataForgotten: true };
    expect(await reader.findMember(memberNo)).toMatchObject({ memberNo, status: 'EXITED', sharesHeld: 0, admissionDate: '2001-07-17', ...forgottenRecord });
    const rowText = async () => JSON.stringify((await db.query(`SELECT * FROM ${schema}.member_directory WHERE member_no = $1`, [memberNo])).rows);
    for (const secret of ['Zubeda', 'Shredtest', '1961-02-03', '9811111111', 'Test Para', 'grandnephew']) expect(await rowText()).not.toContain(secret);
    expect((await reader.listMembers({ search: 'zubeda' })).totalCount).toBe(0);
    expect(await reader.branchSummaries()).toEqual(summaryBefore);

    await reset();
    await catchUp(0);
    expect(await reader.findMember(memberNo)).toMatchObject(forgottenRecord);
    for (const secret of ['Zubeda', 'Shredtest', '1961-02-03']) expect(await rowText()).not.toContain(secret);
    expect(await reader.branchSummaries()).toEqual(summaryBefore);
    expect(await reader.findMember(keep.memberNo)).toMatchObject({ fullName: 'Stays Visible', sharesHeld: 3, personalDataForgotten: false });
    expect(vault.hasKey(keep.memberNo)).toBe(true);
  });

  it('reset empties both read models', async () => {
    const { commands, reader, catchUp, reset } = await scenario();
    await commands.admitMember({ branchCode: 'SNG', personal: person('Member G'), shares: 1 }, context());
    await catchUp();
    await reset();
    expect((await reader.listMembers({})).totalCount).toBe(0);
    expect(await reader.branchSummaries()).toEqual([]);
  });
});

describe('listMembers', () => {
  let reader: SqlMemberDirectoryReader;

  beforeAll(async () => {
    const built = await scenario();
    const { commands, catchUp } = built;
    reader = built.reader;
    const names = ['Anjali Sardar', 'Basanti Bag', 'শান্তি সরকার', 'Champa Naskar', 'Durga Paul', 'Anita Das'];
    for (const [index, name] of names.entries()) {
      await commands.admitMember({ branchCode: index % 2 === 0 ? 'SNG' : 'KLG', personal: person(name), shares: index + 1 }, context());
    }
    await commands.importMember({ memberNo: 'DHT-000053', branchCode: 'DHT', admissionDate: '2005-05-05', personal: person('Sabita Halder'), sharesHeld: 1, status: 'INACTIVE' }, context());
    await catchUp();
  });

  it('pages through every member in member-number order with opaque cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await reader.listMembers({ first: 3, after });
      pages++;
      expect(page.totalCount).toBe(7);
      seen.push(...page.nodes.map((node) => node.memberNo));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['DHT-000053', 'KLG-000001', 'KLG-000002', 'KLG-000003', 'SNG-000001', 'SNG-000002', 'SNG-000003']);
  });

  it('filters by branch and status, counting only matches', async () => {
    const klg = await reader.listMembers({ branchCode: 'KLG', first: 2 });
    expect(klg.nodes.map((node) => node.memberNo)).toEqual(['KLG-000001', 'KLG-000002']);
    expect([klg.totalCount, klg.hasNextPage]).toEqual([3, true]);
    const inactive = await reader.listMembers({ status: 'INACTIVE' });
    expect(inactive.nodes.map((node) => node.memberNo)).toEqual(['DHT-000053']);
    expect(await reader.listMembers({ branchCode: 'DHT', status: 'ACTIVE' })).toEqual({ nodes: [], endCursor: null, hasNextPage: false, totalCount: 0 });
  });

  it('searches names and member numbers case-insensitively, Bengali included', async () => {
    const names = async (search: string): Promise<(string | null)[]> => (await reader.listMembers({ search })).nodes.map((node) => node.fullName);
    expect(await names('ANJ')).toEqual(['Anjali Sardar']);
    expect(await names('  an')).toEqual(['Basanti Bag', 'Anita Das', 'Anjali Sardar']);
    expect(await names('শান্তি')).toEqual(['শান্তি সরকার']);
    expect((await reader.listMembers({ search: 'klg-00000' })).totalCount).toBe(3);
    expect((await reader.listMembers({ search: '100%_' })).totalCount).toBe(0);
  });

  it('continues a filtered search from its cursor', async () => {
    const first = await reader.listMembers({ search: 'a', first: 4 });
    const rest = await reader.listMembers({ search: 'a', first: 4, after: first.endCursor });
    expect(first.totalCount).toBe(rest.totalCount);
    expect(first.nodes.length + rest.nodes.length).toBe(first.totalCount);
    expect(rest.hasNextPage).toBe(false);
    expect(rest.nodes[0].memberNo > first.nodes[first.nodes.length - 1].memberNo).toBe(true);
  });

  it('starts after the cursor of a member even if that member is not in the result', async () => {
    const page = await reader.listMembers({ after: encodeMemberCursor('KLG-000002') });
    expect(page.nodes.map((node) => node.memberNo)).toEqual(['KLG-000003', 'SNG-000001', 'SNG-000002', 'SNG-000003']);
  });

  it.each<[string, object, string, string]>([
    ['a page size of 0', { first: 0 }, 'INVALID_PAGE_SIZE', 'first'],
    ['a page size above 500', { first: 501 }, 'INVALID_PAGE_SIZE', 'first'],
    ['a fractional page size', { first: 2.5 }, 'INVALID_PAGE_SIZE', 'first'],
    ['a foreign cursor', { after: 'not-a-cursor' }, 'INVALID_CURSOR', 'after'],
    ['a cursor with a bad member number', { after: Buffer.from(JSON.stringify({ v: 1, after: "x' OR 1=1" })).toString('base64url') }, 'INVALID_CURSOR', 'after'],
    ['a malformed branch code', { branchCode: 'sng' }, 'INVALID_BRANCH_CODE', 'branchCode'],
    ['an unknown status', { status: 'GONE' }, 'INVALID_STATUS', 'status'],
    ['an over-long search', { search: 'x'.repeat(101) }, 'SEARCH_TOO_LONG', 'search'],
    ['a NUL in the search (PostgreSQL text cannot hold it)', { search: 'a\u0000b' }, 'INVALID_CHARACTERS', 'search'],
    ['a control character in the search', { search: 'a\u0085b' }, 'INVALID_CHARACTERS', 'search'],
  ])('rejects %s', async (_label, query, code, field) => {
    const error = await reader.listMembers(query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect([(error as ValidationError).code, (error as ValidationError).field]).toEqual([code, field]);
  });
});
