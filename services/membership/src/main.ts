import { DomainError } from '@samabay/domain-kit';
import { createSqlPersonalDataVault, parseMasterKey } from '@samabay/personal-data';
import { commandTable, RpcConfigError, runServiceProcess } from '@samabay/service-rpc';
import { MEMBERSHIP_COMMAND_NAMES } from './application/membership-command-names';
import { createMembership } from './application/create-membership';
import { defaultMembershipProducts } from './infrastructure/membership-products-config';

/**
 * The membership service as its own process (single-server topology, DESIGN §2): answers the
 * MembershipCommands over `@nestjs/microservices` (TCP; see runServiceProcess for the variables).
 * It seals personal data with the vault (SAMABAY_MASTER_KEY, required) before anything is
 * appended, so only sealed data reaches the store and Kafka. Open loans that block an exit are
 * read from its projection after waiting for the projector (readModelsCaughtUp).
 */
runServiceProcess('membership', async ({ config, db, handler, clock, readModelsCaughtUp }) => {
  if (!config.masterKeyText) throw new RpcConfigError('SAMABAY_MASTER_KEY: required by the membership service (base64 of 32 bytes; it seals personal data)');
  let masterKey: Buffer;
  try {
    masterKey = parseMasterKey(config.masterKeyText);
  } catch (error) {
    throw new RpcConfigError(`SAMABAY_MASTER_KEY: ${error instanceof DomainError || error instanceof Error ? error.message : 'invalid'}`);
  }
  const vault = await createSqlPersonalDataVault({ db, masterKey });
  const membership = createMembership({ handler, vault, db, products: defaultMembershipProducts(), clock, readModelsCaughtUp });
  return commandTable(membership.commands, MEMBERSHIP_COMMAND_NAMES);
});
