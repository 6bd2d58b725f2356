import { ValidationError } from '@samabay/domain-kit';
import { EventStoreUnavailableError } from '@samabay/event-store';
import { graphql, GraphQLEnumType, GraphQLError, GraphQLInputObjectType, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { formatGraphQLError, type UnexpectedErrorLogger } from './format-graphql-error';

const Personal = new GraphQLInputObjectType({
  name: 'Personal',
  fields: { fullName: { type: new GraphQLNonNull(GraphQLString) }, dateOfBirth: { type: new GraphQLNonNull(DateScalar) }, phone: { type: GraphQLString } },
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: { businessDate: { type: new GraphQLNonNull(DateScalar) }, shares: { type: new GraphQLNonNull(GraphQLInt) }, amount: { type: MoneyScalar }, personal: { type: new GraphQLNonNull(Personal) } },
});
const Status = new GraphQLEnumType({ name: 'Status', values: { ACTIVE: {}, EXITED: {} } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      pick: { type: GraphQLString, args: { status: { type: Status }, memberNo: { type: GraphQLString } }, resolve: () => 'ok' },
      echo: {
        type: GraphQLString,
        args: { input: { type: new GraphQLNonNull(Input) } },
        resolve: (_root, { input }) => JSON.stringify(input),
      },
      fails: {
        type: GraphQLString,
        args: { kind: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_root, { kind }) => {
          if (kind === 'domain') throw new ValidationError('shares', 'shares must be at least 1', 'SHARES_TOO_FEW');
          if (kind === 'store') throw new EventStoreUnavailableError('connection to 10.0.0.5 refused');
          if (kind === 'auth') throw new GraphQLError('a bearer token is required', { extensions: { code: 'UNAUTHENTICATED' } });
          throw new Error('duplicate key value violates unique constraint; name Rina Das');
        },
      },
    },
  }),
});

const query = 'query ($input: Input!) { echo(input: $input) }';
const valid = { businessDate: '2024-04-01', shares: 1, amount: '15.50', personal: { fullName: 'Test Member', dateOfBirth: '1990-02-28', phone: null } };

async function run(source: string, variables?: Record<string, unknown>) {
  const logged: Parameters<UnexpectedErrorLogger>[0][] = [];
  const result = await graphql({ schema, source, variableValues: variables });
  const errors = (result.errors ?? []).map((error) => formatGraphQLError(error.toJSON(), error, (details) => logged.push(details)));
  return { data: result.data, errors, logged };
}

