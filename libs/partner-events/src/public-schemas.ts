import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertSupportedSchema, validate, type JsonSchema } from './json-schema';
import { PUBLIC_EVENT_NAMES, PUBLIC_SCHEMA_VERSION, type PublicEventName } from './public-event-names';

/** Folder of the checked-in JSON Schemas (libs/partner-events/schemas; the build copies it beside dist). */
export const SCHEMAS_DIR = path.resolve(__dirname, '..', 'schemas');

/** File name of a public event's current schema, e.g. `deposit-recorded.v1.schema.json`. */
export function schemaFileName(name: PublicEventName): string {
  return `${name}.v${PUBLIC_SCHEMA_VERSION}.schema.json`;
}

/** Reads and checks one schema file. @throws Error for an unreadable file or a keyword outside the supported subset. */
export function loadSchemaFile(filePath: string): JsonSchema {
  const raw: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
  assertSupportedSchema(raw, filePath);
  return raw;
}

/** The current schema of every public event, from {@link SCHEMAS_DIR}. @throws Error as {@link loadSchemaFile}. */
export function loadPublicSchemas(dir = SCHEMAS_DIR): ReadonlyMap<PublicEventName, JsonSchema> {
  return new Map(PUBLIC_EVENT_NAMES.map((name) => [name, loadSchemaFile(path.join(dir, schemaFileName(name)))]));
}

/** Violations of the public event `name`'s schema by `message`; empty when valid. */
export function validatePublicMessage(schemas: ReadonlyMap<PublicEventName, JsonSchema>, name: PublicEventName, message: unknown): string[] {
  const schema = schemas.get(name);
  if (!schema) return [`no schema for ${name}`];
  return validate(schema, message);
}
