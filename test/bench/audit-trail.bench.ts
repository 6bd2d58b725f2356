/**
 * `node dist/test/bench/audit-trail.bench.js` (also part of `npm run bench`): what the audit trail
 * costs. The accepted-commands projection folding events, one refusal write (the cost the guard adds
 * to a refused request), and `auditTrail` pages over a trail of ACCEPTED + REFUSED rows on PGlite
 * in memory: the first page, a filtered page, and a page deep in the trail by cursor. Prints
 * numbers; asserts nothing.
 */
import { AuditTrailReader, CommandAuditProjection, RefusalLog } from '@samabay/audit-trail';
import type { RecordedEvent } from '@samabay/event-store';
import { openPglite } from '@samabay/sql';

const ACCEPTED = 50_000;
const REFUSED = 10_000;
const PAGES = 50;

export async function main(): Promise<void> {
  console.log(`audit trail benchmark: Node ${process.version}, PGlite in memory`);
  const db = await openPglite();
  try {
    const projection = new CommandAuditProjection('audit_bench');
    const start = Date.parse('2025-04-01T00:00:00Z');
    let begin = performance.now();
    await db.transaction(async (tx) => {
      await projection.setup(tx);
      for (let index = 0; index < ACCEPTED; index++) {
        const occurredAt = new Date(start + index * 1_000).toISOString();
        const event = {
          streamId: `savingsAccount-SNG-S-${index % 5_000}`,
          revision: Math.floor(index / 5_000),
          type: 'DepositRecorded',
          data: {},
          metadata: { actor: `teller-${index % 40}`, actorRole: 'teller', branchCode: ['SNG', 'KLG', 'DHT'][index % 3], correlationId: `corr-${index}`, occurredAt, businessDate: '2025-04-01', idempotencyKey: `key-${index}` },
          recordedAt: new Date(occurredAt),
        } as unknown as RecordedEvent;
        await projection.apply(event, tx);
      }
    });
    let elapsed = performance.now() - begin;
    console.log(`\nprojection: ${ACCEPTED} commands folded in one transaction: ${((elapsed * 1000) / ACCEPTED).toFixed(1)} µs/event`);

    let now = start;
    const refusals = new RefusalLog(db, 'audit_bench', () => new Date((now += 5_000)));
    await refusals.setup();
    begin = performance.now();
    for (let index = 0; index < REFUSED; index++) {
      await refusals.record({ operation: 'purchaseShares', actor: { userId: `teller-${index % 40}`, role: 'teller', branchCode: 'KLG' }, refusedBy: 'ACCESS_POLICY', code: 'FORBIDDEN', targetBranchCode: 'SNG', correlationId: `req-${index}` });
    }
    elapsed = performance.now() - begin;
    console.log(`refusal log: ${REFUSED} refusals, one write each (the guard's added cost): ${((elapsed * 1000) / REFUSED).toFixed(1)} µs/refusal`);

    const reader = new AuditTrailReader(db, refusals, 'audit_bench');
    const time = async (label: string, read: () => Promise<unknown>) => {
      await read();
      const started = performance.now();
      for (let index = 0; index < PAGES; index++) await read();
      console.log(`  ${label.padEnd(52)} ${((performance.now() - started) / PAGES).toFixed(2).padStart(8)} ms/page`);
    };
    console.log(`\nauditTrail pages of 100 over ${ACCEPTED + REFUSED} entries, ${PAGES} reads each`);
    await time('first page, no filter', () => reader.page({}, 100));
    await time('one actor, REFUSED only', () => reader.page({ actor: 'teller-7', outcome: 'REFUSED' }, 100));
    await time('one branch, one hour', () => reader.page({ branchCode: 'DHT', from: new Date(start + 3_600_000 * 5), to: new Date(start + 3_600_000 * 6) }, 100));
    const deep = (await reader.page({}, 500)).endCursor;
    let cursor = deep;
    for (let index = 0; index < 60; index++) cursor = (await reader.page({}, 500, cursor)).endCursor;
    await time('by cursor, ~30,000 entries in', () => reader.page({}, 100, cursor));
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
