import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let secret: string | undefined;

/**
 * The key that signs session tokens: NEXTAUTH_SECRET, or — for the embedded demo database only — a
 * random key generated once and kept beside it (.data/auth-secret), so `npm run demo` needs no setup.
 * With a PostgreSQL server the variable is required.
 */
export function authSecret(): string {
  if (secret) return secret;
  if (env.NEXTAUTH_SECRET) return (secret = env.NEXTAUTH_SECRET);
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error(
      'NEXTAUTH_SECRET is required with DATABASE_URL in production: generate one with `openssl rand -base64 32`.',
    );
  }
  const file = path.join(
    path.dirname(path.resolve(env.PGLITE_DIR.replace(/^memory:\/\//, '.data/memory'))),
    'auth-secret',
  );
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': if another process (a build worker) wrote it first, keep theirs.
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  secret = fs.readFileSync(file, 'utf8').trim();
  return secret;
}
