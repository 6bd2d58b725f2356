// Refusals a mutation answers as data reach the audit trail through recordDomainRefusals: the MIS
// payouts' failures (hard to provoke end to end: a payout account must close between two runs), and
// a refusal log that cannot write leaves the answer unchanged.
import { AuditTrailReader, RefusalLog } from '@samabay/audit-trail';
import type { Actor } from '@samabay/domain-kit';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { createLogger } from '../observability/logger';
import type { GatewayServices } from '../gateway-services';
import type { GraphQLRequestContext } from '../auth/request-actor';
import { TermDepositResolver } from '../graphql/savings/term-deposit.resolver';
import { recordDomainRefusals } from './record-domain-refusals';

const actor: Actor = { userId: 'bm-klg', role: 'branch_manager', branchCode: 'KLG' };
const logger = createLogger('silent');

describe('recordDomainRefusals', () => {
  let db: SqlDatabase;
  let refusals: RefusalLog;
  let reader: AuditTrailReader;

  beforeAll(async () => {
    db = await openPglite();
    refusals = new RefusalLog(db, 'audit_refusals_spec');
    reader = new AuditTrailReader(db, refusals, 'audit_refusals_spec');
  });
  afterAll(async () => db.close());

  it("records each of payMonthlyIncomeDue's failures as a domain refusal, with the branch and the request id", async () => {
    const outcome = {
      branchCode: 'KLG',
      businessDate: '2025-03-31',
      monthsPaid: 1,
      eventsAppended: 2,
      failures: [
        { accountId: 'KLG-000001-MI-01', month: 2, code: 'ACCOUNT_CLOSED' },
        { accountId: 'KLG-000002-MI-01', month: 1, code: 'ACCOUNT_NOT_FOUND' },
      ],
      position: null,
    };
    const services = { logger, savings: { commands: { payMonthlyIncomeDue: async () => outcome } } } as unknown as GatewayServices;
    const resolver = new TermDepositResolver(services, { refusals, reader });
    const context = { req: { id: 'mis-run-1' } } as unknown as GraphQLRequestContext;

    const answer = await resolver.payMonthlyIncomeDue({ idempotencyKey: 'mis-1', businessDate: '2025-03-31', branchCode: 'KLG' }, actor, context);

    expect(answer.failures).toHaveLength(2);
    const entries = (await reader.page({ actor: 'bm-klg' }, 10)).entries;
    expect(entries.map((entry) => [entry.operation, entry.refusedBy, entry.code, entry.field, entry.targetBranchCode, entry.correlationId]).sort()).toEqual([
      ['payMonthlyIncomeDue', 'DOMAIN', 'ACCOUNT_CLOSED', null, 'KLG', 'mis-run-1'],
      ['payMonthlyIncomeDue', 'DOMAIN', 'ACCOUNT_NOT_FOUND', null, 'KLG', 'mis-run-1'],
    ]);
  });

  it('logs a failed write and resolves: the answer does not change', async () => {
    const broken = { recordAll: async () => Promise.reject(new Error('database down')) } as unknown as RefusalLog;
    const errors: unknown[] = [];
    const spy = { error: (details: unknown) => errors.push(details) } as unknown as typeof logger;
    await expect(recordDomainRefusals(broken, spy, { operation: 'importMembers', actor, requestId: 'r-1' }, [{ code: 'EMPTY_NAME', field: 'personal.fullName' }])).resolves.toBeUndefined();
    expect(errors).toEqual([{ errorName: 'Error', component: 'audit-trail', refusals: 1 }]);
  });
});
