import { ImportMembersResolver } from '../graphql/resolvers/import-members.resolver';
import { LendingDecisionsResolver } from '../graphql/resolvers/lending-decisions.resolver';
import { LendingMutationsResolver } from '../graphql/resolvers/lending-mutations.resolver';
import { LendingQueriesResolver } from '../graphql/resolvers/lending-queries.resolver';
import { MembershipMutationsResolver } from '../graphql/resolvers/membership-mutations.resolver';
import { MembershipQueriesResolver } from '../graphql/resolvers/membership-queries.resolver';
import { SAVINGS_RESOLVERS } from '../graphql/savings/savings-resolvers';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../observability/metrics.controller';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';

/** @nestjs/graphql marks Query/Mutation handlers with this metadata key. */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

const resolvers = [MembershipQueriesResolver, MembershipMutationsResolver, ImportMembersResolver, LendingQueriesResolver, LendingMutationsResolver, LendingDecisionsResolver, ...SAVINGS_RESOLVERS];

/** Every Query/Mutation handler of the gateway, as [resolver class name, method name, handler]. */
const operations = resolvers.flatMap((resolver) =>
  Object.getOwnPropertyNames(resolver.prototype)
    .map((name) => [resolver.name, name, (resolver.prototype as unknown as Record<string, object>)[name]] as const)
    .filter(([, name, handler]) => name !== 'constructor' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) !== undefined),
);

describe('access policy coverage', () => {
  it('finds the GraphQL operations of the contract', () => {
    expect(operations.map(([, name]) => name).sort()).toEqual(
      [
        'admitMember',
        'branchSummaries',
        'changeNominee',
        'exitMember',
        'importMembers',
        'member',
        'members',
        'openBranch',
        'purchaseShares',
        ...['applyForLoan', 'appraiseLoan', 'approveLoan', 'disburseLoan', 'recordRepayment', 'rescheduleLoan', 'requestLoanWriteOff', 'writeOffLoan', 'markLoanAsLoss', 'closeLoan', 'runLoanDayEnd'],
        ...['openSavingsAccount', 'deposit', 'withdraw', 'closeSavingsAccount', 'reactivateSavingsAccount', 'transferBetweenOwnAccounts'],
        ...['openRecurringDeposit', 'payRecurringDepositInstalment', 'payRecurringDepositFine', 'closeRecurringDeposit'],
        ...['recordCollection', 'verifyCollection', 'disputeCollection', 'runSavingsDayEnd', 'importOpeningBalances'],
        ...['savingsAccount', 'memberSavings', 'passbook', 'savingsCashBook', 'memberInterestPaid', 'branchInterestPaid', 'agentDailySheet', 'savingsBranchTotals', 'savingsDayEndStatus'],
        ...['loan', 'memberLoans', 'branchPortfolio', 'collectionSheet', 'loanForeclosureQuote', 'loanDayEndStatus'],
        ...['rejectLoan', 'withdrawLoanApplication', 'loanProducts'],
        ...['openFixedDeposit', 'closeFixedDeposit', 'openMonthlyIncomeDeposit', 'closeMonthlyIncomeDeposit', 'payMonthlyIncomeDue'],
      ].sort(),
    );
  });

  it.each(operations)('%s.%s declares a non-public policy that excludes partners', (_resolver, _name, handler) => {
    const policy = Reflect.getMetadata(ACCESS_POLICY, handler) as AccessPolicy | undefined;
    expect(policy).toBeDefined();
    expect(policy!.public).toBeFalsy();
    expect(policy!.roles).not.toContain('partner');
  });

  it('keeps only health and metrics public', () => {
    expect((Reflect.getMetadata(ACCESS_POLICY, HealthController.prototype.check) as AccessPolicy).public).toBe(true);
    expect((Reflect.getMetadata(ACCESS_POLICY, MetricsController.prototype.metrics) as AccessPolicy).public).toBe(true);
  });

  it('lets only branch managers and head office approve loans, reschedule them or write them off', () => {
    const checkers = ['approveLoan', 'rescheduleLoan', 'requestLoanWriteOff', 'writeOffLoan'].map(
      (name) => (Reflect.getMetadata(ACCESS_POLICY, (LendingMutationsResolver.prototype as unknown as Record<string, object>)[name]) as AccessPolicy).roles,
    );
    for (const roles of checkers) expect([...roles].sort()).toEqual(['branch_manager', 'head_office']);
  });
});
