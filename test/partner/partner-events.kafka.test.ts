// Partner integration events end to end (issue 6 item 5, DESIGN §6): real flows on the single-node
// platform (admission, savings deposits, a loan from application to repayment, an exit) with
// synthetic, distinctive personal data; the partner publisher writes the public topics of two
// partners on the real broker; the sample partner consumer reads them back and validates every
// message against its published JSON Schema. Then the feed is scanned for anything personal.
import { formatPosition } from '@samabay/event-store';
import { inMemoryConfig, issueDevToken, startPlatform, type RunningPlatform } from '@samabay/gateway';
import type { MessagingClient } from '@samabay/messaging';
import { PartnerEventPublisher, partnerKey, PUBLIC_EVENT_NAMES } from '@samabay/partner-events';
import type { RelayLock } from '@samabay/relay';
import { randomBytes } from 'node:crypto';
import { describeIfKafka, kafkaTestNames } from '../support';
import { testMessaging } from '../relay/kafka-fixtures';
import { consumePartnerTopics, type ReceivedPublicEvent } from './sample-partner-consumer';

jest.setTimeout(180_000);

/** The lock of a single process (the single-node platform has one publisher). */
class InProcessLock implements RelayLock {
  async tryAcquire(): Promise<boolean> {
    return true;
  }
  onLost(): void {}
  async release(): Promise<void> {}
}

const BORROWER = { fullName: 'Parvinara Leakcheckova', dateOfBirth: '1981-11-19', phone: '9000033417', locality: 'Leakcheck Ghat Road' };
const BORROWER_NOMINEE = { name: 'Heiress Leakcheckova', relation: 'foster-daughter' };
const LEAVER = { fullName: 'Rokeyabibi Leakcheckini', dateOfBirth: '1969-05-30', phone: '9000044528', locality: 'Leakcheck Bustee' };
const SECRETS = [...Object.values(BORROWER), ...Object.values(BORROWER_NOMINEE), ...Object.values(LEAVER), 'Leakcheck', 'Parvinara', 'Rokeyabibi', 'foster'];

