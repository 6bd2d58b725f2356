// Every operation and every personal-data field of the schema the gateway really serves declares
// its access policy (issue 6 item 2). The schema and the resolver instances come from the Nest
// application itself, so a resolver added to the AppModule is checked without touching this file.
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isInterfaceType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { Registry } from 'prom-client';
import { AppModule } from '../app.module';
import { inMemoryConfig } from '../config';
import type { GatewayServices } from '../gateway-services';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../observability/metrics.controller';
import { createLogger } from '../observability/logger';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import { PERSONAL_DATA_EXTENSION, PersonalDataPolicies } from './personal-data-policies';

/** @nestjs/graphql marks Query/Mutation/Subscription handlers with these metadata keys. */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';

/**
 * Field names that hold (or may hold) personal data of members (DESIGN §7: name, phone, address, date
 * of birth, nominee, free text). A field of the schema matching this must declare `@PersonalData`,
 * or be listed in NOT_PERSONAL with the reason it is not about a person.
 */
const PERSONAL_FIELD_NAME = /name|phone|mobile|birth|dob|address|locality|nominee|relation|guardian|spouse|father|mother|email|aadhaar|pan\b|note|remark|narration|comment/i;
const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'BranchSummary.name': 'the branch name',
  'LoanProduct.name': 'the name of a loan product from configuration',
  'PassbookEntry.narration': 'a fixed text chosen by the passbook category (e.g. "Cash withdrawal"), never typed by staff',
  'ImportMemberOutcome.field': 'names an input field',
  'AuditEntry.correlationId': 'a request id (matches "relation"), never about a person',
};
/** Fields that identify one member or account: a partner's (aggregates-only) results must hold none. */
const MEMBER_IDENTIFYING = /^(memberNo|accountId|loanId|userId|makerUserId|checkerUserId|cursor)$/;

let app: INestApplication;
let schema: GraphQLSchema;
/** Every operation handler of the application: `${rootType}.${fieldName}` → the handler's policy. */
const handlers = new Map<string, { owner: string; policy: AccessPolicy | undefined }>();

beforeAll(async () => {
  const services = { config: inMemoryConfig(), logger: createLogger('silent'), registry: new Registry() } as unknown as GatewayServices;
  app = await NestFactory.create(AppModule.register(services), { logger: false });
  await app.init();
  schema = app.get(GraphQLSchemaHost).schema;
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype || typeof wrapper.metatype !== 'function') continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, method)?.value;
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const rootType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (!rootType) continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
        const key = `${rootType}.${fieldName}`;
        expect(handlers.has(key)).toBe(false);
        handlers.set(key, { owner: `${wrapper.metatype.name}.${method}`, policy: Reflect.getMetadata(ACCESS_POLICY, handler) as AccessPolicy | undefined });
      }
    }
  }
});

afterAll(async () => app?.close());

function operations(): Array<[string, GraphQLField<unknown, unknown>]> {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
    root ? Object.values(root.getFields()).map((field) => [`${root.name}.${field.name}`, field] as [string, GraphQLField<unknown, unknown>]) : [],
  );
}

/** Every output field reachable from `type`, as [Type.field, field]. */
function reachableFields(type: GraphQLNamedType, seen = new Set<string>()): Array<[string, GraphQLField<unknown, unknown>]> {
  if (seen.has(type.name) || !(isObjectType(type) || isInterfaceType(type))) return [];
  seen.add(type.name);
  return Object.values(type.getFields()).flatMap((field) => [[`${type.name}.${field.name}`, field] as [string, GraphQLField<unknown, unknown>], ...reachableFields(getNamedType(field.type), seen)]);
}

describe('access policy coverage of the served schema', () => {
  it('finds the operations and their handlers', () => {
    expect(operations().length).toBeGreaterThan(50);
    expect(handlers.size).toBe(operations().length);
  });

  it('gives every query, mutation and subscription a handler with a declared, non-public policy', () => {
    const missing = operations()
      .map(([name]) => name)
      .filter((name) => !handlers.get(name)?.policy || handlers.get(name)?.policy?.public);
    expect(missing).toEqual([]);
  });

  it('declares a personal-data policy on every output field that may hold personal data', () => {
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((root) => root?.name));
    const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !roots.has(type.name));
    const undeclared = types
      .flatMap((type) => reachableFields(type).filter(([name]) => name.startsWith(`${type.name}.`)))
      .filter(([name, field]) => PERSONAL_FIELD_NAME.test(field.name) && !(name in NOT_PERSONAL) && field.extensions?.[PERSONAL_DATA_EXTENSION] === undefined)
      .map(([name]) => name);
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it('names only known personal-data policies, and none of them lets partners read', () => {
    const declared = Object.values(schema.getTypeMap())
      .flatMap((type) => reachableFields(type))
      .map(([, field]) => field.extensions?.[PERSONAL_DATA_EXTENSION])
      .filter((key): key is string => typeof key === 'string');
    expect(declared.length).toBeGreaterThanOrEqual(6);
    for (const key of declared) {
      expect(Object.keys(PersonalDataPolicies)).toContain(key);
      expect(PersonalDataPolicies[key as keyof typeof PersonalDataPolicies].roles).not.toContain('partner');
    }
  });

  it('lets partners reach aggregates only: no personal-data or member-identifying field in what they may query, and no mutation', () => {
    const partnerOperations = operations().filter(([name]) => handlers.get(name)?.policy?.roles.includes('partner'));
    expect(partnerOperations.map(([name]) => name)).toEqual(expect.arrayContaining(['Query.branchSummaries']));
    for (const [name, field] of partnerOperations) {
      expect(name.startsWith('Query.')).toBe(true);
      const leaking = reachableFields(getNamedType(field.type)).filter(
        ([, child]) => child.extensions?.[PERSONAL_DATA_EXTENSION] !== undefined || MEMBER_IDENTIFYING.test(child.name),
      );
      expect([name, leaking.map(([childName]) => childName)]).toEqual([name, []]);
    }
  });

  it('lets auditors run no mutation', () => {
    const auditorMutations = operations()
      .filter(([name]) => name.startsWith('Mutation.') && handlers.get(name)?.policy?.roles.includes('auditor'))
      .map(([name]) => name);
    expect(auditorMutations).toEqual([]);
  });

  it('keeps only health and metrics public', () => {
    expect((Reflect.getMetadata(ACCESS_POLICY, HealthController.prototype.check) as AccessPolicy).public).toBe(true);
    expect((Reflect.getMetadata(ACCESS_POLICY, MetricsController.prototype.metrics) as AccessPolicy).public).toBe(true);
  });

  it('lets only branch managers and head office approve loans, reschedule them or write them off', () => {
    for (const name of ['approveLoan', 'rescheduleLoan', 'requestLoanWriteOff', 'writeOffLoan']) {
      expect([...(handlers.get(`Mutation.${name}`)?.policy?.roles ?? [])].sort()).toEqual(['branch_manager', 'head_office']);
    }
  });
});
