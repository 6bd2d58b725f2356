import type { PersonalDataVault, SealedPersonalData } from '@samabay/personal-data';
import type { SqlExecutor } from '@samabay/sql';
import { vaultOpener } from './personal-data-opener';

describe('vaultOpener', () => {
  it('opens through the vault, handing it the projection transaction to read the data key with', async () => {
    const calls: unknown[][] = [];
    const vault: PersonalDataVault = {
      seal: async () => {
        throw new Error('not used');
      },
      open: async (...args: unknown[]) => {
        calls.push(args);
        return { fullName: 'Opened Name' };
      },
      fingerprint: async () => {
        throw new Error('not used');
      },
      forget: async () => undefined,
    };
    const sealed: SealedPersonalData = { v: 1, alg: 'A256GCM', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };
    const tx = { query: jest.fn(), exec: jest.fn() } as unknown as SqlExecutor;
    expect(await vaultOpener(vault)('SNG-000001', sealed, tx)).toEqual({ fullName: 'Opened Name' });
    expect(calls).toEqual([['SNG-000001', sealed, { executor: tx }]]);
  });
});
