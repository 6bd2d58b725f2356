import { commandTable, runServiceProcess } from '@samabay/service-rpc';
import { createSavings } from './application/create-savings';
import { SAVINGS_COMMAND_NAMES } from './application/savings-command-names';
import { defaultSavingsProducts } from './infrastructure/savings-products-config';
import { defaultWithdrawalApproval } from './infrastructure/withdrawal-approval-config';

/**
 * The savings service as its own process (single-server topology, DESIGN §2): answers the
 * SavingsCommands over `@nestjs/microservices` (TCP; see runServiceProcess for the variables).
 * Member standings and the day-end's account list are read from its read models after waiting for
 * the projector (readModelsCaughtUp).
 */
runServiceProcess('savings', async ({ db, handler, clock, readModelsCaughtUp }) => {
  const savings = createSavings({ handler, db, products: defaultSavingsProducts(), clock, readModelsCaughtUp, withdrawalApproval: defaultWithdrawalApproval() });
  return commandTable(savings.commands, SAVINGS_COMMAND_NAMES);
});
