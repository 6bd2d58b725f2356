import { createHash, randomBytes } from 'node:crypto';
import { openPglite, openPostgres, quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import { PersonalDataError } from './personal-data-error';
import type { PersonalData, PersonalDataVault, SealedPersonalData } from './personal-data-vault';
import { createSqlPersonalDataVault, MasterKeyMismatchError, type SqlPersonalDataVaultOptions } from './sql-personal-data-vault';

const postgresUrl = process.env.SAMABAY_TEST_POSTGRES_URL?.trim();

// Synthetic personal data only.
const person: PersonalData = { fullName: 'Test Member Ekti', dateOfBirth: '1980-01-02', phone: null, locality: 'Synthetic Lane', nomineeName: 'Test Nominee' };

function suite(name: string, open: () => Promise<SqlDatabase>, enabled = true): void {
  (enabled ? describe : describe.skip)(`createSqlPersonalDataVault on ${name}${enabled ? '' : ' [skipped: set SAMABAY_TEST_POSTGRES_URL]'}`, () => {
    let db: SqlDatabase;
    const schema = `vault_${randomBytes(6).toString('hex')}`;
    const masterKey = randomBytes(32);
    let subjectCounter = 0;
    const newSubject = () => `SNG-${String(++subjectCounter).padStart(6, '0')}`;
    const vault = (options: Partial<SqlPersonalDataVaultOptions> = {}): Promise<PersonalDataVault> => createSqlPersonalDataVault({ db, schema, masterKey, ...options });

    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await db.close();
    });

    async function keyRows(subjectId: string) {
      const { rows } = await db.query<{ wrapped_key: string | null; forgotten_at: unknown }>(`SELECT wrapped_key, forgotten_at FROM ${quoteIdentifier(schema)}.data_keys WHERE subject_id = $1`, [subjectId]);
      return rows;
    }

    it('seals into an AES-256-GCM envelope with a random 96-bit IV that opens to the same data', async () => {
      const v = await vault();
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      expect(sealed).toEqual({ v: 1, alg: 'A256GCM', iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
      expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
      expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
      expect(JSON.stringify(sealed)).not.toContain('Test Member');
      expect(await v.open(subject, sealed)).toEqual(person);

      const again = await v.seal(subject, person);
      expect(again.iv).not.toBe(sealed.iv);
      expect(again.ciphertext).not.toBe(sealed.ciphertext);
    });

    it('stores one wrapped key per subject and none of it in plaintext; another vault with the master key opens the data', async () => {
      const subject = newSubject();
      const sealed = await (await vault()).seal(subject, person);
      const rows = await keyRows(subject);
      expect(rows).toHaveLength(1);
      expect(Buffer.from(rows[0].wrapped_key as string, 'base64')).toHaveLength(12 + 16 + 32);
      expect(await (await vault({ keyCacheSize: 0 })).open(subject, sealed)).toEqual(person);
    });

    it('opens inside the caller\'s transaction with a cold key cache (PGlite has one connection)', async () => {
      const subject = newSubject();
      const sealed = await (await vault()).seal(subject, person);
      const cold = await vault({ keyCacheSize: 0 });
      const opened = await db.transaction((tx) => cold.open(subject, sealed, { executor: tx }));
      expect(opened).toEqual(person);
    });

    it('refuses to start with another master key than the vault was created with, naming no key material', async () => {
      await (await vault()).seal(newSubject(), person);
      const wrongKey = randomBytes(32);
      const error = await createSqlPersonalDataVault({ db, schema, masterKey: wrongKey }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MasterKeyMismatchError);
      expect((error as Error).message).toMatch(/the master key does not match the one this vault was created with/);
      for (const material of [wrongKey, masterKey]) {
        expect((error as Error).message).not.toContain(material.toString('base64'));
        expect((error as Error).message).not.toContain(material.toString('hex'));
      }
      await expect(vault()).resolves.toBeDefined();
    });

    it('checks a vault made before the key-check table against its existing data keys, then remembers the key', async () => {
      const legacySchema = `${schema}_legacy`;
      const subject = newSubject();
      await (await createSqlPersonalDataVault({ db, schema: legacySchema, masterKey })).seal(subject, person);
      await db.exec(`DROP TABLE ${quoteIdentifier(legacySchema)}.master_key_check`);
      await expect(createSqlPersonalDataVault({ db, schema: legacySchema, masterKey: randomBytes(32) })).rejects.toBeInstanceOf(MasterKeyMismatchError);
      await expect(createSqlPersonalDataVault({ db, schema: legacySchema, masterKey })).resolves.toBeDefined();
      const { rows } = await db.query(`SELECT check_value FROM ${quoteIdentifier(legacySchema)}.master_key_check`);
      expect(rows).toHaveLength(1);
      await expect(createSqlPersonalDataVault({ db, schema: legacySchema, masterKey: randomBytes(32) })).rejects.toBeInstanceOf(MasterKeyMismatchError);
      await db.exec(`DROP SCHEMA ${quoteIdentifier(legacySchema)} CASCADE`);
    });

    it('fingerprints data with a key derived from the subject\'s data key: stable, per subject, per value, and gone after forget', async () => {
      const v = await vault();
      const [a, b] = [newSubject(), newSubject()];
      const print = await v.fingerprint(a, person);
      expect(print).toMatch(/^[0-9a-f]{64}$/);
      expect(await (await vault({ keyCacheSize: 0 })).fingerprint(a, { ...person })).toBe(print);
      expect(await v.fingerprint(a, { ...person, fullName: 'Test Member Dui' })).not.toBe(print);
      expect(await v.fingerprint(b, person)).not.toBe(print);
      const unkeyed = createHash('sha256').update(JSON.stringify(person)).digest('hex');
      expect(print).not.toBe(unkeyed);
      expect(await keyRows(a)).toHaveLength(1);
      const sealed = await v.seal(a, person);
      expect(await v.open(a, sealed)).toEqual(person);
      await v.forget(a);
      await expect(v.fingerprint(a, person)).rejects.toMatchObject({ code: 'SUBJECT_FORGOTTEN' });
      await expect(v.fingerprint('', person)).rejects.toMatchObject({ code: 'BAD_SUBJECT_ID' });
    });

    it('binds sealed data to its subject: a copy moved to another subject does not open', async () => {
      const v = await vault();
      const [a, b] = [newSubject(), newSubject()];
      const sealed = await v.seal(a, person);
      await v.seal(b, { fullName: 'Other Member' });
      await expect(v.open(b, sealed)).rejects.toMatchObject({ code: 'SEALED_DATA_INVALID', field: 'sealed' });
    });

    it('detects tampering with the ciphertext, tag or iv', async () => {
      const v = await vault();
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      const flip = (base64: string) => {
        const bytes = Buffer.from(base64, 'base64');
        bytes[0] ^= 1;
        return bytes.toString('base64');
      };
      for (const part of ['ciphertext', 'tag', 'iv'] as const) {
        const error = await v.open(subject, { ...sealed, [part]: flip(sealed[part]) }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(PersonalDataError);
        expect(error).toMatchObject({ code: 'SEALED_DATA_INVALID' });
        expect((error as Error).message).not.toContain('Test Member');
      }
    });

    it.each([
      ['another version', { v: 2 }],
      ['another algorithm', { alg: 'A128GCM' }],
      ['a short iv', { iv: Buffer.alloc(8).toString('base64') }],
      ['a non-base64 part', { ciphertext: '***' }],
    ])('rejects an envelope with %s as SEALED_DATA_INVALID', async (_, change) => {
      const v = await vault();
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      await expect(v.open(subject, { ...sealed, ...change } as unknown as SealedPersonalData)).rejects.toMatchObject({ code: 'SEALED_DATA_INVALID' });
    });

    it('forgets a subject: open answers forgotten everywhere, the key material is gone, no new data can be sealed', async () => {
      const v = await vault();
      const otherProcess = await vault({ keyCacheTtlMs: 0 });
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      expect(await v.open(subject, sealed)).toEqual(person);

      await v.forget(subject);

      expect(await v.open(subject, sealed)).toBe('forgotten');
      expect(await otherProcess.open(subject, sealed)).toBe('forgotten');
      expect(await keyRows(subject)).toEqual([{ wrapped_key: null, forgotten_at: expect.anything() }]);
      await expect(v.seal(subject, person)).rejects.toMatchObject({ code: 'SUBJECT_FORGOTTEN', field: 'subjectId' });
      await expect(v.forget(subject)).resolves.toBeUndefined();
    });

    it('forgets a subject that never had a key, so none is made later', async () => {
      const v = await vault();
      const subject = newSubject();
      await v.forget(subject);
      await expect(v.seal(subject, person)).rejects.toMatchObject({ code: 'SUBJECT_FORGOTTEN' });
    });

    it('serves a key from its cache until forget evicts it or the cache age limit passes', async () => {
      let now = 0;
      const v = await vault({ now: () => now, keyCacheTtlMs: 1000 });
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      const other = await vault();
      await other.forget(subject);

      expect(await v.open(subject, sealed)).toEqual(person); // cached: another process's forget not yet seen
      now = 1000;
      expect(await v.open(subject, sealed)).toBe('forgotten');
    });

    it('evicts on its own forget at once', async () => {
      const v = await vault({ keyCacheTtlMs: 3_600_000 });
      const subject = newSubject();
      const sealed = await v.seal(subject, person);
      expect(await v.open(subject, sealed)).toEqual(person);
      await v.forget(subject);
      expect(await v.open(subject, sealed)).toBe('forgotten');
    });

    it('ends concurrent first seals of one subject, from several vaults, with one key that opens them all', async () => {
      const vaults = await Promise.all([vault(), vault(), vault(), vault()]);
      const subject = newSubject();
      const sealed = await Promise.all(vaults.flatMap((v) => [v.seal(subject, person), v.seal(subject, { fullName: 'x' })]));
      expect(await keyRows(subject)).toHaveLength(1);
      const reader = await vault({ keyCacheSize: 0 });
      for (const envelope of sealed) expect(await reader.open(subject, envelope)).not.toBe('forgotten');
    });

    it('throws NO_DATA_KEY for a subject this vault never had', async () => {
      const v = await vault();
      const sealed = await v.seal(newSubject(), person);
      await expect(v.open('DHT-999999', sealed)).rejects.toMatchObject({ code: 'NO_DATA_KEY', field: 'subjectId' });
    });

    it.each([
      ['an empty subject id', '', person, 'BAD_SUBJECT_ID'],
      ['a subject id with a control character', 'SNG\n1', person, 'BAD_SUBJECT_ID'],
      ['a field that is not text', 'SNG-1', { fullName: 42 }, 'BAD_PERSONAL_DATA'],
      ['data that is not a record', 'SNG-1', ['Test Member'], 'BAD_PERSONAL_DATA'],
    ])('rejects %s when sealing, without echoing the data', async (_, subjectId, data, code) => {
      const v = await vault();
      const error = await v.seal(subjectId, data as unknown as PersonalData).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code });
      expect((error as Error).message).not.toMatch(/Test Member|42/);
    });

    it('refuses a master key that is not 32 bytes', async () => {
      await expect(createSqlPersonalDataVault({ db, schema, masterKey: randomBytes(16) })).rejects.toThrow(RangeError);
    });
  });
}

suite('PGlite', () => openPglite({}));
suite('PostgreSQL', () => openPostgres({ connectionString: postgresUrl ?? '' }), postgresUrl !== undefined && postgresUrl !== '');
