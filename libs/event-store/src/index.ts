/** @samabay/event-store: the event store port (DESIGN §3), its errors and the SQL adapter (PostgreSQL, PGlite). */
export * from './event-store';
export * from './errors';
export { createSqlEventStore, DEFAULT_MAX_EVENT_BYTES, type SqlEventStoreOptions } from './sql-event-store';
export type { BeforeCommitHook } from './append';
