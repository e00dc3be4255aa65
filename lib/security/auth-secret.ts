import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { localSecretFile } from './local-secret';

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
  secret = localSecretFile('auth-secret', () => randomBytes(32).toString('base64url'));
  return secret;
}