describe('scalars and error formatting', () => {
  it('parses a valid input: Money to integer paise, dates unchanged', async () => {
    const { data, errors } = await run(query, { input: valid });
    expect(errors).toEqual([]);
    expect(JSON.parse(data?.echo as string)).toMatchObject({ amount: 1550, businessDate: '2024-04-01' });
  });

  it.each([
    [{ personal: { ...valid.personal, dateOfBirth: '1990-02-30' } }, 'BAD_DATE', 'personal.dateOfBirth', '1990-02-30'],
    [{ businessDate: '01/04/2024' }, 'BAD_DATE', 'businessDate', '01/04/2024'],
    [{ businessDate: 20240401 }, 'BAD_DATE', 'businessDate', '20240401'],
    [{ shares: 1.5 }, 'BAD_USER_INPUT', 'shares', '1.5'],
    [{ amount: '10.555' }, 'TOO_MANY_DECIMALS', 'amount', '10.555'],
    [{ amount: 15.5 }, 'NOT_A_NUMBER', 'amount', '15.5'],
    [{ personal: { ...valid.personal, phone: 9876543210 } }, 'BAD_USER_INPUT', 'personal.phone', '9876543210'],
    [{ personal: { dateOfBirth: '1990-01-01' } }, 'BAD_USER_INPUT', 'personal.fullName', 'zzz'],
  ])('a bad variable %j → code %s naming %s, without the value', async (change, code, field, value) => {
    const { errors } = await run(query, { input: { ...valid, ...change } });
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toEqual({ code, field });
    expect(errors[0].message.startsWith(field)).toBe(true);
    expect(errors[0].message).not.toContain(value);
    expect(errors[0].message).not.toContain('Test Member');
  });

  it('cleans values out of inline literal errors', async () => {
    const { errors } = await run('{ echo(input: { businessDate: "2024-02-30", shares: 1, personal: { fullName: "Rina Das", dateOfBirth: "1990-01-01" } }) }');
    expect(errors[0].message).not.toContain('2024-02-30');
    expect(errors[0].message).not.toContain('Rina');
    expect(errors[0].extensions?.code).toBe('BAD_DATE');
  });

  it.each([
    ['passed whole to one argument', 'query ($s: Status) { pick(status: $s) }', 'status'],
    ['passed to two arguments of different names', 'query ($v: String!) { a: pick(memberNo: $v) b: fails(kind: $v) }', 'v'],
  ])('a bad variable %s is named after the argument where that is unambiguous', async (_name, source, field) => {
    const result = await graphql({ schema, source, variableValues: { s: 'ZENOBIA', v: 12 } });
    const errors = (result.errors ?? []).map((error) => formatGraphQLError({ ...error.toJSON(), extensions: { code: 'BAD_USER_INPUT' } }, error, () => undefined));
    expect(errors[0].extensions).toMatchObject({ field });
  });

  const literal = (input: string) => `{ echo(input: ${input}) }`;
  const personal = 'personal: { fullName: "Test Member", dateOfBirth: "1990-02-28" }';
  it.each([
    ['an impossible date', literal(`{ businessDate: "2024-04-01", shares: 1, personal: { fullName: "Test Member", dateOfBirth: "1990-02-30" } }`), 'BAD_DATE', 'personal.dateOfBirth'],
    ['a malformed date', literal(`{ businessDate: "01/04/2024", shares: 1, ${personal} }`), 'BAD_DATE', 'businessDate'],
    ['fractional shares', literal(`{ businessDate: "2024-04-01", shares: 1.5, ${personal} }`), 'GRAPHQL_VALIDATION_FAILED', 'shares'],
    ['too many decimals', literal(`{ businessDate: "2024-04-01", shares: 1, amount: "10.555", ${personal} }`), 'TOO_MANY_DECIMALS', 'amount'],
    ['a missing name', literal(`{ businessDate: "2024-04-01", shares: 1, personal: { dateOfBirth: "1990-02-28" } }`), 'GRAPHQL_VALIDATION_FAILED', 'personal.fullName'],
    ['an unknown field', literal(`{ businessDate: "2024-04-01", shares: 1, ${personal}, zzz: 1 }`), 'GRAPHQL_VALIDATION_FAILED', 'zzz'],
    ['a missing argument', '{ echo }', 'GRAPHQL_VALIDATION_FAILED', 'input'],
    ['an enum argument that does not exist', '{ pick(status: ZENOBIA) }', 'GRAPHQL_VALIDATION_FAILED', 'status'],
  ])('an inline literal with %s names its field as a variable would', async (_name, source, code, field) => {
    const result = await graphql({ schema, source });
    const errors = (result.errors ?? []).map((error) =>
      formatGraphQLError({ ...error.toJSON(), extensions: { code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' } }, error, () => undefined),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toEqual({ code, field });
    expect(JSON.stringify(errors)).not.toMatch(/Test Member|1990-02-30|01\/04\/2024|ZENOBIA|10\.555/);
  });

  it.each([
    ['an enum literal that does not exist', '{ pick(status: ZENOBIA) }', undefined],
    ['a string where an enum belongs', '{ pick(status: "Zenobia Khatun") }', undefined],
    ['a bare name where a string belongs', '{ pick(memberNo: Zenobia) }', undefined],
    ['a syntax error at a name', 'Zenobia Khatun', undefined],
    ['a syntax error at a number', '{ pick(memberNo: 98300Zenobia) }', undefined],
    ['an enum variable that does not exist', 'query ($s: Status) { pick(status: $s) }', { s: 'ZENOBIA' }],
    ['a misspelt field', '{ pikc(memberNo: "x") }', undefined],
  ])('echoes nothing of %s, nor suggestions', async (_name, source, variables) => {
    // As Apollo Server hands them over: parse, validation and variable errors carry its codes.
    const result = await graphql({ schema, source, variableValues: variables });
    const errors = (result.errors ?? []).map((error) => {
      const code = error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : error.message.startsWith('Variable') ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
      return formatGraphQLError({ ...error.toJSON(), extensions: { code } }, error, () => undefined);
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.extensions?.code)).not.toContain('INTERNAL');
    expect(JSON.stringify(errors)).not.toMatch(/zenobia|Khatun|Did you mean|"pick"/i);
  });

  it('passes a DomainError code and field, keeps UNAUTHENTICATED, maps store errors by code', async () => {
    expect((await run('{ fails(kind: "domain") }')).errors[0]).toMatchObject({ message: 'shares must be at least 1', path: ['fails'], extensions: { code: 'SHARES_TOO_FEW', field: 'shares' } });
    expect((await run('{ fails(kind: "auth") }')).errors[0]).toMatchObject({ message: 'a bearer token is required', extensions: { code: 'UNAUTHENTICATED' } });
    const store = (await run('{ fails(kind: "store") }')).errors[0];
    expect(store).toMatchObject({ extensions: { code: 'EVENT_STORE_UNAVAILABLE' } });
    expect(store.message).not.toContain('10.0.0.5');
  });

  it('hides anything unexpected behind INTERNAL and logs it without the message', async () => {
    const { errors, logged } = await run('{ fails(kind: "bug") }');
    expect(errors[0]).toEqual({ message: 'Internal error', locations: expect.any(Array), path: ['fails'], extensions: { code: 'INTERNAL' } });
    expect(JSON.stringify(errors)).not.toMatch(/stack|Rina|duplicate/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ errorName: 'Error', path: ['fails'] });
    expect(JSON.stringify(logged)).not.toContain('Rina');
  });

  it('serialises Money from paise with two decimals and refuses a float result', () => {
    expect(MoneyScalar.serialize(150)).toBe('1.50');
    expect(MoneyScalar.serialize(1_074_300)).toBe('10743.00');
    expect(() => MoneyScalar.serialize(1.5)).toThrow(TypeError);
    expect(() => DateScalar.serialize('2024-13-01')).toThrow(TypeError);
  });
});
