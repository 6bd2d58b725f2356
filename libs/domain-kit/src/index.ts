/**
 * @samabay/domain-kit — deciders, the command path with the ports it needs (event store, idempotency
 * records, snapshots) and the small domain helpers (DESIGN §3–§5, §9). Pure: it loads no database,
 * framework or broker (tools/domain-purity.spec.ts); the SQL adapters are @samabay/event-store and
 * @samabay/command-stores.
 */
export * from './decider';
export * from './command-context';
export * from './domain-error';
export * from './command-accepted';
export * from './command-handler';
export * from './validate-command-context';
export * from './event-store';
export * from './event-store-errors';
export * from './idempotency-store';
export * from './snapshot-store';
export * from './given-when-then';
export * from './money';
export * from './business-date';
export * from './effective-dated';
export * from './canonical-json';
export * from './command-hash';
export * from './deterministic-event-id';
export * from './lru-cache';
export * from './testing/in-memory-event-store';
export * from './testing/in-memory-idempotency-store';
export * from './testing/in-memory-snapshot-store';
