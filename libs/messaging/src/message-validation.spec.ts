import { assertValidMessages } from './message-validation';

const good = { topic: 'samabay.membership.member.v1', key: 'member-SNG-000001', value: '{}', headers: { type: 'MemberAdmitted' } };

describe('assertValidMessages', () => {
  it('accepts string and Buffer values', () => {
    expect(() => assertValidMessages([good, { ...good, value: Buffer.from('{}') }])).not.toThrow();
  });

  it.each([
    [{ ...good, topic: 'bad topic' }, 'messages[1].topic'],
    [{ ...good, key: '' }, 'messages[1].key'],
    [{ ...good, value: 42 as unknown as string }, 'messages[1].value'],
    [{ ...good, headers: { type: 7 as unknown as string } }, 'messages[1].headers.type'],
  ])('names the bad field of %p', (bad, field) => {
    expect(() => assertValidMessages([good, bad])).toThrow(expect.objectContaining({ code: 'INVALID_MESSAGE', field }));
  });

  it('never echoes the key or value in the error', () => {
    const secret = 'Sunita Devi 9876543210';
    try {
      assertValidMessages([{ ...good, key: secret, headers: { name: secret, bad: 1 as unknown as string } }]);
      throw new Error('expected a rejection');
    } catch (error) {
      expect((error as Error).message).not.toContain('Sunita');
      expect((error as Error).message).not.toContain('9876543210');
    }
  });
});
