import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import {
  currentKeyId,
  decryptOptional,
  decryptText,
  encryptOptional,
  encryptText,
  isEncrypted,
  needsReencryption,
  setKeyRingForTests,
} from '@/lib/security/encryption';

const key = () => randomBytes(32).toString('base64');
const k1 = `k1:${key()}`;
const k2 = `k2:${key()}`;

afterEach(() => setKeyRingForTests(undefined));

describe('encryption at rest', () => {
  it('round-trips text, including Chinese and the empty string, and never stores it plain', () => {
    setKeyRingForTests(k1);
    for (const plain of ['Ada Lovelace', '上海市浦东新区世纪大道 100 号', '']) {
      const stored = encryptText(plain, 'addresses.line1');
      expect(isEncrypted(stored)).toBe(true);
      expect(stored).not.toContain(plain || '\u0000');
      expect(decryptText(stored, 'addresses.line1')).toBe(plain);
    }
    // A fresh IV each time: the same name twice is two different values.
    expect(encryptText('Ada', 'x')).not.toBe(encryptText('Ada', 'x'));
    expect(encryptOptional(null, 'x')).toBeNull();
    expect(decryptOptional(undefined, 'x')).toBeUndefined();
  });

  it('refuses a value moved to another column or tampered with', () => {
    setKeyRingForTests(k1);
    const stored = encryptText('+44 20 7946 0000', 'addresses.phone');
    expect(() => decryptText(stored, 'addresses.name')).toThrow();
    const bytes = Buffer.from(stored.split(':')[2]!, 'base64url');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(() => decryptText(`enc1:k1:${bytes.toString('base64url')}`, 'addresses.phone')).toThrow();
  });

  it('rotates: old values still read under the new key list and are flagged for re-encryption', () => {
    setKeyRingForTests(k1);
    const old = encryptText('Grace Hopper', 'orders.name');
    setKeyRingForTests(`${k2},${k1}`);
    expect(currentKeyId()).toBe('k2');
    expect(decryptText(old, 'orders.name')).toBe('Grace Hopper');
    expect(needsReencryption(old)).toBe(true);
    const fresh = encryptText('Grace Hopper', 'orders.name');
    expect(fresh.startsWith('enc1:k2:')).toBe(true);
    expect(needsReencryption(fresh)).toBe(false);
    expect(needsReencryption('plain legacy text')).toBe(true);
    setKeyRingForTests(k2);
    expect(() => decryptText(old, 'orders.name')).toThrow(/unknown key "k1"/);
  });

  it('reads legacy plain text as it is', () => {
    setKeyRingForTests(k1);
    expect(decryptText('12 Rue de la Paix', 'addresses.line1')).toBe('12 Rue de la Paix');
  });

  it('rejects a malformed key list at start, naming the variable', () => {
    expect(() => parseEnv({ ENCRYPTION_KEYS: 'k1:short' })).toThrow(/ENCRYPTION_KEYS: key k1 must be 32 bytes/);
    expect(() => parseEnv({ ENCRYPTION_KEYS: 'nokey' })).toThrow(/ENCRYPTION_KEYS: each key must be written/);
    expect(() => parseEnv({ ENCRYPTION_KEYS: `${k1},${k1}` })).toThrow(/ENCRYPTION_KEYS: key ids must be unique/);
    expect(parseEnv({ ENCRYPTION_KEYS: `${k2},${k1}` }).ENCRYPTION_KEYS).toBe(`${k2},${k1}`);
  });
});
