import { randomUUID } from 'node:crypto';
import { comparePositions, type Position } from '@samabay/event-store';
import { EVENT_HEADERS, deadLetterTopic } from '@samabay/messaging';
import { DEAD_LETTER_HEADERS } from '@samabay/projections';
import { describeIfEnv, describeIfKafka, kafkaTestBrokers, waitFor } from '../support';
import { readAllMessages } from '../relay/kafka-fixtures';
import { CommandDriver, FAULT_BUSINESS_DATE } from './command-driver';
import { FAULT_SCHEMAS, FaultEnvironment } from './fault-environment';
import { EXACTLY_ONCE } from './read-model-oracle';

/** A member number outside the driver's range (it admits fewer than 900,000 per branch). */
const POISON_MEMBER_NO = 'SNG-900001';
const POISON_STREAM = `member-${POISON_MEMBER_NO}`;

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'fault (e): a poison event is parked on the dead-letter topic while other keys keep flowing', () => {
  describeIfKafka('against PostgreSQL and a real broker (one partition: every key behind the poison shares it)', () => {
    let environment: FaultEnvironment;

    beforeAll(async () => {
      environment = await FaultEnvironment.create({ tag: 'fault-poison', brokers: kafkaTestBrokers(), partitions: 1 });
    }, 60_000);

    afterAll(async () => {
      await environment?.dispose();
    }, 60_000);

    /** Appends an event the member directory cannot apply: an admission whose sealed personal data fails authentication. */
    async function appendPoison(): Promise<Position> {
      const sealed = await environment.vault.seal(POISON_MEMBER_NO, { fullName: 'Synthetic Poison', dateOfBirth: '1970-01-01', phone: null, locality: null });
      const corrupted = { ...sealed, tag: Buffer.alloc(Buffer.from(sealed.tag, 'base64').length).toString('base64') };
      const data = {
        memberNo: POISON_MEMBER_NO,
        branchCode: 'SNG',
        admissionDate: FAULT_BUSINESS_DATE,
        shares: 1,
        shareFaceValuePaise: 1000,
        admissionFeePaise: 500,
        amountCollectedPaise: 1500,
        shareCapitalPaise: 1000,
        personal: corrupted,
        nominee: null,
      };
      const appended = await environment.store.appendToStream(POISON_STREAM, [{ id: randomUUID(), type: 'MemberAdmitted', data, metadata: { idempotencyKey: 'fault-poison' } }], { expectedRevision: 'no_stream' });
      return appended.position;
    }

    /** A valid follow-up on the poisoned stream: it must queue behind the poison (parked as STREAM_BLOCKED), never be applied on its own. */
    async function appendFollowUp(): Promise<void> {
      const data = { memberNo: POISON_MEMBER_NO, sharesPurchased: 1, shareFaceValuePaise: 1000, amountPaise: 1000, sharesHeld: 2, shareCapitalPaise: 2000 };
      await environment.store.appendToStream(POISON_STREAM, [{ id: randomUUID(), type: 'SharesPurchased', data, metadata: { idempotencyKey: 'fault-poison-2' } }], { expectedRevision: 0 });
    }

    it('parks the poison and its stream behind it after bounded retries; every other key is applied exactly once', async () => {
      const projector = environment.projector();
      await projector.start();
      await environment.installApplicationAudit();
      const relay = environment.relay();
      await relay.start();

      const driver = new CommandDriver({ membership: environment.membership, commands: 200, keyPrefix: environment.names.service, seed: 55 });
      driver.start();
      await driver.waitForAccepted(40);
      const poisonPosition = await appendPoison();
      await driver.waitForAccepted(100);
      await appendFollowUp();
      const summary = await driver.done();

      const { expected, actual, report } = await environment.converge(60_000, new Set([POISON_STREAM]));
      expect(report).toEqual(EXACTLY_ONCE);
      expect(actual).toEqual({ members: expected.members, summaries: expected.summaries });
      expect(summary.accepted).toBe(200);
      // Other keys flowed past the poison on its own (single) partition.
      const after = (await environment.store.readAll({ fromPosition: poisonPosition, maxCount: 1_000_000 })).filter((event) => event.streamId !== POISON_STREAM);
      expect(after.filter((event) => event.streamId.startsWith('member-')).length).toBeGreaterThan(50);

      await waitFor(async () => (await parkedRows()).length === 2, 'both events of the poisoned stream to be parked', 30_000, 50);
      expect(await parkedRows()).toEqual([
        { stream_id: POISON_STREAM, revision: 0, reason: 'POISON' },
        { stream_id: POISON_STREAM, revision: 1, reason: 'STREAM_BLOCKED' },
      ]);
      const memberTopic = environment.topics.topicForCategory('member') as string;
      const parked = await readAllMessages(environment.messaging, [deadLetterTopic(memberTopic)], environment.names.group('dlq-reader'));
      expect(parked.map((message) => [message.key, message.headers[EVENT_HEADERS.revision], message.headers[DEAD_LETTER_HEADERS.reason], message.headers[DEAD_LETTER_HEADERS.attempts]])).toEqual([
        [POISON_STREAM, '0', 'POISON', '3'],
        [POISON_STREAM, '1', 'STREAM_BLOCKED', '0'],
      ]);
      expect(projector.lines.filter((line) => line.level === 50 && line.msg.startsWith('event parked on the dead-letter topic')).map((line) => line.reason)).toEqual(['POISON', 'STREAM_BLOCKED']);
      expect(await projector.metric('samabay_kafka_projection_events_parked_total')).toBe(2);
      expect(comparePositions(poisonPosition, after[after.length - 1].position)).toBe(-1);
      process.stdout.write(`fault (e): ${expected.members.length} members; ${after.length} events of other streams after the poison applied\n`);
    }, 150_000);

    async function parkedRows(): Promise<Array<{ stream_id: string; revision: number; reason: string }>> {
      const { rows } = await environment.db.query<{ stream_id: string; revision: number; reason: string }>(
        `SELECT stream_id, revision, reason FROM ${FAULT_SCHEMAS.projections}.kafka_parked_events WHERE group_id = $1 ORDER BY revision`,
        [environment.groupId],
      );
      return rows.map((row) => ({ ...row, revision: Number(row.revision) }));
    }
  });
});
