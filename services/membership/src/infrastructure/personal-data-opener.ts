import type { PersonalData, PersonalDataVault, SealedPersonalData } from '@samabay/personal-data';
import type { SqlExecutor } from '@samabay/sql';

/**
 * Opens sealed personal data from inside a projection's transaction (`tx`): 'forgotten' when the
 * member's key was deleted. Throws PersonalDataError NO_DATA_KEY / SEALED_DATA_INVALID.
 *
 * Why the transaction is passed: the projection runner applies events inside a transaction, and
 * PGlite has a single connection, so a vault that reads the data key through its own `db` while
 * that transaction is open waits for it forever (deadlock). The key must be read through `tx`.
 */
export type PersonalDataOpener = (subjectId: string, sealed: SealedPersonalData, tx: SqlExecutor) => Promise<PersonalData | 'forgotten'>;

/** A vault whose `open` can read the data key through a given executor (the proposed extension of PersonalDataVault). */
interface VaultOpeningWithin {
  open(subjectId: string, sealed: SealedPersonalData, options?: { readonly executor?: SqlExecutor }): Promise<PersonalData | 'forgotten'>;
}

/**
 * The opener over the shared vault. It passes `{ executor: tx }` so that a vault reading its key
 * table through the caller's transaction never deadlocks on PGlite; a vault that ignores the option
 * reads through its own connection, which is fine on PostgreSQL and on PGlite only while the key is
 * in the vault's memory cache (see the membership report: the vault should honour `executor`).
 */
export function vaultOpener(vault: PersonalDataVault): PersonalDataOpener {
  const within = vault as unknown as VaultOpeningWithin;
  return (subjectId, sealed, tx) => within.open(subjectId, sealed, { executor: tx });
}
