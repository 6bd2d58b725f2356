// Crypto-shredding on the wire (issue 6 item 4): the relay's internal Kafka topics carry membership
// events with personal data only as ciphertext. Members are admitted, re-nominated, exited and
// forgotten with synthetic, distinctive personal data; every message of the membership topics is
// then read back from the real broker and searched for it. After the forget, the ciphertext that
// Kafka keeps for its retention period no longer opens.
import { randomBytes, randomUUID } from 'node:crypto';
import { CommandHandler, InMemoryIdempotencyStore, type CommandContext } from '@samabay/domain-kit';
import { createSqlEventStore, type EventStore } from '@samabay/event-store';
import { defaultMembershipProducts, DEFAULT_BRANCHES, MembershipCommandService, noExitStanding } from '@samabay/membership';
import type { MessagingClient } from '@samabay/messaging';
import { createSqlPersonalDataVault, type PersonalDataVault, type SealedPersonalData } from '@samabay/personal-data';
import { CategoryTopics, PostgresAdvisoryLock, Relay } from '@samabay/relay';
import { openPostgres, type SqlDatabase } from '@samabay/sql';
import { describeIfEnv, describeIfKafka, dropSchema, kafkaTestNames, postgresTestUrl, randomSchemaName } from '../support';
import { readAllMessages, testMessaging } from '../relay/kafka-fixtures';

jest.setTimeout(120_000);

/** Synthetic, distinctive personal data: any of these strings in a message is a leak. */
const PERSON = { fullName: 'Zarinabanu Cipherkaur', dateOfBirth: '1977-09-23', phone: '9000055123', locality: 'Cipherpara Byelane' };
const NOMINEE = { name: 'Nomineeja Cipherkaur', relation: 'goddaughter' };
const NEW_NOMINEE = { name: 'Secondheir Cipherkaur', relation: 'stepniece' };
const SECRETS = [...Object.values(PERSON), ...Object.values(NOMINEE), ...Object.values(NEW_NOMINEE), 'Zarinabanu', 'Cipherkaur', 'Cipherpara', '23/09/1977'];

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'internal Kafka topics carry only ciphertext', () => {
  describeIfKafka('on a real broker', () => {
    const names = kafkaTestNames('privacy-ciphertext');
    const url = postgresTestUrl() as string;
    const storeSchema = randomSchemaName('priv_es');
    const vaultSchema = randomSchemaName('priv_vault');
    const relaySchema = randomSchemaName('priv_relay');
    let db: SqlDatabase;
    let store: EventStore;
    let vault: PersonalDataVault;
    let messaging: MessagingClient;
    let relay: Relay;

    beforeAll(async () => {
      db = await openPostgres({ connectionString: url, maxConnections: 6 });
      store = await createSqlEventStore({ db, schema: storeSchema, pollIntervalMs: 20 });
      vault = await createSqlPersonalDataVault({ db, schema: vaultSchema, masterKey: randomBytes(32) });
      messaging = testMessaging(`privacy-${names.service}`);
    });

    afterAll(async () => {
      await relay?.stop();
      await store?.close();
      for (const schema of [storeSchema, vaultSchema, relaySchema]) await dropSchema(db, schema);
      await db?.close();
    });

    it('publishes admission, nominee change, exit and forget with no plaintext personal field, and the published ciphertext no longer opens', async () => {
      const clock = () => new Date('2026-11-29T06:00:00Z');
      const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock });
      const retention = [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } }];
      const commands = new MembershipCommandService({ handler, vault, products: defaultMembershipProducts(), retention, clock, openDues: async () => [], exitStanding: noExitStanding });
      const context = (userId: string, businessDate: string): CommandContext => ({
        idempotencyKey: `privacy-${randomUUID()}`,
        businessDate,
        actor: { userId, role: 'head_office', branchCode: 'SNG' },
      });
      await commands.ensureBranches(DEFAULT_BRANCHES, context('system', '2026-11-29'));
      const { memberNo } = await commands.admitMember({ branchCode: 'KLG', personal: PERSON, nominee: NOMINEE, shares: 2 }, context('staff-1', '2014-02-03'));
      await commands.changeNominee({ memberNo, nominee: NEW_NOMINEE }, context('staff-1', '2016-05-06'));
      await commands.exitMember({ memberNo }, context('staff-1', '2019-07-08'));
      await commands.requestForgetMember({ memberNo }, context('ho-maker', '2026-11-29'));
      const forgotten = await commands.approveForgetMember({ memberNo }, context('ho-checker', '2026-11-29'));

      const topics = new CategoryTopics({ namespace: names.service });
      relay = new Relay({ db, store, messaging, lock: new PostgresAdvisoryLock(url, relaySchema), partitions: 1, topics, schema: relaySchema, lockRetryMs: 50, failureBackoffMs: 50 });
      await relay.start();
      expect(await relay.waitForPosition(forgotten.position!, 30_000)).toBe(true);

      const memberTopic = topics.topicForCategory('member') as string;
      const messages = await readAllMessages(messaging, [memberTopic, topics.topicForCategory('branch') as string], names.group('read'));
      const ofMember = messages.filter((message) => message.key === `member-${memberNo}`);
      expect(ofMember.map((message) => message.headers.type)).toEqual(['MemberAdmitted', 'NomineeChanged', 'MemberExited', 'MemberForgetRequested', 'MemberForgotten']);

      const wire = messages.map((message) => `${message.key} ${message.value?.toString('utf8')} ${JSON.stringify(message.headers)}`).join('\n');
      const leaks = SECRETS.filter((secret) => wire.toLowerCase().includes(secret.toLowerCase()));
      expect(leaks).toEqual([]);

      // The personal data is there, but only sealed: AES-256-GCM envelopes that opened before the forget and no longer do.
      const admitted = JSON.parse(ofMember[0].value!.toString('utf8')) as { data: { personal: SealedPersonalData; nominee: SealedPersonalData } };
      expect(admitted.data.personal).toEqual({ v: 1, alg: 'A256GCM', iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
      expect(await vault.open(memberNo, admitted.data.personal)).toBe('forgotten');
      expect(await vault.open(memberNo, admitted.data.nominee)).toBe('forgotten');
      const renamed = JSON.parse(ofMember[1].value!.toString('utf8')) as { data: { nominee: SealedPersonalData } };
      expect(await vault.open(memberNo, renamed.data.nominee)).toBe('forgotten');
      const forgetEvent = JSON.parse(ofMember[4].value!.toString('utf8')) as { data: Record<string, unknown> };
      expect(Object.keys(forgetEvent.data).sort()).toEqual(['approvedBy', 'forgottenOn', 'memberNo', 'requestedBy']);
    });
  });
});
