import { randomBytes } from 'node:crypto';
import { parseMasterKey } from './master-key';

describe('parseMasterKey', () => {
  it('decodes base64 of 32 bytes, ignoring surrounding whitespace', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseMasterKey(`${key.toString('base64')}\n`).equals(key)).toBe(true);
  });

  it('refuses another length, saying the length but never the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseMasterKey(short)).toThrow(new RangeError('the master key must be 32 bytes; it decodes to 16 bytes'));
    try {
      parseMasterKey(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });

  it.each([[''], ['not base64 at all!'], ['%%%%'], ['abc']])('refuses %j as not base64', (text) => {
    expect(() => parseMasterKey(text)).toThrow(/standard base64 of exactly 32 bytes/);
  });
});
