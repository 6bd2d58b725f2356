import type { CommandContext } from '@samabay/domain-kit';
import { commandTable, runServiceProcess } from '@samabay/service-rpc';
import { createLending } from './application/create-lending';
import { LENDING_COMMAND_NAMES, LENDING_DAY_END_COMMAND } from './application/lending-command-names';
import { defaultLoanProducts } from './infrastructure/loan-products-config';

/**
 * The lending service as its own process (single-server topology, DESIGN §2): answers the
 * LendingCommands and the branch day-end (LENDING_DAY_END_COMMAND) over `@nestjs/microservices`
 * (TCP; see runServiceProcess for the variables). Eligibility facts and the day-end's loans are read
 * from its read models after waiting for the projector (readModelsCaughtUp).
 */
runServiceProcess('lending', async ({ db, handler, clock, readModelsCaughtUp }) => {
  const lending = createLending({ handler, db, products: defaultLoanProducts(), clock, readModelsCaughtUp });
  return {
    ...commandTable(lending.commands, LENDING_COMMAND_NAMES),
    [LENDING_DAY_END_COMMAND]: (input: unknown, context: unknown) => lending.runDayEnd(input as { branchCode: string }, context as CommandContext),
  };
});
