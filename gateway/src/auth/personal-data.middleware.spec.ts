import { Logger } from '@nestjs/common';
import type { MiddlewareContext } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { GraphQLObjectType, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { personalDataMiddleware } from './personal-data.middleware';
import { PERSONAL_DATA_EXTENSION } from './personal-data-policies';

const Member = new GraphQLObjectType({
  name: 'Member',
  fields: {
    memberNo: { type: GraphQLString },
    fullName: { type: GraphQLString, extensions: { [PERSONAL_DATA_EXTENSION]: 'member' } },
    odd: { type: GraphQLString, extensions: { [PERSONAL_DATA_EXTENSION]: 'noSuchPolicy' } },
  },
});

function run(fieldName: string, actor: Actor | undefined, source: Record<string, unknown>) {
  const context = { source, args: {}, context: { req: { headers: {}, actor } }, info: { parentType: Member, fieldName } as unknown as GraphQLResolveInfo } as MiddlewareContext;
  return personalDataMiddleware(context, async () => source[fieldName]);
}

const klgMember = { memberNo: 'KLG-000001', branchCode: 'KLG', fullName: 'Synthetic Person', odd: 'x' };

beforeAll(() => Logger.overrideLogger(false));

describe('personal-data field middleware', () => {
  it('returns the value to staff allowed by the field policy', async () => {
    await expect(run('fullName', { userId: 't', role: 'teller', branchCode: 'KLG' }, klgMember)).resolves.toBe('Synthetic Person');
    await expect(run('fullName', { userId: 'a', role: 'auditor', branchCode: 'SNG' }, klgMember)).resolves.toBe('Synthetic Person');
    await expect(run('fullName', { userId: 't', role: 'teller', branchCode: 'KLG' }, { memberNo: 'KLG-000002', fullName: 'Other' })).resolves.toBe('Other');
  });

  it.each([
    ['a teller of another branch', { userId: 't', role: 'teller', branchCode: 'SNG' } as Actor],
    ['a branch manager of another branch', { userId: 'm', role: 'branch_manager', branchCode: 'DHT' } as Actor],
    ['a partner', { userId: 'p', role: 'partner', branchCode: 'SNG' } as Actor],
    ['nobody authenticated', undefined],
  ])('refuses %s with FORBIDDEN, without the value', async (_name, actor) => {
    const refusal = run('fullName', actor, klgMember);
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(refusal).rejects.not.toThrow(/Synthetic/);
  });

  it('fails closed on an unknown policy and leaves other fields alone', async () => {
    await expect(run('odd', { userId: 'h', role: 'head_office', branchCode: 'SNG' }, klgMember)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(run('memberNo', { userId: 'p', role: 'partner', branchCode: 'SNG' }, klgMember)).resolves.toBe('KLG-000001');
  });
});
