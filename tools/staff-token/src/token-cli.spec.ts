import { verifyStaffToken } from '@samabay/staff-auth';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTokenCli } from './token-cli';

const secret = 'z'.repeat(40);
const args = ['--user', 'teller-7', '--role', 'teller', '--branch', 'KLG'];

describe('npm run token', () => {
  it('issues a token the gateway accepts, with the secret from the environment or the dev-secrets file', () => {
    expect(verifyStaffToken(runTokenCli(args, { SAMABAY_JWT_SECRET: secret }), secret)).toEqual({ userId: 'teller-7', role: 'teller', branchCode: 'KLG' });
    const dir = mkdtempSync(path.join(tmpdir(), 'token-cli-'));
    writeFileSync(path.join(dir, 'dev-secrets.json'), JSON.stringify({ jwtSecret: secret, masterKey: 'x' }));
    expect(verifyStaffToken(runTokenCli([...args, '--ttl', '600'], { SAMABAY_DATA_DIR: dir }), secret).role).toBe('teller');
  });

  it("never issues a token longer-lived than the gateway accepts (SAMABAY_JWT_MAX_TTL_SECONDS, default 12 h)", () => {
    const now = new Date();
    const token = runTokenCli(args, { SAMABAY_JWT_SECRET: secret, SAMABAY_JWT_MAX_TTL_SECONDS: '3600' }, () => now);
    expect(() => verifyStaffToken(token, secret, () => now, { maxLifetimeSeconds: 3600 })).not.toThrow();
    expect(verifyStaffToken(runTokenCli([...args, '--ttl', '86400'], { SAMABAY_JWT_SECRET: secret, SAMABAY_JWT_MAX_TTL_SECONDS: '86400' }), secret, undefined, { maxLifetimeSeconds: 86400 }).role).toBe('teller');
  });

  it('sets the lifetime asked for', () => {
    const now = new Date();
    const token = runTokenCli([...args, '--ttl', '120'], { SAMABAY_JWT_SECRET: secret }, () => now);
    expect(() => verifyStaffToken(token, secret, () => new Date(now.getTime() + 119_000))).not.toThrow();
    expect(() => verifyStaffToken(token, secret, () => new Date(now.getTime() + 121_000))).toThrow(/expired/);
  });

  it.each([
    [['--user', 'teller-7', '--role', 'root', '--branch', 'KLG'], {}, 64, /--role/],
    [['--user', 'Rina Das', '--role', 'teller', '--branch', 'KLG'], {}, 64, /--user/],
    [['--user', 'teller-7', '--role', 'teller', '--branch', 'klg'], {}, 64, /--branch/],
    [[...args, '--ttl', '999999'], {}, 64, /--ttl/],
    [[...args, '--ttl', '86400'], {}, 64, /--ttl must be whole seconds from 60 to 43200/],
    [[...args, '--ttl', '7200'], { SAMABAY_JWT_MAX_TTL_SECONDS: '3600' }, 64, /to 3600/],
    [args, { SAMABAY_JWT_MAX_TTL_SECONDS: 'soon' }, 78, /SAMABAY_JWT_MAX_TTL_SECONDS/],
    [[...args, '--admin'], {}, 64, /Unknown option/],
    [args, { NODE_ENV: 'production' }, 77, /production/],
    [args, { SAMABAY_JWT_ALGORITHM: 'RS256' }, 77, /RS256/],
    [args, { SAMABAY_JWT_SECRET: '', SAMABAY_DATA_DIR: path.join(tmpdir(), 'no-such-samabay-dir') }, 78, /no secret/],
  ])('refuses %j with %j', (argv, env, exitCode, message) => {
    const attempt = () => runTokenCli(argv, { SAMABAY_JWT_SECRET: secret, ...env });
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ exitCode }));
  });
});
