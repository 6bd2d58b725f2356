import { randomBytes } from 'node:crypto';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';

/** A fresh schema name: `<prefix>_<12 hex chars>` (lower-case, a valid identifier). Default prefix 't'. */
export function randomSchemaName(prefix = 't'): string {
  return quoteIdentifier(`${prefix}_${randomBytes(6).toString('hex')}`).slice(1, -1);
}

/** Drops a schema and everything in it, if it exists. */
export async function dropSchema(db: SqlExecutor, schema: string): Promise<void> {
  await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
}
