import type { EventStore, RecordedEvent } from '@samabay/event-store';
import type { BranchSummary, MemberDirectoryReader, MemberRecord, MemberStatus } from '@samabay/membership';
import type { PersonalDataVault, SealedPersonalData } from '@samabay/personal-data';
import type { SqlDatabase } from '@samabay/sql';
import { isDeepStrictEqual } from 'node:util';

/** The read models as the events say they must be. */
export interface ExpectedReadModels {
  readonly members: MemberRecord[];
  readonly summaries: BranchSummary[];
  /** Length of every member and branch stream in `$all` (the streams the membership projections consume), poisoned ones excluded. */
  readonly streamLengths: ReadonlyMap<string, number>;
}

/** The read models as the projector built them. */
export interface ActualReadModels {
  readonly members: MemberRecord[];
  readonly summaries: BranchSummary[];
}

/** Counts of one comparison; all zero when the read models are exactly what the events say. */
export interface ExactlyOnceReport {
  /** Members the events admit that the directory lacks. */
  readonly membersMissing: number;
  /** Directory rows no event admits. */
  readonly membersUnexpected: number;
  /** Members present in both whose rows differ. */
  readonly membersDiffering: number;
  /** Branch summaries that differ or are missing/unexpected. */
  readonly summariesDiffering: number;
  /** (effect, stream, revision) that should have been applied and were not. */
  readonly applicationsMissing: number;
  /** (effect, stream, revision) applied more than once. */
  readonly applicationsDuplicated: number;
  /** Effects recorded for streams/revisions that `$all` does not have (or that were poisoned). */
  readonly applicationsUnexpected: number;
}

const MEMBER_PREFIX = 'member-';
const BRANCH_PREFIX = 'branch-';

/**
 * Folds `$all` (store.readAll) into the member directory and branch summaries that membership's
 * read models must show, independently of the projection code: personal data is opened with the
 * vault, figures are taken from the events. Streams in `exclude` (parked poison) are left out.
 * Throws on an event type the driver never produces, so the oracle never silently ignores one.
 */
export async function foldAll(store: EventStore, vault: PersonalDataVault, exclude: ReadonlySet<string> = new Set()): Promise<ExpectedReadModels> {
  const events = await store.readAll({ maxCount: 1_000_000 });
  const members = new Map<string, MemberRecord>();
  const branches = new Map<string, string>();
  const streamLengths = new Map<string, number>();
  for (const event of events) {
    if (exclude.has(event.streamId) || !(event.streamId.startsWith(MEMBER_PREFIX) || event.streamId.startsWith(BRANCH_PREFIX))) continue;
    streamLengths.set(event.streamId, event.revision + 1);
    if (event.streamId.startsWith(BRANCH_PREFIX)) {
      if (event.type === 'BranchOpened') branches.set((event.data as { branchCode: string }).branchCode, (event.data as { name: string }).name);
      continue;
    }
    await foldMemberEvent(members, event, vault);
  }
  const sortedMembers = [...members.values()].sort((a, b) => compareText(a.memberNo, b.memberNo));
  const summaries = [...branches.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([branchCode, name]) => summarise(branchCode, name, sortedMembers.filter((member) => member.branchCode === branchCode)));
  return { members: sortedMembers, summaries, streamLengths };
}

async function foldMemberEvent(members: Map<string, MemberRecord>, event: RecordedEvent, vault: PersonalDataVault): Promise<void> {
  const data = event.data as Record<string, unknown>;
  const memberNo = data.memberNo as string;
  const current = members.get(memberNo);
  switch (event.type) {
    case 'MemberAdmitted': {
      const personal = await open(vault, memberNo, data.personal as SealedPersonalData);
      const nominee = data.nominee === null ? {} : await open(vault, memberNo, data.nominee as SealedPersonalData);
      members.set(memberNo, {
        memberNo,
        branchCode: data.branchCode as string,
        status: 'ACTIVE',
        sharesHeld: data.shares as number,
        shareCapitalPaise: data.shareCapitalPaise as number,
        admissionDate: data.admissionDate as string,
        fullName: personal.fullName ?? null,
        dateOfBirth: personal.dateOfBirth ?? null,
        phone: personal.phone ?? null,
        locality: personal.locality ?? null,
        nomineeName: nominee.name ?? null,
        nomineeRelation: nominee.relation ?? null,
        personalDataForgotten: false,
      });
      return;
    }
    case 'SharesPurchased':
      members.set(memberNo, { ...requireMember(current, event), sharesHeld: data.sharesHeld as number, shareCapitalPaise: data.shareCapitalPaise as number });
      return;
    case 'NomineeChanged': {
      const nominee = await open(vault, memberNo, data.nominee as SealedPersonalData);
      members.set(memberNo, { ...requireMember(current, event), nomineeName: nominee.name ?? null, nomineeRelation: nominee.relation ?? null });
      return;
    }
    case 'MemberExited':
      members.set(memberNo, { ...requireMember(current, event), status: 'EXITED', sharesHeld: 0, shareCapitalPaise: 0 });
      return;
    default:
      throw new Error(`the fault oracle does not fold ${event.type} (stream ${event.streamId})`);
  }
}

function requireMember(member: MemberRecord | undefined, event: RecordedEvent): MemberRecord {
  if (!member) throw new Error(`${event.type} at ${event.streamId}@${event.revision} before the member's admission`);
  return member;
}

