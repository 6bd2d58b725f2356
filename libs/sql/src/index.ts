/** @samabay/sql: the SQL port and its two adapters (PostgreSQL through pg, embedded PGlite). */
export type { SqlDatabase, SqlExecutor, SqlListener, SqlResult } from './sql-database';
export { quoteIdentifier } from './sql-database';
export { SqlConnectionError, isConnectionFailure } from './sql-errors';
export { openPostgres, type PostgresOptions } from './postgres-database';
export { openPglite, type PgliteOptions } from './pglite-database';
export { schemaTransaction } from './schema-transaction';
