import { createSqlEventStore } from '@samabay/event-store';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { dropSchema, randomSchemaName } from '../support';
import { describeEventStoreContract } from './event-store.contract';
import { describeSqlDatabaseContract, expectClosedDatabaseFails } from './sql-database.contract';
import { describeSqlEventStoreSpecifics, expectUnavailableAfterClose } from './sql-event-store.specifics';

// PGlite takes seconds to start: one in-memory instance for the file, one schema per test.
let db: SqlDatabase;
beforeAll(async () => {
  db = await openPglite();
});
afterAll(async () => {
  await db?.close();
});

describeEventStoreContract('PGlite (in-memory)', async (options) => {
  const schema = randomSchemaName('es_contract');
  const store = await createSqlEventStore({ db, schema, pollIntervalMs: 50, beforeCommit: options?.beforeCommit });
  return { store, serialisesTransactions: true, cleanup: () => dropSchema(db, schema) };
});
describeSqlDatabaseContract('PGlite (in-memory)', () => db);
describeSqlEventStoreSpecifics('PGlite (in-memory)', () => db);

// Jest runs a file's tests in order: this closes the shared instance, so it must stay last.
describe('PGlite after close', () => {
  it('fails every event-store call with EventStoreUnavailableError and every query with SqlConnectionError', async () => {
    await expectUnavailableAfterClose(db);
    await expectClosedDatabaseFails(db);
  });
});
