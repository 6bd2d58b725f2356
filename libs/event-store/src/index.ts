/**
 * @samabay/event-store: the SQL adapter (PostgreSQL, PGlite) of the event store port (DESIGN §3).
 * The port itself — its types, positions and typed errors — lives in @samabay/domain-kit, so that
 * the command path depends on no database; it is re-exported here for the adapter's users.
 */
export {
  comparePositions,
  formatPosition,
  parsePosition,
  DuplicateEventIdError,
  EventStoreError,
  EventStoreUnavailableError,
  EventTooLargeError,
  InvalidAppendError,
  InvalidReadError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendResult,
  type StreamRead,
  type SubscribeToAllOptions,
} from '@samabay/domain-kit';
export { createSqlEventStore, DEFAULT_MAX_EVENT_BYTES, type SqlEventStoreOptions } from './sql-event-store';
export type { BeforeCommitHook } from './append';
