import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertSupportedSchema, validate, type JsonSchema } from './json-schema';
import { partnerKey } from './partner-key';
import { PUBLIC_EVENT_NAMES, publicTopic } from './public-event-names';
import type { PublicFact } from './public-facts';
import { PublicMessageInvalidError, publicMessage } from './public-message';
import { loadPublicSchemas, loadSchemaFile, SCHEMAS_DIR, schemaFileName } from './public-schemas';
import { breakingChanges } from './schema-compatibility';

const RELEASED_DIR = path.join(SCHEMAS_DIR, 'released');
const schemas = loadPublicSchemas();

/** Property names that would carry personal data or identifiers that point at a person. */
const FORBIDDEN_PROPERTY = /name|phone|mobile|locality|address|birth|dob|nominee|relation|narration|note|comment|remark|memberNo|accountId|loanId|actor|staff|guarantor|personal|day|^date$/i;

describe('public JSON Schemas', () => {
  it.each(PUBLIC_EVENT_NAMES)('%s stays backward compatible with the released v1 schema', (name) => {
    const released = loadSchemaFile(path.join(RELEASED_DIR, schemaFileName(name)));
    expect(breakingChanges(released, schemas.get(name) as JsonSchema)).toEqual([]);
  });

  it.each(PUBLIC_EVENT_NAMES)('%s is closed, requires every property and names no personal field', (name) => {
    const schema = schemas.get(name) as JsonSchema;
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    const properties = Object.keys(schema.properties ?? {});
    expect([...(schema.required ?? [])].sort()).toEqual([...properties].sort());
    expect(properties.filter((property) => FORBIDDEN_PROPERTY.test(property))).toEqual([]);
    expect(schema.properties?.memberId?.pattern).toBe('^m_[0-9a-f]{32}$');
    expect(schema.properties?.month?.pattern).toBe('^[0-9]{4}-(0[1-9]|1[0-2])$');
    expect(schema.properties?.eventType?.const).toBe(name);
    for (const [property, child] of Object.entries(schema.properties ?? {})) {
      // Free text is impossible: every string is a const, an enum or a pattern.
      if (child.type === 'string') expect({ property, constrained: child.const !== undefined || child.enum !== undefined || child.pattern !== undefined }).toEqual({ property, constrained: true });
    }
  });
});

describe('breakingChanges (the compatibility rule of the public topics)', () => {
  const base = loadSchemaFile(path.join(RELEASED_DIR, 'loan-repaid.v1.schema.json'));
  const change = (edit: (schema: Record<string, any>) => void): JsonSchema => {
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, any>;
    edit(copy);
    return copy as JsonSchema;
  };

  it.each<[string, (schema: Record<string, any>) => void, RegExp]>([
    ['removing a property', (s) => delete s.properties.interestPaidPaise, /property "interestPaidPaise" removed/],
    ['no longer requiring one', (s) => (s.required = s.required.filter((name: string) => name !== 'purpose')), /"purpose" is no longer required/],
    ['changing a type', (s) => (s.properties.amountPaise.type = 'string'), /\$\.amountPaise: type changed/],
    ['adding an enum value', (s) => s.properties.purpose.enum.push('TRAVEL'), /enum gained TRAVEL/],
    ['adding a property to a closed schema', (s) => (s.properties.village = { type: 'string', pattern: '^.*$' }), /property "village" added/],
    ['loosening a pattern', (s) => (s.properties.month.pattern = '^.*$'), /\$\.month: pattern changed/],
    ['opening the schema', (s) => (s.additionalProperties = true), /additionalProperties turned on/],
  ])('flags %s', (_name, edit, expected) => {
    const breaks = breakingChanges(base, change(edit));
    expect(breaks.join('\n')).toMatch(expected);
  });

  it('accepts annotation changes and a narrower enum', () => {
    expect(breakingChanges(base, change((s) => (s.description = 'reworded')))).toEqual([]);
    expect(breakingChanges(base, change((s) => (s.properties.purpose.enum = ['MEDICAL'])))).toEqual([]);
  });
});

