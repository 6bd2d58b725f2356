import { describeIfEnv, describeIfKafka, kafkaTestBrokers, waitFor } from '../support';
import { CommandDriver } from './command-driver';
import { FaultEnvironment } from './fault-environment';
import { EXACTLY_ONCE } from './read-model-oracle';

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'fault (b): a projector process is killed with SIGKILL mid-batch and restarted', () => {
  describeIfKafka('against PostgreSQL and a real broker', () => {
    let environment: FaultEnvironment;

    beforeAll(async () => {
      environment = await FaultEnvironment.create({ tag: 'fault-projector', brokers: kafkaTestBrokers() });
    }, 60_000);

    afterAll(async () => {
      await environment?.dispose();
    }, 60_000);

    it('resumes from the committed offsets: the read models equal the fold of $all, 0 missing, 0 applied twice', async () => {
      const projector = environment.projector();
      await projector.start();
      await environment.installApplicationAudit();
      const relay = environment.relay();
      await relay.start();

      const driver = new CommandDriver({ membership: environment.membership, commands: 240, keyPrefix: environment.names.service, seed: 22 });
      driver.start();
      // Mid-batch: the projector is applying while the driver still appends (events keep arriving).
      await waitFor(async () => (await environment.appliedCount()) >= 60, 'the projector to apply 60 events', 30_000, 10);
      expect(driver.accepted).toBeLessThan(240);
      await projector.kill9();
      const appliedAtKill = await environment.appliedCount();

      await projector.start();
      const summary = await driver.done();
      const { expected, actual, report } = await environment.converge(90_000);

      expect(report).toEqual(EXACTLY_ONCE);
      expect(actual).toEqual({ members: expected.members, summaries: expected.summaries });
      expect(summary.accepted).toBe(240);
      expect(projector.starts).toBe(2);
      process.stdout.write(`fault (b): ${expected.members.length} members; projector killed after ${appliedAtKill} applied events\n`);
    }, 150_000);
  });
});
