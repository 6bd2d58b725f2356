import type { CommandContext } from './command-context';
import { ValidationError } from './domain-error';
import { validateCommandContext } from './validate-command-context';

const valid: CommandContext = { idempotencyKey: 'import:register:line-12', businessDate: '2011-02-28', actor: { userId: 'u-1', role: 'head_office', branchCode: 'SNG' } };

function failure(context: unknown): ValidationError {
  try {
    validateCommandContext(context as CommandContext);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validateCommandContext', () => {
  it('accepts a complete context, with or without correlation and causation ids', () => {
    expect(() => validateCommandContext(valid)).not.toThrow();
    expect(() => validateCommandContext({ ...valid, correlationId: 'c-1', causationId: 'c-2' })).not.toThrow();
    expect(() => validateCommandContext({ ...valid, idempotencyKey: 'সমবায়-কী-০০১' })).not.toThrow();
    expect(() => validateCommandContext({ ...valid, idempotencyKey: 'k'.repeat(200) })).not.toThrow();
  });

  it.each([
    ['too short', '1234567'],
    ['too long', 'k'.repeat(201)],
    ['a control character', 'key-with-\u0000-nul'],
    ['a tab', 'key\twith-tab'],
    ['not text', 12345678],
  ])('rejects an idempotency key that is %s', (_, idempotencyKey) => {
    expect(failure({ ...valid, idempotencyKey })).toMatchObject({ field: 'idempotencyKey', code: 'BAD_IDEMPOTENCY_KEY' });
  });

  it.each([['2011-02-31'], ['28/02/2011'], [undefined]])('rejects the business date %p with BAD_DATE', (businessDate) => {
    expect(failure({ ...valid, businessDate })).toMatchObject({ field: 'businessDate', code: 'BAD_DATE' });
  });

  it.each([
    ['actor', undefined],
    ['actor.userId', { role: 'teller', branchCode: 'SNG' }],
    ['actor.role', { userId: 'u-1', role: 'janitor', branchCode: 'SNG' }],
    ['actor.branchCode', { userId: 'u-1', role: 'teller', branchCode: '' }],
  ])('rejects a missing or incomplete actor (%s)', (field, actor) => {
    expect(failure({ ...valid, actor })).toMatchObject({ field, code: 'BAD_ACTOR' });
  });

  it('rejects blank correlation or causation ids', () => {
    expect(failure({ ...valid, correlationId: ' ' })).toMatchObject({ field: 'correlationId' });
    expect(failure({ ...valid, causationId: 'x'.repeat(201) })).toMatchObject({ field: 'causationId' });
  });

  it('rejects a missing context', () => {
    expect(failure(undefined)).toMatchObject({ field: 'context' });
  });
});
