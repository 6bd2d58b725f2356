import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '@samabay/domain-kit';
import { quoteIdentifier, type SqlDatabase, type SqlExecutor } from '@samabay/sql';
import { gcmDecrypt, gcmEncrypt, IV_BYTES, TAG_BYTES } from './aes-gcm';
import { DataKeyCache } from './data-key-cache';
import { KEY_BYTES } from './master-key';
import { PersonalDataError } from './personal-data-error';
import type { PersonalData, PersonalDataVault, SealedPersonalData } from './personal-data-vault';

/** Options of {@link createSqlPersonalDataVault}. */
export interface SqlPersonalDataVaultOptions {
  readonly db: SqlDatabase;
  /** Schema of the `data_keys` table; created if absent. Default 'vault'. */
  readonly schema?: string;
  /** 32 bytes (see parseMasterKey); wraps every data key. Copied: later changes to the buffer do not matter. */
  readonly masterKey: Buffer;
  /** Unwrapped data keys kept in memory. Default 1000. */
  readonly keyCacheSize?: number;
  /** How long an unwrapped key may be served from memory (bounds how late another process's forget is seen). Default 60 000 ms. */
  readonly keyCacheTtlMs?: number;
  /** Milliseconds clock for the cache age. Default Date.now. */
  readonly now?: () => number;
}

const MAX_SUBJECT_ID_LENGTH = 200;
const KEY_CHECK_LABEL = 'samabay.vault.check.v1';
const FINGERPRINT_INFO = 'samabay.vault.fingerprint.v1';

interface KeyRow {
  wrapped_key: string | null;
}

/**
 * A PersonalDataVault whose per-subject data keys (random 256-bit, AES-256-GCM) are stored wrapped
 * by the master key (AES-256-GCM, AAD binds the subject id, so a wrapped key moved to another row
 * does not unwrap) in `<schema>.data_keys` (subject_id primary key). The first `seal` of a subject
 * inserts its key with ON CONFLICT DO NOTHING and re-reads, so concurrent first seals end with one
 * key. `forget` replaces the wrapped key with NULL and stamps `forgotten_at` (the row stays as a
 * tombstone so no new key is ever made for the subject). Physical erasure of the old row version
 * follows PostgreSQL's VACUUM. Throws RangeError for a master key that is not 32 bytes.
 *
 * The first start stores a key-check value, HMAC-SHA256(masterKey, 'samabay.vault.check.v1'), in the
 * one-row table `<schema>.master_key_check` (on a vault made before that table existed, an existing
 * wrapped key must unwrap first); every later start compares it and throws {@link MasterKeyMismatchError}
 * on a mismatch, so a wrong master key never mixes data keys of two master keys in one table.
 */