describe('the JSON Schema subset validator', () => {
  it('refuses a keyword it does not implement, so no constraint is silently ignored', () => {
    expect(() => assertSupportedSchema({ type: 'string', format: 'date' })).toThrow('unsupported JSON Schema keyword "format"');
    expect(() => assertSupportedSchema({ type: 'object', properties: { a: { oneOf: [] } } })).toThrow('#/properties/a: unsupported JSON Schema keyword "oneOf"');
  });

  it('reports every violation by path', () => {
    const schema = schemas.get('deposit-recorded') as JsonSchema;
    expect(validate(schema, { schemaVersion: 2, eventType: 'deposit-recorded', memberId: 'SNG-000001', branchCode: 'SNG', month: '2024-13', product: 'GOLD', amountPaise: 1.5, fullName: 'x' })).toEqual(
      expect.arrayContaining([
        '$: lacks required property "eventId"',
        '$.schemaVersion: must be 1',
        '$.memberId: does not match ^m_[0-9a-f]{32}$',
        '$.month: does not match ^[0-9]{4}-(0[1-9]|1[0-2])$',
        '$.product: must be one of SAVINGS_DEPOSIT, THRIFT_FUND, RECURRING_DEPOSIT, FIXED_DEPOSIT, MONTHLY_INCOME',
        '$.amountPaise: must be a safe integer',
        '$: property "fullName" is not allowed',
      ]),
    );
  });
});

describe('publicMessage', () => {
  const partner = partnerKey('ngo-a', Buffer.alloc(32, 7));
  const fact: PublicFact = { name: 'deposit-recorded', memberNo: 'SNG-000042', internalEventId: 'e1', fields: { branchCode: 'SNG', month: '2024-03', product: 'SAVINGS_DEPOSIT', amountPaise: 50_000 } };

  it('builds a schema-valid message on the partner topic, keyed by the pseudonym, with no internal ids in headers', () => {
    const message = publicMessage(partner, fact, schemas);
    expect(message.topic).toBe(publicTopic('ngo-a', 'deposit-recorded'));
    const body = JSON.parse(message.value as string);
    expect(validate(schemas.get('deposit-recorded') as JsonSchema, body)).toEqual([]);
    expect(message.key).toBe(body.memberId);
    expect(Object.keys(message.headers).sort()).toEqual(['eventId', 'eventType', 'schemaVersion']);
    expect(JSON.stringify(message)).not.toContain('SNG-000042');
  });

  it('refuses to build a message its schema rejects (fails closed), naming fields but no values', () => {
    const leaking: PublicFact = { ...fact, fields: { ...fact.fields, locality: 'Synthetic Lane' } };
    expect(() => publicMessage(partner, leaking, schemas)).toThrow(PublicMessageInvalidError);
    expect(() => publicMessage(partner, leaking, schemas)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('Synthetic Lane') }));
  });
});

describe('the AsyncAPI document', () => {
  const doc = JSON.parse(readFileSync(path.resolve(SCHEMAS_DIR, '..', 'asyncapi.json'), 'utf8')) as {
    asyncapi: string;
    channels: Record<string, { address: string; title: string; messages: Record<string, { $ref: string }> }>;
    components: { messages: Record<string, { name: string; payload: { schema: { $ref: string } } }> };
  };

  it('describes exactly the public topics, each with its checked-in schema as payload', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const channels = Object.values(doc.channels);
    expect(channels.map((channel) => channel.address).sort()).toEqual(PUBLIC_EVENT_NAMES.map((name) => publicTopic('partnerid', name).replace('partnerid', '{partnerId}')).sort());
    for (const name of PUBLIC_EVENT_NAMES) {
      const message = Object.values(doc.components.messages).find((candidate) => candidate.name === name);
      expect(message?.payload.schema.$ref).toBe(`./schemas/${schemaFileName(name)}`);
      expect(loadSchemaFile(path.resolve(SCHEMAS_DIR, '..', message!.payload.schema.$ref))).toEqual(schemas.get(name));
    }
  });
});
