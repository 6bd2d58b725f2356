import { comparePositions, formatPosition } from '@samabay/event-store';
import { describeIfEnv, describeIfKafka, kafkaTestBrokers, waitFor } from '../support';
import { CommandDriver } from './command-driver';
import { FaultEnvironment } from './fault-environment';
import { EXACTLY_ONCE } from './read-model-oracle';

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'fault (a): the relay process is killed with SIGKILL mid-publish and restarted', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    let environment: FaultEnvironment;

    beforeAll(async () => {
      environment = await FaultEnvironment.create({ tag: 'fault-relay', brokers: kafkaTestBrokers() });
    }, 60_000);

    afterAll(async () => {
      await environment?.dispose();
    }, 60_000);

    it('re-publishes from its checkpoint: the read models equal the fold of $all, 0 missing, 0 applied twice', async () => {
      const projector = environment.projector();
      await projector.start();
      await environment.installApplicationAudit();
      const relay = environment.relay();
      await relay.start();

      const driver = new CommandDriver({ membership: environment.membership, commands: 240, keyPrefix: environment.names.service, seed: 11 });
      driver.start();
      await driver.waitForAccepted(60);
      // Mid-publish: the relay has checkpointed batches and the store holds events it has not published yet.
      await waitFor(
        async () => {
          const checkpoint = await environment.relayCheckpoint();
          const head = await environment.store.headPosition();
          return checkpoint !== null && head !== 'start' && BigInt(checkpoint) < head.commit;
        },
        'the relay to be behind the store after publishing',
        30_000,
        10,
      );
      await relay.kill9();
      const checkpointAtKill = await environment.relayCheckpoint();

      await relay.start();
      const summary = await driver.done();
      const { expected, actual, report } = await environment.converge(60_000);

      expect(report).toEqual(EXACTLY_ONCE);
      expect(actual).toEqual({ members: expected.members, summaries: expected.summaries });
      expect(summary.accepted).toBe(240);
      expect(relay.starts).toBe(2);
      const head = await environment.store.headPosition();
      expect(head === 'start' ? -1 : comparePositions(head, { commit: BigInt(checkpointAtKill as string), prepare: 0n })).toBe(1);
      process.stdout.write(`fault (a): ${expected.members.length} members, ${[...expected.streamLengths.values()].reduce((a, b) => a + b, 0)} events; relay killed at checkpoint ${checkpointAtKill}, head ${head === 'start' ? 'start' : formatPosition(head)}\n`);
    }, 150_000);
  });
});
