import { randomBytes } from 'node:crypto';
import { partnerKey, pseudonymousMemberId, publicEventId } from './partner-key';
import { parsePartnerKeys } from './partner-keys-config';
import { publicTopic, publicTopicsOf } from './public-event-names';

const ngoA = partnerKey('ngo-a', Buffer.alloc(32, 1));
const ngoB = partnerKey('ngo-b', Buffer.alloc(32, 2));

describe('per-partner pseudonyms', () => {
  it('gives one member a stable pseudonym per partner, unrelated across partners, without the member number in it', () => {
    const a = pseudonymousMemberId(ngoA, 'SNG-000123');
    expect(a).toMatch(/^m_[0-9a-f]{32}$/);
    expect(pseudonymousMemberId(partnerKey('ngo-a', Buffer.alloc(32, 1)), 'SNG-000123')).toBe(a);
    expect(pseudonymousMemberId(ngoB, 'SNG-000123')).not.toBe(a);
    expect(pseudonymousMemberId(ngoA, 'SNG-000124')).not.toBe(a);
    expect(a).not.toContain('123');
  });

  it('derives per-partner event ids, never the internal one', () => {
    const internal = '6f1c2a4e-0000-5000-8000-000000000001';
    const a = publicEventId(ngoA, 'deposit-recorded', internal);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(publicEventId(ngoB, 'deposit-recorded', internal)).not.toBe(a);
    expect(a).not.toContain(internal.replace(/-/g, '').slice(0, 8));
  });

  it('refuses short keys and bad partner ids without echoing the key', () => {
    expect(() => partnerKey('ngo-a', Buffer.alloc(16))).toThrow('the key of partner ngo-a must be at least 32 bytes');
    expect(() => partnerKey('NGO A', Buffer.alloc(32))).toThrow(RangeError);
  });

  it('names one topic per partner and event: samabay.public-<partner>.<name>.v1', () => {
    expect(publicTopic('ngo-a', 'loan-repaid')).toBe('samabay.public-ngo-a.loan-repaid.v1');
    expect(publicTopicsOf('ngo-b')).toEqual([
      'samabay.public-ngo-b.member-admitted.v1',
      'samabay.public-ngo-b.member-exited.v1',
      'samabay.public-ngo-b.deposit-recorded.v1',
      'samabay.public-ngo-b.loan-disbursed.v1',
      'samabay.public-ngo-b.loan-repaid.v1',
    ]);
  });
});

describe('parsePartnerKeys', () => {
  it('reads <partnerId>=<base64 key> entries', () => {
    const [keyA, keyB] = [randomBytes(32), randomBytes(48)];
    const parsed = parsePartnerKeys(`ngo-a=${keyA.toString('base64')}, ngo-b=${keyB.toString('base64')}`);
    expect(parsed.map((partner) => partner.partnerId)).toEqual(['ngo-a', 'ngo-b']);
    expect(parsed[1].key.equals(keyB)).toBe(true);
  });

  it.each([[''], ['ngo-a'], ['ngo-a=***'], [`ngo-a=${Buffer.alloc(32).toString('base64')},ngo-a=${Buffer.alloc(32).toString('base64')}`]])('refuses %j', (text) => {
    expect(() => parsePartnerKeys(text)).toThrow(RangeError);
  });

  it('never puts the key in a message', () => {
    const short = randomBytes(8).toString('base64');
    expect(() => parsePartnerKeys(`ngo-a=${short}`)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(short) }));
  });
});
