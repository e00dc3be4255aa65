import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { statementLogger } from '@/db/redact';
import { users } from '@/lib/accounts/schema';

// Issue 14.1: a failed statement logged its parameters (a registration's email and password hash).
// Every way the app prints an error (console.error → util.inspect, `${error}`, the stack, a message
// stored in a table) must leave the values out, on PGlite and on PostgreSQL alike.

const SECRET_EMAIL = `secret.${Date.now()}@example.com`;
const SECRET_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRETHASHSECRETHASH';

afterEach(() => vi.restoreAllMocks());

/** Everything console.error would print for the error, plus its message and stack. */
function printed(error: unknown): string {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
  });
  console.error('[test] failed:', error);
  const e = error as Error;
  return [...lines, String(e), e.message, e.stack ?? ''].join('\n');
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the statement did not fail');
}

describe('query errors', () => {
  it('a statement refused for a NUL byte leaves its parameters out of every log line', async () => {
    const db = await getDb();
    const error = await failure(() =>
      db.insert(users).values({
        username: 'nul\u0000name',
        usernameKey: `nul-${Date.now()}`,
        email: SECRET_EMAIL,
        emailKey: SECRET_EMAIL,
        passwordHash: SECRET_HASH,
      }),
    );
    const text = printed(error);
    expect(text).toContain('insert into "users"');
    expect(text).not.toContain(SECRET_EMAIL);
    expect(text).not.toContain(SECRET_HASH);
  });

  it('a unique violation keeps its code and constraint, not the duplicate value (Postgres detail)', async () => {
    const db = await getDb();
    const row = { username: 'dup', usernameKey: `dup-${Date.now()}`, email: SECRET_EMAIL, emailKey: SECRET_EMAIL };
    await db.insert(users).values(row);
    const error = await failure(() => db.insert(users).values({ ...row, usernameKey: `${row.usernameKey}-2` }));
    const cause = (error as { cause?: { code?: string; constraint?: string; constraint_name?: string } }).cause;
    expect(cause?.code).toBe('23505');
    expect(cause?.constraint ?? cause?.constraint_name).toBe('users_email_key_key');
    expect(printed(error)).not.toContain(SECRET_EMAIL);
    await db.execute(sql`delete from users where email_key = ${SECRET_EMAIL}`);
  });

  it('LOG_SQL logs the statement text, never its parameters', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    statementLogger.logQuery('select $1', [SECRET_EMAIL]);
    expect(lines).toEqual(['Query: select $1']);
  });
});
