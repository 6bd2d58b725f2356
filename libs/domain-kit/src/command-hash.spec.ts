import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { commandHash } from './command-hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(new Date('2025-04-01T00:00:00Z'))).toBe('"2025-04-01T00:00:00.000Z"');
  });

  it.each([[1n], [Number.NaN], [Infinity], [() => 1], [Symbol('s')]])('refuses %p, which JSON cannot carry faithfully', (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});

describe('commandHash', () => {
  it('is the hex SHA-256 of the canonical JSON of type and payload', () => {
    const expected = createHash('sha256').update('{"commandType":"AdmitMember","payload":{"branchCode":"SNG","shares":1}}').digest('hex');
    expect(commandHash('AdmitMember', { shares: 1, branchCode: 'SNG' })).toBe(expected);
  });

  it('does not depend on key order but does on every value and on the command type', () => {
    const hash = commandHash('PurchaseShares', { memberNo: 'SNG-000001', shares: 2 });
    expect(commandHash('PurchaseShares', { shares: 2, memberNo: 'SNG-000001' })).toBe(hash);
    expect(commandHash('PurchaseShares', { shares: 3, memberNo: 'SNG-000001' })).not.toBe(hash);
    expect(commandHash('ExitMember', { shares: 2, memberNo: 'SNG-000001' })).not.toBe(hash);
  });

  it('covers the business date when given', () => {
    const expected = createHash('sha256').update('{"businessDate":"2026-11-29","commandType":"PurchaseShares","payload":{"shares":1}}').digest('hex');
    expect(commandHash('PurchaseShares', { shares: 1 }, '2026-11-29')).toBe(expected);
    expect(commandHash('PurchaseShares', { shares: 1 }, '2026-11-28')).not.toBe(expected);
  });
});
