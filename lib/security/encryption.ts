import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env, type Key, parseKeyList } from '@/lib/env';
import { localSecretFile } from './local-secret';

/**
 * Encryption at rest of personal data (names, addresses, phone numbers…) with AES-256-GCM.
 *
 * Keys come from ENCRYPTION_KEYS (`id:base64key,…`, 32-byte keys): the first one encrypts, every one
 * decrypts, so a key is rotated by putting a new one first and running `npm run keys:rotate`. On the
 * embedded demo database a key is generated once beside it (.data/encryption-keys), like the session
 * key; in production on PostgreSQL the variable is required.
 *
 * A stored value is text: `enc1:<key id>:<base64url of iv ‖ tag ‖ ciphertext>`. The caller's context
 * (for example `addresses.line1`) is bound in as additional data, so a value copied into another
 * column does not decrypt. Values without the prefix are legacy plain text and read as they are;
 * `needsReencryption` finds them (and values under an old key) for the rotation command.
 */

const PREFIX = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let ring: Key[] | undefined;

function keyRing(): Key[] {
  if (ring) return ring;
  if (env.ENCRYPTION_KEYS) return (ring = parseKeyList(env.ENCRYPTION_KEYS));
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error(
      'ENCRYPTION_KEYS is required with DATABASE_URL in production: e.g. ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)',
    );
  }
  return (ring = parseKeyList(localSecretFile('encryption-keys', () => `local:${randomBytes(32).toString('base64')}`)));
}

/** For tests and the rotation command: use this key list instead of the configured one. */
export function setKeyRingForTests(raw: string | undefined): void {
  ring = raw === undefined ? undefined : parseKeyList(raw);
}

/** The id of the key new values are encrypted with. */
export function currentKeyId(): string {
  return keyRing()[0]!.id;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/** Encrypts `plain` for the column named by `context` with the current key. */
export function encryptText(plain: string, context: string): string {
  const { id, key } = keyRing()[0]!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}:${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Decrypts a stored value (plain legacy text is returned as it is). Throws on a tampered value or unknown key. */
export function decryptText(stored: string, context: string): string {
  if (!isEncrypted(stored)) return stored;
  const [, id, payload] = stored.split(':');
  const key = keyRing().find((k) => k.id === id);
  if (!key || !payload) throw new Error(`encrypted value under unknown key "${id}": is it in ENCRYPTION_KEYS?`);
  const bytes = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** `encryptText` that keeps null and undefined as they are (optional columns). */
export function encryptOptional<T extends string | null | undefined>(plain: T, context: string): T | string {
  return plain == null ? plain : encryptText(plain, context);
}

/** `decryptText` that keeps null and undefined as they are (optional columns). */
export function decryptOptional<T extends string | null | undefined>(stored: T, context: string): T | string {
  return stored == null ? stored : decryptText(stored, context);
}

/** True when a stored value is plain text or under a key other than the current one. */
export function needsReencryption(stored: string): boolean {
  return !isEncrypted(stored) || stored.split(':')[1] !== currentKeyId();
}

const indexRings = new WeakMap<Key[], Key[]>();

/**
 * The keys of blind indexes (lib/security/blind-index.ts), one per encryption key and with its id:
 * HKDF-SHA256 of the encryption key with its own label, so the AES key itself never keys an HMAC and
 * rotating ENCRYPTION_KEYS rotates the index keys with it. The first one writes, all of them search.
 */
export function indexKeys(): Key[] {
  const current = keyRing();
  let derived = indexRings.get(current);
  if (!derived) {
    derived = current.map(({ id, key }) => ({
      id,
      key: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'encore blind index v1', 32)),
    }));
    indexRings.set(current, derived);
  }
  return derived;
}
