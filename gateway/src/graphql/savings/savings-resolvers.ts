import { CollectionsResolver } from './collections.resolver';
import { ImportOpeningBalancesResolver } from './import-opening-balances.resolver';
import { RecurringDepositResolver } from './recurring-deposit.resolver';
import { SavingsAccountResolver } from './savings-account.resolver';
import { SavingsDayEndResolver } from './savings-day-end.resolver';
import { SavingsQueriesResolver } from './savings-queries.resolver';
import { TermDepositResolver } from './term-deposit.resolver';

/** Every resolver of the savings service's GraphQL operations (issue 4), for the AppModule's providers. */
export const SAVINGS_RESOLVERS = [
  SavingsQueriesResolver,
  SavingsAccountResolver,
  RecurringDepositResolver,
  CollectionsResolver,
  SavingsDayEndResolver,
  ImportOpeningBalancesResolver,
  TermDepositResolver,
] as const;
