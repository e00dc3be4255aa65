import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at the OWASP/ASVS minimum (m = 19 MiB, t = 2, p = 1). The password is hashed exactly as
 * typed: no trimming, no normalization, no truncation.
 */
// algorithm 2 is Argon2id (the package's Algorithm enum is an ambient const enum, unusable here).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash of a random secret: verifying against it costs what a real verification costs, so an
// unknown account answers as slowly as a wrong password.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hash(crypto.randomUUID(), OPTIONS);
  return dummyHash;
}

/** Verifies a password; with no stored hash it verifies against a dummy and returns false. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    if (!storedHash) {
      await verify(await getDummyHash(), password);
      return false;
    }
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
