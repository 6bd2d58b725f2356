/** @samabay/personal-data — per-subject encryption of personal data with crypto-shredding (DESIGN §7). */
export * from './personal-data-vault';
export * from './personal-data-error';
export { parseMasterKey, KEY_BYTES } from './master-key';
export { createSqlPersonalDataVault, MasterKeyMismatchError, type SqlPersonalDataVaultOptions } from './sql-personal-data-vault';
export { FORGOTTEN_MARKER } from './forgotten-marker';
