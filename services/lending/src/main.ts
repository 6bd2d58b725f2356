import type { CommandContext } from '@samabay/domain-kit';
import { ProcessManagerRunner } from '@samabay/projections';
import { CommandClient, commandTable, rpcEndpointFromEnv, runServiceProcess } from '@samabay/service-rpc';
import { createLending } from './application/create-lending';
import { LENDING_COMMAND_NAMES, LENDING_DAY_END_COMMAND } from './application/lending-command-names';
import { LoanDisbursementProcess, type SavingsLoanCredit } from './application/loan-disbursement-process';
import { defaultLoanProducts } from './infrastructure/loan-products-config';

/**
 * Attempts at one disbursement event before the process manager runner stops as failed. Each failed
 * attempt doubles the pause (at most 5 s), so about a minute and a half of a savings service that
 * does not answer (a restart) is waited out before an operator is needed.
 */
const DISBURSEMENT_MAX_ATTEMPTS = 20;

/**
 * The lending service as its own process (single-server topology, DESIGN §2): answers the
 * LendingCommands and the branch day-end (LENDING_DAY_END_COMMAND) over `@nestjs/microservices`
 * (TCP; see runServiceProcess for the variables). Eligibility facts and the day-end's loans are read
 * from its read models after waiting for the projector (readModelsCaughtUp).
 * It also runs the loan disbursement process manager (the only process that does, so each
 * disbursement is credited once) off the event store's subscription: a LoanDisbursementRequested
 * is credited by sending `creditLoanDisbursement` to the savings service over TCP (its endpoint:
 * SAMABAY_SAVINGS_RPC_HOST / _PORT), then confirmed or failed on the loan. A savings service that
 * does not answer is retried (the runner's backoff), never taken as a refusal.
 */
runServiceProcess('lending', async ({ db, store, handler, clock, logger, readModelsCaughtUp, onStop }) => {
  const lending = createLending({ handler, db, products: defaultLoanProducts(), clock, readModelsCaughtUp });
  const savings = new CommandClient(rpcEndpointFromEnv('savings'));
  onStop(() => savings.close());
  const disbursement = new LoanDisbursementProcess(lending.commands, savings.commandsOf<SavingsLoanCredit>(['creditLoanDisbursement']));
  const processes = new ProcessManagerRunner({ db, store, managers: [disbursement], maxAttempts: DISBURSEMENT_MAX_ATTEMPTS, logger: logger.child({ component: 'process-managers' }) });
  await processes.start();
  onStop(() => processes.stop());
  return {
    ...commandTable(lending.commands, LENDING_COMMAND_NAMES),
    [LENDING_DAY_END_COMMAND]: (input: unknown, context: unknown) => lending.runDayEnd(input as { branchCode: string }, context as CommandContext),
  };
});
