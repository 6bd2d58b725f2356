/**
 * Fault scenario (d): stop and restart the broker while commands flow; the relay and the projector
 * must resume by themselves. Runs against a broker of its own (OwnBroker, on free ports), never the
 * shared one.
 *
 * It was parked while the relay could stay stuck for good after the restart: a produce request the
 * broker appended while shutting down lost its answer, kafkajs rolled its idempotent producer's
 * sequence numbers back, and the relay's re-publication from its checkpoint then got
 * OUT_OF_ORDER_SEQUENCE_NUMBER on every retry. The kafkajs publisher now replaces its producer
 * after a failed publish (test/messaging/publisher-recovery.test.ts reproduces the cause exactly).
 */
import { describeIfEnv, describeIfKafka } from '../support';
import { CommandDriver } from './command-driver';
import { FaultEnvironment } from './fault-environment';
import { OwnBroker } from './own-broker';
import { EXACTLY_ONCE } from './read-model-oracle';
import type { ServiceProcess } from './service-process';

/**
 * Upper bound of the flow, which lasts until the relay and the projector resumed after the broker
 * came back (about 180 s at 40 commands/s: stopping and starting a broker takes from a few seconds
 * to more than a minute on a loaded machine, and the flow must not run dry before the end).
 */
const FLOW_CAP = 7200;

/** Why the projector's consumer stopped on its own, from its log lines (error codes and messages), for the report. */
function projectorStops(projector: ServiceProcess): string {
  const reasons = projector.lines
    .filter((line) => line.msg.includes('consumer stopped after a failure') || line.msg.includes('stopped on its own'))
    .map((line) => [line.code ?? line.errorCode, line.error].filter((part) => part !== undefined).join(' '));
  return reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
}

describeIfEnv('SAMABAY_TEST_POSTGRES_URL', 'fault (d): the broker is stopped and restarted while commands flow', () => {
  describeIfKafka('against PostgreSQL and a broker of its own', () => {
    let broker: OwnBroker | undefined;
    let environment: FaultEnvironment;

    beforeAll(async () => {
      broker = await OwnBroker.onFreePorts();
      await broker.start();
      environment = await FaultEnvironment.create({ tag: 'fault-broker', brokers: broker.brokers });
    }, 150_000);

    afterAll(async () => {
      await environment?.dispose();
      await broker?.destroy();
    }, 120_000);

    it('the relay and the projector resume by themselves: the read models equal the fold of $all, 0 missing, 0 applied twice', async () => {
      const own = broker as OwnBroker;
      // Supervised, as in the single-server topology: a process that exits on its own (the projector
      // when its consumer gives up, either one when the broker is down at start) is started again.
      const projector = environment.projector({ supervise: true });
      await projector.start();
      await environment.installApplicationAudit();
      const relay = environment.relay({ supervise: true });
      await relay.start();

      const driver = new CommandDriver({ membership: environment.membership, commands: FLOW_CAP, ratePerSecond: 40, keyPrefix: environment.names.service, seed: 44 });
      driver.start();
      await environment.waitFor(async () => (await environment.appliedCount()) >= 40, 'the projector to apply 40 events', 30_000);
      const phases: string[] = [];
      const phase = (name: string, since: number) => phases.push(`${name} ${Date.now() - since} ms`);
      const stoppingAt = Date.now();
      await own.stop();
      phase('broker stop', stoppingAt);
      const acceptedAtStop = driver.accepted;
      // Commands keep being accepted with the broker down (the store is the source of truth).
      await driver.waitForAccepted(acceptedAtStop + 60);
      const appliedAtRestart = await environment.appliedCount();
      const checkpointAtRestart = BigInt((await environment.relayCheckpoint()) ?? '0');
      const startingAt = Date.now();
      await own.start();
      phase('broker start', startingAt);
      const restartedAt = Date.now();
      await environment.waitFor(async () => BigInt((await environment.relayCheckpoint()) ?? '0') > checkpointAtRestart, 'the relay to publish again', 90_000, 50);
      const relayResumedMs = Date.now() - restartedAt;
      phase('relay resumed', restartedAt);
      await environment.waitFor(async () => (await environment.appliedCount()) > appliedAtRestart, 'the projector to apply again', 90_000, 50);
      const projectorResumedMs = Date.now() - restartedAt;
      phase('projector resumed', restartedAt);
      // Progress so far, should a later step fail.
      process.stdout.write(`fault (d) phases: ${phases.join(', ')}; ${driver.accepted} commands accepted\n`);
      const acceptedAtResume = driver.accepted;
      await driver.waitForAccepted(acceptedAtResume + 40);
      const summary = await driver.stop();
      expect(summary.accepted).toBeLessThan(FLOW_CAP);

      const { expected, actual, report } = await environment.converge(120_000);
      const convergedMs = Date.now() - restartedAt;
      expect(report).toEqual(EXACTLY_ONCE);
      expect(actual).toEqual({ members: expected.members, summaries: expected.summaries });
      process.stdout.write(
        `fault (d): ${summary.accepted} commands, ${expected.members.length} members; broker stopped after ${acceptedAtStop} commands; ` +
          `${phases[0]}, ${phases[1]}; after the broker answered again the relay published in ${relayResumedMs} ms, the projector applied in ${projectorResumedMs} ms, the read models converged in ${convergedMs} ms; ` +
          `relay starts ${relay.starts} (failed publishes logged: ${relay.countLines('relay failed')}), projector starts ${projector.starts} (exits of its own, restarted by the supervisor: ${projector.supervisedRestarts}${projectorStops(projector)}; group rejoins after a refused commit: ${projector.countLines('offset commit refused')})\n`,
      );
    }, 240_000);
  });
});