describeIfKafka('partner events on the real broker', () => {
  const names = kafkaTestNames('partner-events');
  const partnerA = partnerKey(`${names.service}-a`, randomBytes(32));
  const partnerB = partnerKey(`${names.service}-b`, randomBytes(32));
  let platform: RunningPlatform;
  let messaging: MessagingClient;
  let publisher: PartnerEventPublisher;
  let tokens: Record<'headOffice' | 'teller' | 'manager1' | 'manager2', string>;
  let keyCounter = 0;
  const key = (label: string) => `partner-e2e-${label}-${++keyCounter}`;

  async function ok<T>(query: string, input: Record<string, unknown>, token = tokens.headOffice): Promise<T> {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { input: { idempotencyKey: key('cmd'), ...input } } }),
    });
    const answer = (await response.json()) as { data?: T; errors?: unknown };
    if (answer.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data as T;
  }

  let borrower: string;
  let leaver: string;

  beforeAll(async () => {
    platform = await startPlatform(inMemoryConfig({ consistencyTimeoutMs: 5_000 }));
    const secret = platform.config.jwtSecret;
    tokens = {
      headOffice: issueDevToken({ secret }),
      teller: issueDevToken({ secret, userId: 'partner-teller-sng', role: 'teller', branch: 'SNG' }),
      manager1: issueDevToken({ secret, userId: 'partner-manager-sng-1', role: 'branch_manager', branch: 'SNG' }),
      manager2: issueDevToken({ secret, userId: 'partner-manager-sng-2', role: 'branch_manager', branch: 'SNG' }),
    };
    messaging = testMessaging(`partner-${names.service}`);

    const admit = `mutation ($input: AdmitMemberInput!) { admitMember(input: $input) { memberNo } }`;
    borrower = (await ok<{ admitMember: { memberNo: string } }>(admit, { businessDate: '2023-01-02', branchCode: 'SNG', personal: BORROWER, nominee: BORROWER_NOMINEE, shares: 2 })).admitMember.memberNo;
    const account = (
      await ok<{ openSavingsAccount: { accountId: string } }>(`mutation ($input: OpenSavingsAccountInput!) { openSavingsAccount(input: $input) { accountId } }`, {
        businessDate: '2023-01-02',
        memberNo: borrower,
        product: 'SAVINGS_DEPOSIT',
      })
    ).openSavingsAccount.accountId;
    const deposit = `mutation ($input: SavingsCashInput!) { deposit(input: $input) { balance } }`;
    await ok(deposit, { businessDate: '2023-01-02', accountId: account, memberNo: borrower, amount: '5000.00' });
    await ok(deposit, { businessDate: '2023-02-14', accountId: account, memberNo: borrower, amount: '250.75' });

    const loan = `{ loanId }`;
    const loanId = (
      await ok<{ applyForLoan: { loanId: string } }>(
        `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) ${loan} }`,
        { businessDate: '2024-01-05', memberNo: borrower, productCode: 'MED', purpose: 'MEDICAL', amount: '12000.00', numberOfInstalments: 6 },
        tokens.teller,
      )
    ).applyForLoan.loanId;
    await ok(`mutation ($input: AppraiseLoanInput!) { appraiseLoan(input: $input) ${loan} }`, { businessDate: '2024-01-05', loanId }, tokens.manager1);
    await ok(`mutation ($input: LoanCommandInput!) { approveLoan(input: $input) ${loan} }`, { businessDate: '2024-01-08', loanId }, tokens.manager2);
    await ok(`mutation ($input: DisburseLoanInput!) { disburseLoan(input: $input) ${loan} }`, { businessDate: '2024-01-10', loanId }, tokens.teller);
    await ok(`mutation ($input: RecordRepaymentInput!) { recordRepayment(input: $input) ${loan} }`, { businessDate: '2024-02-10', loanId, amount: '2046.93' }, tokens.teller);

    leaver = (await ok<{ admitMember: { memberNo: string } }>(admit, { businessDate: '2022-03-15', branchCode: 'KLG', personal: LEAVER, shares: 1 })).admitMember.memberNo;
    await ok(`mutation ($input: ExitMemberInput!) { exitMember(input: $input) { position } }`, { businessDate: '2024-06-20', memberNo: leaver });

    publisher = new PartnerEventPublisher({
      db: platform.db,
      store: platform.store,
      messaging,
      lock: new InProcessLock(),
      partners: [partnerA, partnerB],
      partitions: 2,
      name: `partner-${names.service}`,
      schema: `partner_${names.service}`,
      batchSize: 50,
      retryMs: 100,
      logger: { info: () => undefined, warn: () => undefined, error: (details, message) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`) },
    });
    await publisher.start();
    const head = await platform.store.headPosition();
    if (head === 'start') throw new Error('the flows wrote nothing');
    expect(await publisher.waitForPosition(head, 60_000)).toBe(true);
  });

  afterAll(async () => {
    await publisher?.stop();
    await platform?.stop();
  });

  let eventsA: ReceivedPublicEvent[];
  let eventsB: ReceivedPublicEvent[];

  it('the sample partner consumer reads its topics and every message validates against the published schema', async () => {
    const a = await consumePartnerTopics(messaging, partnerA.partnerId, names.group('partner-a'));
    const b = await consumePartnerTopics(messaging, partnerB.partnerId, names.group('partner-b'));
    expect(a.invalid).toEqual([]);
    expect(b.invalid).toEqual([]);
    eventsA = a.events;
    eventsB = b.events;
    const count = (events: ReceivedPublicEvent[]) => Object.fromEntries(PUBLIC_EVENT_NAMES.map((name) => [name, events.filter((event) => event.name === name).length]));
    expect(count(eventsA)).toEqual({ 'member-admitted': 2, 'member-exited': 1, 'deposit-recorded': 2, 'loan-disbursed': 1, 'loan-repaid': 1 });
    expect(count(eventsB)).toEqual(count(eventsA));
  });

  it('carries branch, amounts, months and categories, with one stable pseudonym per member and partner', () => {
    const mine = (name: string) => eventsA.filter((event) => event.name === name).map((event) => event.body);
    const [admission] = mine('member-admitted').filter((body) => body.branchCode === 'SNG');
    const borrowerId = admission.memberId as string;
    expect(admission).toMatchObject({ month: '2023-01', shares: 2, origin: 'ADMISSION' });
    expect(mine('deposit-recorded').map((body) => [body.memberId, body.month, body.product, body.amountPaise])).toEqual([
      [borrowerId, '2023-01', 'SAVINGS_DEPOSIT', 500_000],
      [borrowerId, '2023-02', 'SAVINGS_DEPOSIT', 25_075],
    ]);
    expect(mine('loan-disbursed')).toEqual([expect.objectContaining({ memberId: borrowerId, branchCode: 'SNG', month: '2024-01', productCode: 'MED', purpose: 'MEDICAL', amountPaise: 1_200_000, numberOfInstalments: 6 })]);
    expect(mine('loan-repaid')).toEqual([expect.objectContaining({ memberId: borrowerId, month: '2024-02', amountPaise: 204_693 })]);
    expect(mine('member-exited')).toEqual([expect.objectContaining({ branchCode: 'KLG', month: '2024-06', sharesRefunded: 1, shareCapitalRefundedPaise: 1000 })]);
    for (const event of eventsA) expect(event.key).toBe(event.body.memberId);
  });

  it('gives two partners pseudonyms and event ids they cannot join on', () => {
    const ids = (events: ReceivedPublicEvent[], field: string) => new Set(events.map((event) => String(event.body[field])));
    const sharedMembers = [...ids(eventsA, 'memberId')].filter((id) => ids(eventsB, 'memberId').has(id));
    const sharedEvents = [...ids(eventsA, 'eventId')].filter((id) => ids(eventsB, 'eventId').has(id));
    expect(ids(eventsA, 'memberId').size).toBe(2);
    expect(sharedMembers).toEqual([]);
    expect(sharedEvents).toEqual([]);
  });

  it('contains no personal field, no member/account/loan number and no day anywhere in keys, values or headers', () => {
    const wire = [...eventsA, ...eventsB].map((event) => `${event.key} ${event.raw} ${JSON.stringify(event.headers)}`).join('\n');
    expect(SECRETS.filter((secret) => wire.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
    expect(wire).not.toContain(borrower);
    expect(wire).not.toContain(leaver);
    expect(wire.match(/[A-Z]{3}-\d{6}|[A-Z]{3}-L-[0-9A-Z]+|\d{4}-\d{2}-\d{2}|partner-(teller|manager)/g)).toBeNull();
    const keys = new Set([...eventsA, ...eventsB].flatMap((event) => Object.keys(event.body)));
    expect([...keys].sort()).toEqual(
      ['amountPaise', 'branchCode', 'eventId', 'eventType', 'interestPaidPaise', 'memberId', 'month', 'numberOfInstalments', 'origin', 'penaltyPaidPaise', 'principalPaidPaise', 'product', 'productCode', 'purpose', 'schemaVersion', 'shareCapitalRefundedPaise', 'shares', 'sharesRefunded'].sort(),
    );
  });

  it('resumes from its checkpoint: a restarted publisher publishes nothing twice', async () => {
    await publisher.stop();
    const before = formatPosition(await platform.store.headPosition());
    publisher = new PartnerEventPublisher({ db: platform.db, store: platform.store, messaging, lock: new InProcessLock(), partners: [partnerA, partnerB], partitions: 2, name: `partner-${names.service}`, schema: `partner_${names.service}`, retryMs: 100 });
    await publisher.start();
    const head = await platform.store.headPosition();
    expect(formatPosition(head)).toBe(before);
    expect(await publisher.waitForPosition(head as Exclude<typeof head, 'start'>, 30_000)).toBe(true);
    expect([...publisher.publishedPerTopic.values()].reduce((sum, count) => sum + count, 0)).toBe(0);
    const again = await consumePartnerTopics(messaging, partnerA.partnerId, names.group('partner-a-again'));
    expect(again.events).toHaveLength(eventsA.length);
  });
});