async function open(vault: PersonalDataVault, subjectId: string, sealed: SealedPersonalData): Promise<Record<string, string | null>> {
  const opened = await vault.open(subjectId, sealed);
  if (opened === 'forgotten') throw new Error('the fault driver never forgets a member');
  return opened;
}

function summarise(branchCode: string, name: string, members: readonly MemberRecord[]): BranchSummary {
  const count = (status: MemberStatus) => members.filter((member) => member.status === status).length;
  return {
    branchCode,
    name,
    activeMembers: count('ACTIVE'),
    inactiveMembers: count('INACTIVE'),
    exitedMembers: count('EXITED'),
    totalMembers: members.length,
    sharesHeld: members.reduce((sum, member) => sum + member.sharesHeld, 0),
    shareCapitalPaise: members.reduce((sum, member) => sum + member.shareCapitalPaise, 0),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every directory row (all pages) and every branch summary, through the membership reader. */
export async function readActual(reader: MemberDirectoryReader): Promise<ActualReadModels> {
  const members: MemberRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await reader.listMembers({ first: 500, after });
    members.push(...page.nodes);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return { members, summaries: await reader.branchSummaries() };
}

/**
 * True once the Kafka feed (its `kafka_applied_revisions` in `projectionSchema`) shows every
 * projection at the last revision of every expected stream: the condition the scenarios wait on.
 */
export async function feedCaughtUp(db: SqlDatabase, projectionSchema: string, projections: readonly string[], expected: ExpectedReadModels): Promise<boolean> {
  const { rows } = await db.query<{ projection: string; stream_id: string; revision: number }>(`SELECT projection, stream_id, revision FROM ${projectionSchema}.kafka_applied_revisions`);
  const reached = new Set(rows.map((row) => `${row.projection}|${row.stream_id}|${Number(row.revision)}`));
  for (const [stream, length] of expected.streamLengths) {
    for (const projection of projections) if (!reached.has(`${projection}|${stream}|${length - 1}`)) return false;
  }
  return true;
}

/**
 * Compares the read models with the fold of `$all` and the audit of applied effects (see
 * installApplicationAudit): every (effect, stream, revision) must have been applied exactly once.
 * Effects: `applied:<projection>` for every consumed stream (the feed's bookkeeping, per event),
 * `member_directory` and `branch_summary_member` row writes for every member stream.
 */
export async function compareExactlyOnce(db: SqlDatabase, auditTable: string, projections: readonly string[], expected: ExpectedReadModels, actual: ActualReadModels): Promise<ExactlyOnceReport> {
  const actualMembers = new Map(actual.members.map((member) => [member.memberNo, member]));
  const expectedMembers = new Map(expected.members.map((member) => [member.memberNo, member]));
  let membersDiffering = 0;
  for (const [memberNo, member] of expectedMembers) {
    const found = actualMembers.get(memberNo);
    if (found && !isDeepStrictEqual({ ...found }, { ...member })) membersDiffering++;
  }
  const summariesActual = new Map(actual.summaries.map((summary) => [summary.branchCode, { ...summary }]));
  const summariesExpected = new Map(expected.summaries.map((summary) => [summary.branchCode, { ...summary }]));
  const branchCodes = new Set([...summariesActual.keys(), ...summariesExpected.keys()]);

  const { rows } = await db.query<{ source: string; stream_id: string; revision: number; times: string }>(
    `SELECT source, stream_id, revision, count(*) AS times FROM ${auditTable} GROUP BY source, stream_id, revision`,
  );
  const applied = new Map(rows.map((row) => [`${row.source}|${row.stream_id}|${Number(row.revision)}`, Number(row.times)]));
  const expectedKeys = new Set<string>();
  for (const [stream, length] of expected.streamLengths) {
    const sources = projections.map((projection) => `applied:${projection}`);
    if (stream.startsWith(MEMBER_PREFIX)) sources.push('member_directory', 'branch_summary_member');
    for (const source of sources) for (let revision = 0; revision < length; revision++) expectedKeys.add(`${source}|${stream}|${revision}`);
  }
  let applicationsMissing = 0;
  for (const key of expectedKeys) if (!applied.has(key)) applicationsMissing++;
  let applicationsDuplicated = 0;
  let applicationsUnexpected = 0;
  for (const [key, times] of applied) {
    if (!expectedKeys.has(key)) applicationsUnexpected++;
    else if (times > 1) applicationsDuplicated += times - 1;
  }
  return {
    membersMissing: [...expectedMembers.keys()].filter((memberNo) => !actualMembers.has(memberNo)).length,
    membersUnexpected: [...actualMembers.keys()].filter((memberNo) => !expectedMembers.has(memberNo)).length,
    membersDiffering,
    summariesDiffering: [...branchCodes].filter((code) => !isDeepStrictEqual(summariesActual.get(code), summariesExpected.get(code))).length,
    applicationsMissing,
    applicationsDuplicated,
    applicationsUnexpected,
  };
}

/** The report of read models that match the events exactly. */
export const EXACTLY_ONCE: ExactlyOnceReport = Object.freeze({
  membersMissing: 0,
  membersUnexpected: 0,
  membersDiffering: 0,
  summariesDiffering: 0,
  applicationsMissing: 0,
  applicationsDuplicated: 0,
  applicationsUnexpected: 0,
});
