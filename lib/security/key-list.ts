/**
 * The ENCRYPTION_KEYS format, `id:base64key,…` with 32-byte keys. Kept apart from the encryption
 * module (server-only) so that lib/env.ts can reject a malformed list at start.
 */
export type Key = { id: string; key: Buffer };

/** Parses a key list; throws a sentence naming what is wrong. */
export function parseKeyList(raw: string): Key[] {
  const keys = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/_=-]+)$/.exec(entry);
      if (!match) throw new Error('each key must be written id:base64key, e.g. k1:<openssl rand -base64 32>');
      const key = Buffer.from(match[2]!, 'base64');
      if (key.length !== 32) throw new Error(`key ${match[1]} must be 32 bytes (openssl rand -base64 32)`);
      return { id: match[1]!, key };
    });
  if (keys.length === 0) throw new Error('at least one key is needed');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}
