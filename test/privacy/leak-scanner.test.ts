// The leak scanner (issue 6 item 8): members with distinctive synthetic personal data go through every
// flow reachable over GraphQL — admission, register import, nominee change, savings deposits and
// withdrawals, a loan from application to repayment, exit and forget, partner reads, and requests
// with bad input that carries the name — while every log line of the platform is captured. Then the
// scan: the log lines (and anything else written to stdout/stderr), every error message returned,
// the answers and read-model tables partners may see, the event store's event data, and — with
// KAFKA_BROKERS — every message of the relay's internal topics and of the public partner topics.
// Any secret found anywhere fails the test and says where.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import type { StaffRole } from '@samabay/domain-kit';
import type { MessagingClient } from '@samabay/messaging';
import { PartnerEventPublisher, partnerKey, publicTopicsOf } from '@samabay/partner-events';
import { CategoryTopics, Relay, type RelayLock } from '@samabay/relay';
import { randomBytes } from 'node:crypto';
import { describeIfKafka, kafkaTestNames, waitFor } from '../support';
import { readAllMessages, testMessaging } from '../relay/kafka-fixtures';
import { findLeaks, type ScannedText } from './leak-scan';

jest.setTimeout(240_000);

/** Synthetic people: every string below is invented and distinctive, so any occurrence is a leak. */
const BORROWER = { fullName: 'Zephyrine Quokkabottom', dateOfBirth: '1931-02-17', phone: '9000086421', locality: 'Quokkabottom Ghat Lane' };
const BORROWER_NOMINEE = { name: 'Oswaldina Quokkabottom', relation: 'godsister-in-law' };
const NEW_NOMINEE = { name: 'Ptolemaia Fennelwhistle', relation: 'step-godniece' };
const LEAVER = { fullName: 'Marmaduka Fennelwhistle', dateOfBirth: '1932-11-29', phone: '9000086532', locality: 'Fennelwhistle Bustee' };
const IMPORTED = { fullName: 'Brunhilda Snorkelwaite', dateOfBirth: '1933-07-04', phone: '9000086643', locality: 'Snorkelwaite Para' };
const IMPORT_NOMINEE = { name: 'Cressida Snorkelwaite', relation: 'milk-sister' };
const SECRETS = [
  ...[BORROWER, BORROWER_NOMINEE, NEW_NOMINEE, LEAVER, IMPORTED, IMPORT_NOMINEE].flatMap((person) => Object.values(person)),
  ...['Zephyrine', 'Quokkabottom', 'Oswaldina', 'Ptolemaia', 'Fennelwhistle', 'Marmaduka', 'Brunhilda', 'Snorkelwaite', 'Cressida'],
  // Other spellings of the dates and phones.
  ...['17/02/1931', '29/11/1932', '04/07/1933', '86421', '86532', '86643'],
];

/** The lock of a single process (one relay and one publisher here). */
class InProcessLock implements RelayLock {
  async tryAcquire(): Promise<boolean> {
    return true;
  }
  onLost(): void {}
  async release(): Promise<void> {}
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const kafka = Boolean(process.env.KAFKA_BROKERS?.trim());
const names = kafkaTestNames('leak-scanner');
const partner = partnerKey(`${names.service}-p`, randomBytes(32));
const logLines: string[] = [];
const otherOutput: string[] = [];
/** Every error returned to any caller, with the operation that produced it. */
const errorsReturned: ScannedText[] = [];
/** Everything partners were answered. */
const partnerAnswers: ScannedText[] = [];
let platform: RunningPlatform;
let messaging: MessagingClient | undefined;
let relay: Relay | undefined;
let publisher: PartnerEventPublisher | undefined;
let topics: CategoryTopics;
let counter = 0;
const key = (label: string): string => `leak-${label}-${++counter}`;
const restoreOutput: Array<() => void> = [];

const token = (userId: string, role: StaffRole, branch: string): string => issueDevToken({ secret: platform.config.jwtSecret, userId, role, branch });
const headOffice = () => token('leak-ho-1', 'head_office', 'SNG');
const otherHeadOffice = () => token('leak-ho-2', 'head_office', 'SNG');
const teller = () => token('leak-teller-sng', 'teller', 'SNG');
const manager1 = () => token('leak-bm-sng-1', 'branch_manager', 'SNG');
const manager2 = () => token('leak-bm-sng-2', 'branch_manager', 'SNG');

/** Requests sent (a body that is not JSON is refused by the body parser before the request logger sees it). */
let requestsSent = 0;

/** Sends a request; a refused or failed one (errors, or an HTTP error status) is kept whole for the scan. */
async function raw(label: string, body: string, bearer: string | null): Promise<GraphQLResponse<unknown>> {
  requestsSent += 1;
  const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body });
  const text = await response.text();
  let answer: GraphQLResponse<unknown>;
  try {
    answer = JSON.parse(text) as GraphQLResponse<unknown>;
  } catch {
    answer = { errors: [{ message: 'the response is not JSON' }] };
  }
  if (answer.errors || response.status >= 400) errorsReturned.push({ where: `response to ${label} (HTTP ${response.status})`, text });
  return answer;
}

