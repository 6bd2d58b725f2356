import { createPublicKey, createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Signature algorithms accepted for staff tokens; exactly one is configured (never `none`, never a choice left to the token). */
export type TokenAlgorithm = 'HS256' | 'RS256' | 'ES256';

/**
 * How the gateway verifies staff tokens: an HS256 shared secret, or RS256/ES256 public keys (one PEM
 * key, or the keys of a JWKS file selected by the token's `kid`).
 */
export type TokenVerificationKey =
  | { readonly algorithm: 'HS256'; readonly secret: string; /** The secret as a KeyObject, made once (a string costs jsonwebtoken a failed public-key parse per token, ~1 ms). */ readonly key?: KeyObject }
  | { readonly algorithm: 'RS256' | 'ES256'; readonly keys: ReadonlyMap<string, KeyObject>; readonly defaultKey?: KeyObject };

/** What configuration names: the algorithm and where its key comes from. */
export interface VerificationKeySettings {
  readonly algorithm: TokenAlgorithm;
  /** HS256: the shared secret, at least 32 characters. */
  readonly secret?: string;
  /** RS256/ES256: a PEM (SPKI) public key file. */
  readonly publicKeyFile?: string;
  /** RS256/ES256: a JWKS file (`{ "keys": [...] }`); each key needs a `kid` when there are several. */
  readonly jwksFile?: string;
}

/** The key configuration is unusable; the message names the setting and what is wrong (never key material). */
export class VerificationKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerificationKeyError';
  }
}

const MIN_SECRET_LENGTH = 32;
const MIN_RSA_BITS = 2048;

/**
 * Builds the verification key from settings, validating it at start-up: HS256 needs a secret of at
 * least 32 characters; RS256 an RSA public key of at least 2048 bits; ES256 an EC P-256 public key;
 * exactly one of `publicKeyFile` and `jwksFile` for the asymmetric algorithms; a JWKS with several
 * keys needs distinct `kid`s. Throws VerificationKeyError.
 */
export function loadVerificationKey(settings: VerificationKeySettings): TokenVerificationKey {
  if (settings.algorithm === 'HS256') {
    if (!settings.secret || settings.secret.length < MIN_SECRET_LENGTH) throw new VerificationKeyError(`HS256 needs a secret of at least ${MIN_SECRET_LENGTH} characters`);
    if (settings.publicKeyFile || settings.jwksFile) throw new VerificationKeyError('HS256 takes a secret, not a public key or JWKS file');
    return { algorithm: 'HS256', secret: settings.secret, key: createSecretKey(Buffer.from(settings.secret)) };
  }
  if (Boolean(settings.publicKeyFile) === Boolean(settings.jwksFile)) {
    throw new VerificationKeyError(`${settings.algorithm} needs exactly one of a public key file or a JWKS file`);
  }
  if (settings.publicKeyFile) {
    const text = readText(settings.publicKeyFile);
    const key = parseKey(() => createPublicKey(text), settings.publicKeyFile);
    requireKeyFits(key, settings.algorithm, settings.publicKeyFile);
    return { algorithm: settings.algorithm, keys: new Map(), defaultKey: key };
  }
  return { algorithm: settings.algorithm, ...loadJwks(settings.jwksFile as string, settings.algorithm) };
}

function loadJwks(file: string, algorithm: 'RS256' | 'ES256'): { keys: Map<string, KeyObject>; defaultKey?: KeyObject } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof VerificationKeyError) throw error;
    throw new VerificationKeyError(`${file} is not valid JSON`);
  }
  const jwks = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(jwks) || jwks.length === 0) throw new VerificationKeyError(`${file} must hold a JWKS: { "keys": [ … ] } with at least one key`);
  const keys = new Map<string, KeyObject>();
  for (const [index, jwk] of jwks.entries()) {
    const entry = jwk as JsonWebKey & { kid?: unknown; alg?: unknown; d?: unknown };
    if (entry.d !== undefined) throw new VerificationKeyError(`${file}: key ${index} holds private key material; publish public keys only`);
    if (entry.alg !== undefined && entry.alg !== algorithm) continue;
    const key = parseKey(() => createPublicKey({ key: entry, format: 'jwk' }), `${file} key ${index}`);
    requireKeyFits(key, algorithm, `${file} key ${index}`);
    const kid = typeof entry.kid === 'string' ? entry.kid : '';
    if (keys.has(kid)) throw new VerificationKeyError(`${file}: two keys share the kid "${kid}"`);
    keys.set(kid, key);
  }
  if (keys.size === 0) throw new VerificationKeyError(`${file} holds no ${algorithm} key`);
  if (keys.size > 1 && keys.has('')) throw new VerificationKeyError(`${file}: every key needs a kid when there are several`);
  return keys.size === 1 ? { keys, defaultKey: [...keys.values()][0] } : { keys };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new VerificationKeyError(`cannot read ${file}`);
  }
}

function parseKey(parse: () => KeyObject, origin: string): KeyObject {
  try {
    return parse();
  } catch {
    throw new VerificationKeyError(`${origin} is not a public key`);
  }
}

function requireKeyFits(key: KeyObject, algorithm: 'RS256' | 'ES256', origin: string): void {
  if (algorithm === 'RS256') {
    if (key.asymmetricKeyType !== 'rsa') throw new VerificationKeyError(`${origin}: RS256 needs an RSA key`);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new VerificationKeyError(`${origin}: the RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required`);
  } else if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new VerificationKeyError(`${origin}: ES256 needs an EC key on the P-256 curve`);
  }
}
