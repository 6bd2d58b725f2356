/**
 * @samabay/command-stores — the SQL adapters (PostgreSQL, PGlite) of the command path's ports that
 * live in @samabay/domain-kit: idempotency records and aggregate snapshots (DESIGN §4, §5).
 */
export * from './sql-idempotency-store';
export * from './sql-snapshot-store';
