/**
 * A small validator for the subset of JSON Schema (draft 2020-12) that the public schemas use:
 * `type` (one name), `properties`, `required`, `additionalProperties` (boolean), `enum`, `const`,
 * `pattern`, `minimum`, `maximum`, `minLength`, `maxLength`, plus the annotations `$schema`, `$id`,
 * `title`, `description`, `examples`. Any other keyword is refused when the schema is loaded, so a
 * constraint is never silently ignored (written here rather than adding a validator dependency).
 */
export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly type?: 'object' | 'string' | 'integer' | 'number' | 'boolean';
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly (string | number)[];
  readonly const?: string | number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

const KEYWORDS = new Set([
  '$schema', '$id', 'title', 'description', 'examples', 'type', 'properties', 'required', 'additionalProperties',
  'enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength',
]);
const TYPES = new Set(['object', 'string', 'integer', 'number', 'boolean']);

/** @throws Error naming the path of the first keyword or value outside the supported subset. */
export function assertSupportedSchema(schema: unknown, path = '#'): asserts schema is JsonSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`${path}: a schema must be an object`);
  for (const [keyword, value] of Object.entries(schema)) {
    if (!KEYWORDS.has(keyword)) throw new Error(`${path}: unsupported JSON Schema keyword "${keyword}"`);
    if (keyword === 'type' && !TYPES.has(value as string)) throw new Error(`${path}: unsupported type ${JSON.stringify(value)}`);
    if (keyword === 'properties') {
      for (const [name, child] of Object.entries(value as object)) assertSupportedSchema(child, `${path}/properties/${name}`);
    }
    if (keyword === 'pattern') new RegExp(value as string, 'u');
  }
}

/** Every violation of `schema` by `value`, as "<path>: <problem>" lines; empty when valid. */
export function validate(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  if (schema.const !== undefined && value !== schema.const) problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (schema.enum !== undefined && !schema.enum.includes(value as string | number)) problems.push(`${path}: must be one of ${schema.enum.join(', ')}`);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...problems, `${path}: must be an object`];
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${path}: lacks required property "${name}"`);
      for (const [name, child] of Object.entries(record)) {
        const propertySchema = schema.properties?.[name];
        if (propertySchema) problems.push(...validate(propertySchema, child, `${path}.${name}`));
        else if (schema.additionalProperties === false) problems.push(`${path}: property "${name}" is not allowed`);
      }
      return problems;
    }
    case 'string':
      if (typeof value !== 'string') return [...problems, `${path}: must be a string`];
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
      if (schema.minLength !== undefined && [...value].length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength) problems.push(`${path}: longer than ${schema.maxLength}`);
      return problems;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isSafeInteger(value))) return [...problems, `${path}: must be ${schema.type === 'integer' ? 'a safe integer' : 'a number'}`];
      if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
      return problems;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: must be a boolean`);
      return problems;
    default:
      return problems;
  }
}
