/**
 * `npm run bench`: every benchmark in turn, printing numbers (never asserting on time).
 * Arguments are passed to each (e.g. `npm run bench -- --postgres postgres://postgres@127.0.0.1:5432/test`).
 */
import { main as eventStoreBench } from './event-store.bench';
import { main as importBench } from './import.bench';
import { main as savingsBench } from './savings.bench';
import { main as snapshotBench } from './snapshot.bench';
import { main as lendingBench } from './lending.bench';
import { main as termDepositsBench } from './term-deposits.bench';
import { main as kafkaBench } from './kafka.bench';
import { main as partnerEventsBench } from './partner-events.bench';
import { main as authBench } from './auth.bench';
import { main as singleServerBench } from './single-server.bench';
import { main as auditTrailBench } from './audit-trail.bench';

async function runAll(argv: readonly string[]): Promise<void> {
  await eventStoreBench(argv);
  await importBench(argv);
  await savingsBench(argv);
  await termDepositsBench(argv);
  await snapshotBench(argv);
  await lendingBench(argv);
  await kafkaBench(argv);
  await partnerEventsBench(argv);
  await authBench();
  await singleServerBench(argv);
  await auditTrailBench();
}

runAll(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