async function gql<T>(label: string, query: string, variables: Record<string, unknown>, bearer: string = headOffice()): Promise<GraphQLResponse<T>> {
  return (await raw(label, JSON.stringify({ query, variables }), bearer)) as GraphQLResponse<T>;
}

async function ok<T>(label: string, query: string, input: Record<string, unknown>, bearer: string = headOffice()): Promise<T> {
  const answer = await gql<T>(label, query, { input: { idempotencyKey: key(label), ...input } }, bearer);
  if (answer.errors) throw new Error(`${label}: unexpected GraphQL errors: ${JSON.stringify(answer.errors.map((error) => error.extensions?.code))}`);
  return answer.data as T;
}

/** Keeps what is written to stdout/stderr (beyond pino, which writes to `logLines`) while still passing it on. */
function captureProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      otherOutput.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return original(chunk, ...rest);
    }) as typeof stream.write;
    restoreOutput.push(() => {
      stream.write = original as typeof stream.write;
    });
  }
}

const ADMIT = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
const OPEN = `mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`;
const DEPOSIT = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`;
const WITHDRAW = `mutation ($input: SavingsCashInput!) { withdraw(input: $input) { balance } }`;
const LOAN = `{ loanId }`;

async function runEveryFlow(): Promise<void> {
  // Admission, nominee change, savings.
  const borrower = (await ok<{ admitMember: { memberNo: string } }>('admit', ADMIT, { businessDate: '2023-01-02', branchCode: 'SNG', personal: BORROWER, nominee: BORROWER_NOMINEE, shares: 2 })).admitMember.memberNo;
  await ok('change-nominee', `mutation ($input: ChangeNomineeInput!) { changeNominee(input: $input) { position } }`, { businessDate: '2023-01-03', memberNo: borrower, nominee: NEW_NOMINEE });
  const account = (await ok<{ openSavingsAccount: { accountId: string } }>('open', OPEN, { businessDate: '2023-01-02', memberNo: borrower, product: 'SAVINGS_DEPOSIT' })).openSavingsAccount.accountId;
  await ok('deposit', DEPOSIT, { businessDate: '2023-01-02', accountId: account, memberNo: borrower, amount: '5000.00' }, teller());
  await ok('deposit', DEPOSIT, { businessDate: '2023-02-14', accountId: account, memberNo: borrower, amount: '250.75' }, teller());
  await ok('withdraw', WITHDRAW, { businessDate: '2023-03-01', accountId: account, memberNo: borrower, amount: '100.00' }, teller());

  // A loan from application to repayment (maker–checker: appraised and approved by two managers).
  const loanId = (
    await ok<{ applyForLoan: { loanId: string } }>(
      'apply-loan',
      `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) ${LOAN} }`,
      { businessDate: '2024-01-05', memberNo: borrower, productCode: 'MED', purpose: 'MEDICAL', amount: '12000.00', numberOfInstalments: 6 },
      teller(),
    )
  ).applyForLoan.loanId;
  await ok('appraise-loan', `mutation ($input: AppraiseLoanInput!) { appraiseLoan(input: $input) ${LOAN} }`, { businessDate: '2024-01-05', loanId }, manager1());
  await ok('approve-loan', `mutation ($input: LoanCommandInput!) { approveLoan(input: $input) ${LOAN} }`, { businessDate: '2024-01-08', loanId }, manager2());
  await ok('disburse-loan', `mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) ${LOAN} }`, { businessDate: '2024-01-10', loanId }, teller());
  await ok('repay-loan', `mutation ($input: RecordRepaymentInput!) { recordRepayment(input: $input) ${LOAN} }`, { businessDate: '2024-02-10', loanId, amount: '2046.93' }, teller());

  // Register import: one good row, one with a bad phone (its outcome message is scanned too).
  const rows = [
    { idempotencyKey: key('import'), line: 2, memberNo: 'DHT-000901', branchCode: 'DHT', admissionDate: '2012-04-01', personal: IMPORTED, nominee: IMPORT_NOMINEE, sharesHeld: 3, status: 'ACTIVE' },
    { idempotencyKey: key('import'), line: 3, memberNo: 'DHT-000902', branchCode: 'DHT', admissionDate: '2012-04-01', personal: { ...IMPORTED, phone: `${IMPORTED.fullName} 12` }, sharesHeld: 1, status: 'ACTIVE' },
  ];
  const imported = await gql<{ importMembers: unknown[] }>('importMembers', `mutation ($rows: [ImportMemberInput!]!) { importMembers(rows: $rows) { line memberNo accepted errorCode field message } }`, { rows });
  if (imported.errors) throw new Error(`importMembers failed: ${JSON.stringify(imported.errors.map((error) => error.extensions?.code))}`);
  expect(JSON.stringify(imported.data)).toContain('INVALID_PHONE');
  errorsReturned.push({ where: 'importMembers outcomes', text: JSON.stringify(imported.data) });

  // Exit and forget (crypto-shredding) of a former member.
  const leaver = (await ok<{ admitMember: { memberNo: string } }>('admit', ADMIT, { businessDate: '2015-01-05', branchCode: 'KLG', personal: LEAVER, shares: 1 })).admitMember.memberNo;
  await ok('exit', `mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`, { businessDate: '2020-06-15', memberNo: leaver });
  await ok('request-forget', `mutation ($input: ForgetMemberInput!) { requestForgetMember(input: $input) { position } }`, { businessDate: '2026-01-05', memberNo: leaver });
  await ok('approve-forget', `mutation ($input: ForgetMemberInput!) { approveForgetMember(input: $input) { position } }`, { businessDate: '2026-01-05', memberNo: leaver }, otherHeadOffice());

  // Staff reads of the members (they may see the names; the logs of those reads may not).
  const consistentWith = formatPosition(await platform.store.headPosition());
  await gql('member', `query ($memberNo: String!, $consistentWith: String) { member(memberNo: $memberNo, consistentWith: $consistentWith) { fullName phone locality } }`, { memberNo: borrower, consistentWith });
  await gql('members search', `query ($search: String!) { members(branchCode: "SNG", search: $search, first: 10) { totalCount } }`, { search: 'Quokkabottom' });

  // Bad input that carries the personal data: the errors and the logs must not echo it.
  const admitWith = (personal: Record<string, unknown>) => ({ input: { idempotencyKey: key('bad'), businessDate: '2023-01-02', branchCode: 'SNG', personal, shares: 1 } });
  await gql('admit with the name as date of birth', ADMIT, admitWith({ ...BORROWER, dateOfBirth: BORROWER.fullName }));
  await gql('admit with the name as phone', ADMIT, admitWith({ ...BORROWER, phone: BORROWER.fullName }));
  await gql('admit with an empty name', ADMIT, admitWith({ ...BORROWER, fullName: '' }));
  await gql('admit at a branch named like the locality', ADMIT, { input: { ...admitWith(BORROWER).input, branchCode: BORROWER.locality } });
  await gql('deposit with the name as amount', DEPOSIT, { input: { idempotencyKey: key('bad'), businessDate: '2023-01-02', accountId: account, memberNo: borrower, amount: BORROWER.fullName } });
  await gql('member by a name', `query ($memberNo: String!) { member(memberNo: $memberNo) { memberNo } }`, { memberNo: BORROWER.fullName });
  await gql('member by a name, teller of another branch', `query ($memberNo: String!) { member(memberNo: $memberNo) { memberNo } }`, { memberNo: `KLG-${BORROWER.phone}` }, teller());
  await gql('search by a teller of another branch', `query ($search: String!) { members(branchCode: "KLG", search: $search, first: 10) { totalCount } }`, { search: BORROWER.fullName }, teller());
  await gql('an unknown type name', `mutation { admitMember(input: { idempotencyKey: "leak-bad-x", businessDate: "2023-01-02", branchCode: "SNG", personal: { fullName: "${LEAVER.fullName}", dateOfBirth: "${LEAVER.locality}" }, shares: 1 }) { memberNo } }`, {});
  await raw('a query that does not parse', JSON.stringify({ query: `{ member(memberNo: "${BORROWER.fullName}") { fullName ` }), headOffice());
  await raw('a body that is not JSON', `{"query": "{ member(memberNo: \\"${BORROWER.fullName}\\") }"`, headOffice());
  await gql('no token', `query ($search: String!) { members(search: $search, first: 10) { totalCount } }`, { search: BORROWER.fullName }, 'not-a-token');

  // What partners (aggregates only) can read.
  const partnerToken = token('leak-partner', 'partner', 'SNG');
  const read = async (label: string, query: string) => partnerAnswers.push({ where: `partner answer of ${label}`, text: JSON.stringify(await gql(label, query, { consistentWith: formatPosition(await platform.store.headPosition()) }, partnerToken)) });
  await read('branchSummaries', `query ($consistentWith: String) { branchSummaries(consistentWith: $consistentWith) { branchCode name activeMembers inactiveMembers exitedMembers totalMembers sharesHeld shareCapital } }`);
  await read('savingsBranchTotals', `query ($consistentWith: String) { savingsBranchTotals(consistentWith: $consistentWith) { branchCode product openAccounts balance } }`);
}

beforeAll(async () => {
  captureProcessOutput();
  platform = await startPlatform(
    inMemoryConfig({ consistencyTimeoutMs: 5_000, logLevel: 'trace', logDestination: { write: (line: string) => void logLines.push(line) } }),
  );
  if (kafka) {
    messaging = testMessaging(`leak-${names.service}`);
    topics = new CategoryTopics({ namespace: names.service });
    relay = new Relay({ db: platform.db, store: platform.store, messaging, lock: new InProcessLock(), partitions: 1, topics, schema: `relay_${names.service}`, lockRetryMs: 50, failureBackoffMs: 50 });
    publisher = new PartnerEventPublisher({
      db: platform.db,
      store: platform.store,
      messaging,
      lock: new InProcessLock(),
      partners: [partner],
      partitions: 1,
      name: `partner-${names.service}`,
      schema: `partner_${names.service}`,
      retryMs: 100,
      logger: { info: (details, message) => void logLines.push(`${message} ${JSON.stringify(details)}`), warn: (details, message) => void logLines.push(`${message} ${JSON.stringify(details)}`), error: (details, message) => void logLines.push(`${message} ${JSON.stringify(details)}`) },
    });
    await relay.start();
    await publisher.start();
  }
  await runEveryFlow();
  // pino-http logs a request once its response has finished: a last request with a known id, once
  // logged, means every request before it is in the log too (they were sent one after another).
  await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'leak-scanner-last-request' }, body: JSON.stringify({ query: '{ __typename }' }) });
  await waitFor(() => logLines.some((line) => line.includes('leak-scanner-last-request')), 'the log line of the last request');
});

afterAll(async () => {
  await publisher?.stop();
  await relay?.stop();
  await platform?.stop();
  for (const restore of restoreOutput.splice(0)) restore();
});

const expectNoLeaks = (texts: Iterable<ScannedText>) => expect(findLeaks(texts, SECRETS)).toEqual([]);

describe('the leak scanner', () => {
  it('finds a planted secret, and says where (the scan can fail)', () => {
    const planted = [...logLines.slice(0, 3).map((text, index) => ({ where: `log line ${index}`, text })), { where: 'planted log line', text: `{"msg":"admitted ${BORROWER.fullName}"}` }];
    expect(findLeaks(planted, SECRETS)).toEqual([
      expect.objectContaining({ secret: BORROWER.fullName, where: 'planted log line' }),
      expect.objectContaining({ secret: 'Zephyrine', where: 'planted log line' }),
      expect.objectContaining({ secret: 'Quokkabottom', where: 'planted log line' }),
    ]);
  });

  it('ran the flows with logging on: requests, commands and refusals were logged', () => {
    expect(requestsSent).toBeGreaterThanOrEqual(30);
    expect(logLines.filter((line) => line.includes('refused by access policy'))).toHaveLength(2);
    expect(errorsReturned.length).toBeGreaterThanOrEqual(12);
  });

  it('finds no personal data in any log line of the platform, nor anything else written to stdout/stderr', () => {
    expectNoLeaks(logLines.map((text, index) => ({ where: `log line ${index}`, text })));
    expectNoLeaks(otherOutput.map((text, index) => ({ where: `stdout/stderr write ${index}`, text })));
  });

  it('finds no personal data in any error returned, including the import outcomes', () => {
    expectNoLeaks(errorsReturned);
  });

  it('finds no personal data in what partners are answered, nor in the aggregate tables behind it', async () => {
    expect(partnerAnswers.every((answer) => !answer.text.includes('"errors"'))).toBe(true);
    expectNoLeaks(partnerAnswers);
    const tables: ScannedText[] = [];
    for (const table of ['membership_rm.branch_summary', 'membership_rm.branch_summary_member', 'savings_rm.account']) {
      const { rows } = await platform.db.query(`SELECT * FROM ${table}`);
      expect(rows.length).toBeGreaterThan(0);
      tables.push(...rows.map((row, index) => ({ where: `table ${table} row ${index}`, text: JSON.stringify(row) })));
    }
    expectNoLeaks(tables);
  });

  it('finds no plaintext personal data in the event store (personal fields are sealed)', async () => {
    const { rows } = await platform.db.query<{ stream_id: string; data: unknown; metadata: unknown }>(`SELECT * FROM eventstore.events`);
    expect(rows.length).toBeGreaterThan(20);
    expectNoLeaks(rows.map((row, index) => ({ where: `event ${index} (${String(row.stream_id)})`, text: JSON.stringify(row) })));
  });
});

describeIfKafka('the leak scanner on the Kafka topics', () => {
  it('finds no plaintext personal field in the internal topics and nothing personal in the public partner topics', async () => {
    const head = await platform.store.headPosition();
    if (head === 'start') throw new Error('the flows wrote nothing');
    expect(await relay!.waitForPosition(head, 60_000)).toBe(true);
    expect(await publisher!.waitForPosition(head, 60_000)).toBe(true);

    const internal = await readAllMessages(messaging!, topics.allTopics(), names.group('internal'));
    const categories = new Set(internal.map((message) => message.topic));
    expect(categories.size).toBeGreaterThanOrEqual(3);
    const wire = (label: string) => (message: (typeof internal)[number], index: number) => ({
      where: `${label} ${message.topic} message ${index} (key ${String(message.key)})`,
      text: `${message.key} ${message.value?.toString('utf8')} ${JSON.stringify(message.headers)}`,
    });
    expectNoLeaks(internal.map(wire('internal topic')));

    const published = await readAllMessages(messaging!, publicTopicsOf(partner.partnerId), names.group('public'));
    expect(published.length).toBeGreaterThanOrEqual(5);
    expectNoLeaks(published.map(wire('public topic')));
  });
});
