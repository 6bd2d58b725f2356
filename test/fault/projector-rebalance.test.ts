import { describeIfEnv, describeIfKafka, kafkaTestBrokers } from '../support';
import { CommandDriver } from './command-driver';
import { FaultEnvironment } from './fault-environment';
import { EXACTLY_ONCE } from './read-model-oracle';

/** Events a projector process applied (its own counter, summed over the projections). */
const APPLIED = 'samabay_kafka_projection_events_applied_total';
/** Upper bound of the flow that lasts until the rebalances are done (about 60 s at 40 commands/s). */
const FLOW_CAP = 2400;

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'fault (c): two projector processes in one group, a forced rebalance while events flow', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    let environment: FaultEnvironment;

    beforeAll(async () => {
      environment = await FaultEnvironment.create({ tag: 'fault-rebalance', brokers: kafkaTestBrokers() });
    }, 60_000);

    afterAll(async () => {
      await environment?.dispose();
    }, 60_000);

    it('splits the partitions, then takes over a killed member: the read models equal the fold of $all, 0 missing, 0 applied twice', async () => {
      const first = environment.projector();
      await first.start();
      await environment.installApplicationAudit();
      const relay = environment.relay();
      await relay.start();

      // Commands flow from before the second member joins until after the first one died.
      const driver = new CommandDriver({ membership: environment.membership, commands: FLOW_CAP, ratePerSecond: 40, keyPrefix: environment.names.service, seed: 33 });
      driver.start();
      await environment.waitFor(async () => (await environment.appliedCount()) >= 40, 'the first projector to apply 40 events', 30_000);
      const second = environment.projector();
      await second.start();
      // The second member applies events only once the rebalance gave it partitions of its own.
      await environment.waitFor(async () => (await second.metric(APPLIED)) > 0, 'the second projector to apply events from its share of the partitions', 60_000, 50);
      const appliedByFirst = await first.metric(APPLIED);
      expect(appliedByFirst).toBeGreaterThan(0);

      // A forced rebalance: one member dies mid-flow; the other takes over its partitions from the committed offsets.
      const acceptedAtKill = driver.accepted;
      await first.kill9();
      await driver.waitForAccepted(acceptedAtKill + 40);
      const summary = await driver.stop();
      expect(summary.accepted).toBeLessThan(FLOW_CAP);

      const { expected, actual, report } = await environment.converge(90_000);
      expect(report).toEqual(EXACTLY_ONCE);
      expect(actual).toEqual({ members: expected.members, summaries: expected.summaries });
      expect(second.isRunning()).toBe(true);
      process.stdout.write(
        `fault (c): ${summary.accepted} commands, ${expected.members.length} members; first projector killed after ${acceptedAtKill} commands, having applied ${appliedByFirst} (projection, event) pairs; the survivor applied ${await second.metric(APPLIED)}\n`,
      );
    }, 150_000);
  });
});
