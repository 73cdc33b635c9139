import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * DEVELOPMENT ONLY. This key is published in the repository, so anyone can sign a checkpoint with it. It is used when
 * AUDIT_SIGNING_KEY is unset and NODE_ENV is not production (which makes a key of its own instead), and everything it
 * signs is marked as signed with the development key.
 */
const DEVELOPMENT_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIKrpEGE6HKAoz0X/X8/NnPSFQ7d7DYHXt9+DxVev42zb
-----END PRIVATE KEY-----
`;

export interface PublicSigningKey {
  /** Hex SHA-256 of the public key in DER SubjectPublicKeyInfo form: `openssl pkey -pubin -outform DER | sha256sum`. */
  keyId: string;
  publicKey: KeyObject;
  /** The key's 32 raw bytes, as the signed-note key hash takes them. */
  raw: Buffer;
  /** `-----BEGIN PUBLIC KEY-----`, for `openssl pkeyutl -verify -pubin -inkey`. */
  pem: string;
  /** Signs new checkpoints (the others only verify old ones). */
  current: boolean;
  /** The published development key: its checkpoints prove nothing. */
  development: boolean;
}

export interface SigningKey extends PublicSigningKey {
  privateKey: KeyObject;
}

export interface SigningKeyEnvironment {
  NODE_ENV?: string;
  AUDIT_SIGNING_KEY?: string;
  AUDIT_SIGNING_KEY_FILE: string;
  AUDIT_PREVIOUS_PUBLIC_KEYS?: string;
}

/**
 * The key in `path`, made there first if there is none: readable by its owner only, flushed to disk. Processes that
 * start together on one machine race to create it; the loser reads the winner's.
 */
function readOrCreateKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return pem;
}

/** Environment values sometimes arrive with their line breaks written as `\n`. */
const unescape = (value: string) => value.replace(/\\n/g, '\n').trim();

/** An Ed25519 private key from PEM (PKCS#8) or from its DER in base64. Throws a message that ends a sentence. */
export function parsePrivateKey(value: string): KeyObject {
  const text = unescape(value);
  let key: KeyObject;
  try {
    key = text.includes('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('must be an Ed25519 private key, PEM (-----BEGIN PRIVATE KEY-----) or base64 DER (PKCS#8)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** Ed25519 public keys: PEM blocks, or base64 DER (SubjectPublicKeyInfo) separated by commas, spaces or new lines. */
export function parsePublicKeys(value: string): KeyObject[] {
  const text = unescape(value);
  const pems = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  const rest = text.replace(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g, ' ').split(/[\s,]+/).filter(Boolean);
  return [...pems, ...rest].map((one, i) => {
    let key: KeyObject;
    try {
      key = one.startsWith('-----') ? createPublicKey(one) : createPublicKey({ key: Buffer.from(one, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new Error(`has a key (number ${i + 1}) that is not an Ed25519 public key in PEM or base64 DER`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`has a ${key.asymmetricKeyType} key (number ${i + 1}); only Ed25519 keys sign checkpoints`);
    return key;
  });
}

const keyIdOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');

export const DEVELOPMENT_KEY_ID = keyIdOf(createPublicKey(DEVELOPMENT_SIGNING_KEY));

export function describePublicKey(publicKey: KeyObject, current: boolean): PublicSigningKey {
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKey,
    raw: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'),
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    current,
    development: keyId === DEVELOPMENT_KEY_ID,
  };
}

/** The key that signs now, and every key whose old checkpoints must still verify. Only the environment is trusted. */
export class SigningKeys {
  readonly current: SigningKey;
  readonly all: PublicSigningKey[];

  constructor(privateKey: KeyObject, previous: KeyObject[] = []) {
    this.current = { ...describePublicKey(createPublicKey(privateKey), true), privateKey };
    const others = previous.map((key) => describePublicKey(key, false)).filter((k) => k.keyId !== this.current.keyId);
    this.all = [this.current, ...others.filter((k, i) => others.findIndex((o) => o.keyId === k.keyId) === i)];
  }

  /**
   * AUDIT_SIGNING_KEY when set. Otherwise, in production, a key of the deployment's own kept in AUDIT_SIGNING_KEY_FILE
   * (made on first start), so the published development key never signs there; elsewhere the development key.
   */
  static fromEnvironment(env: SigningKeyEnvironment): SigningKeys {
    const privateKey = env.AUDIT_SIGNING_KEY
      ? parsePrivateKey(env.AUDIT_SIGNING_KEY)
      : env.NODE_ENV === 'production'
        ? parsePrivateKey(readOrCreateKeyFile(env.AUDIT_SIGNING_KEY_FILE))
        : parsePrivateKey(DEVELOPMENT_SIGNING_KEY);
    return new SigningKeys(privateKey, env.AUDIT_PREVIOUS_PUBLIC_KEYS ? parsePublicKeys(env.AUDIT_PREVIOUS_PUBLIC_KEYS) : []);
  }

  byId(keyId: string): PublicSigningKey | undefined {
    return this.all.find((k) => k.keyId === keyId);
  }
}