export async function createSqlPersonalDataVault(options: SqlPersonalDataVaultOptions): Promise<PersonalDataVault> {
  if (!Buffer.isBuffer(options.masterKey) || options.masterKey.length !== KEY_BYTES) throw new RangeError(`the master key must be ${KEY_BYTES} bytes`);
  const masterKey = Buffer.from(options.masterKey);
  const schema = quoteIdentifier(options.schema ?? 'vault');
  const table = `${schema}.data_keys`;
  const { db } = options;
  const cache = new DataKeyCache(options.keyCacheSize ?? 1000, options.keyCacheTtlMs ?? 60_000, options.now ?? Date.now);

  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samabay.vault.${schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${table} (
        subject_id text PRIMARY KEY,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        forgotten_at timestamptz,
        CHECK ((wrapped_key IS NULL) = (forgotten_at IS NOT NULL))
      );
      CREATE TABLE IF NOT EXISTS ${schema}.master_key_check (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        check_value text NOT NULL
      );`);
    await verifyMasterKey(tx, schema, table, masterKey);
  });

  async function readKey(subjectId: string, executor: SqlExecutor = db): Promise<Buffer | 'forgotten' | 'none'> {
    const cached = cache.get(subjectId);
    if (cached) return cached;
    const generation = cache.generation();
    const { rows } = await executor.query<KeyRow>(`SELECT wrapped_key FROM ${table} WHERE subject_id = $1`, [subjectId]);
    if (rows.length === 0) return 'none';
    if (rows[0].wrapped_key === null) return 'forgotten';
    const key = unwrapKey(masterKey, subjectId, rows[0].wrapped_key);
    cache.setIfUnchanged(subjectId, key, generation);
    return key;
  }

  async function keyForSealing(subjectId: string, executor: SqlExecutor = db): Promise<Buffer> {
    let key = await readKey(subjectId, executor);
    if (key === 'none') {
      await executor.query(`INSERT INTO ${table} (subject_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`, [
        subjectId,
        wrapKey(masterKey, subjectId, randomBytes(KEY_BYTES)),
      ]);
      key = await readKey(subjectId, executor);
    }
    if (key === 'forgotten') throw new PersonalDataError('SUBJECT_FORGOTTEN', `subject ${subjectId} was forgotten; no personal data can be stored for it`, 'subjectId');
    if (key === 'none') throw new Error(`the data key of subject ${subjectId} vanished after it was created`);
    return key;
  }

  return {
    async seal(subjectId, data) {
      validateSubjectId(subjectId);
      const plaintext = Buffer.from(JSON.stringify(validatePersonalData(data)), 'utf8');
      const box = gcmEncrypt(await keyForSealing(subjectId), plaintext, Buffer.from(subjectId, 'utf8'));
      return { v: 1, alg: 'A256GCM', iv: box.iv.toString('base64'), ciphertext: box.ciphertext.toString('base64'), tag: box.tag.toString('base64') };
    },

    async open(subjectId, sealed, openOptions) {
      validateSubjectId(subjectId);
      const box = decodeSealed(sealed);
      const key = await readKey(subjectId, openOptions?.executor);
      if (key === 'forgotten') return 'forgotten';
      if (key === 'none') throw new PersonalDataError('NO_DATA_KEY', `subject ${subjectId} has no data key in this vault`, 'subjectId');
      const plaintext = gcmDecrypt(key, box, Buffer.from(subjectId, 'utf8'));
      if (!plaintext) throw new PersonalDataError('SEALED_DATA_INVALID', `sealed personal data of subject ${subjectId} failed authentication`, 'sealed');
      return parsePlaintext(plaintext, subjectId);
    },

    async fingerprint(subjectId, data, fingerprintOptions) {
      validateSubjectId(subjectId);
      const canonical = canonicalJson(validatePersonalData(data));
      const dataKey = await keyForSealing(subjectId, fingerprintOptions?.executor);
      const fingerprintKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), FINGERPRINT_INFO, KEY_BYTES));
      return createHmac('sha256', fingerprintKey).update(canonical, 'utf8').digest('hex');
    },

    async forget(subjectId) {
      validateSubjectId(subjectId);
      cache.evict(subjectId);
      await db.query(
        `INSERT INTO ${table} AS keys (subject_id, wrapped_key, forgotten_at) VALUES ($1, NULL, now())
         ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, forgotten_at = COALESCE(keys.forgotten_at, now())`,
        [subjectId],
      );
      cache.evict(subjectId);
    },
  };
}

/** The vault's master key is not the one it was created with. The message carries no key material. */
export class MasterKeyMismatchError extends Error {
  constructor(schema: string) {
    super(`the master key does not match the one this vault was created with (vault schema ${schema}); start with the original master key`);
    this.name = 'MasterKeyMismatchError';
  }
}

/** Stores the key-check value on first use; throws MasterKeyMismatchError when the stored one (or an existing data key) disagrees. */
async function verifyMasterKey(tx: SqlExecutor, schema: string, table: string, masterKey: Buffer): Promise<void> {
  const check = createHmac('sha256', masterKey).update(KEY_CHECK_LABEL, 'utf8').digest();
  const { rows } = await tx.query<{ check_value: string }>(`SELECT check_value FROM ${schema}.master_key_check`);
  if (rows.length > 0) {
    const stored = Buffer.from(rows[0].check_value, 'base64');
    if (stored.length !== check.length || !timingSafeEqual(stored, check)) throw new MasterKeyMismatchError(schema);
    return;
  }
  const existing = await tx.query<{ subject_id: string; wrapped_key: string }>(`SELECT subject_id, wrapped_key FROM ${table} WHERE wrapped_key IS NOT NULL LIMIT 1`);
  if (existing.rows.length > 0) {
    try {
      unwrapKey(masterKey, existing.rows[0].subject_id, existing.rows[0].wrapped_key);
    } catch {
      throw new MasterKeyMismatchError(schema);
    }
  }
  await tx.query(`INSERT INTO ${schema}.master_key_check (id, check_value) VALUES (true, $1)`, [check.toString('base64')]);
}

/** Wrapped key text: base64 of iv (12) ‖ tag (16) ‖ encrypted key (32). */
function wrapKey(masterKey: Buffer, subjectId: string, dataKey: Buffer): string {
  const box = gcmEncrypt(masterKey, dataKey, wrapAad(subjectId));
  return Buffer.concat([box.iv, box.tag, box.ciphertext]).toString('base64');
}

function unwrapKey(masterKey: Buffer, subjectId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  const box = { iv: bytes.subarray(0, IV_BYTES), tag: bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ciphertext: bytes.subarray(IV_BYTES + TAG_BYTES) };
  const key = gcmDecrypt(masterKey, box, wrapAad(subjectId));
  if (!key || key.length !== KEY_BYTES) throw new Error(`the data key of subject ${subjectId} does not unwrap: wrong master key or a damaged key row`);
  return key;
}

function wrapAad(subjectId: string): Buffer {
  return Buffer.from(`samabay.vault.data-key.v1:${subjectId}`, 'utf8');
}

function validateSubjectId(subjectId: unknown): asserts subjectId is string {
  if (typeof subjectId !== 'string' || subjectId.trim().length === 0 || subjectId.length > MAX_SUBJECT_ID_LENGTH || /\p{C}/u.test(subjectId)) {
    throw new PersonalDataError('BAD_SUBJECT_ID', `subjectId must be 1–${MAX_SUBJECT_ID_LENGTH} printable characters`, 'subjectId');
  }
}

function validatePersonalData(data: unknown): PersonalData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PersonalDataError('BAD_PERSONAL_DATA', 'personal data must be an object of text fields', 'data');
  }
  const clean: PersonalData = {};
  for (const [field, value] of Object.entries(data)) {
    if (value !== null && typeof value !== 'string') throw new PersonalDataError('BAD_PERSONAL_DATA', `personal data field ${field} must be text or null`, field);
    clean[field] = value;
  }
  return clean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeSealed(sealed: SealedPersonalData): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const candidate = sealed as Partial<Record<keyof SealedPersonalData, unknown>> | null;
  const parts = [candidate?.iv, candidate?.ciphertext, candidate?.tag];
  if (candidate?.v !== 1 || candidate.alg !== 'A256GCM' || !parts.every((part) => typeof part === 'string' && BASE64.test(part))) {
    throw new PersonalDataError('SEALED_DATA_INVALID', 'sealed personal data is not a v1 A256GCM envelope', 'sealed');
  }
  const [iv, ciphertext, tag] = (parts as string[]).map((part) => Buffer.from(part, 'base64'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PersonalDataError('SEALED_DATA_INVALID', 'sealed personal data has a malformed iv or tag', 'sealed');
  return { iv, ciphertext, tag };
}

function parsePlaintext(plaintext: Buffer, subjectId: string): PersonalData {
  try {
    return validatePersonalData(JSON.parse(plaintext.toString('utf8')));
  } catch {
    throw new PersonalDataError('SEALED_DATA_INVALID', `sealed personal data of subject ${subjectId} is not a record of text fields`, 'sealed');
  }
}
