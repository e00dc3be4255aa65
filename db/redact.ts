import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { Logger } from 'drizzle-orm/logger';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/**
 * A failed statement must never put its parameters in a log (issue 14.1: a registration that failed
 * logged the email address and the password hash). Drizzle's error message is "Failed query: …
 * params: …", and the drivers' errors carry the values too (PGlite's `params`; Postgres' `detail`
 * and `where`, e.g. "Key (email_key)=(…) already exists"). Every query error is stripped of them
 * before anyone can log or store it; the SQL text, the error code, the constraint and the table stay,
 * which is what finding the fault needs.
 */

/** Fields of a database error (at any depth of `cause`) that may quote a statement's values. */
const VALUE_FIELDS = ['params', 'parameters', 'args', 'types', 'detail', 'where'] as const;

/** Removes statement values from a database error and its causes, in place, and returns it. */
export function redactQueryError<T>(error: T): T {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const target = current as Record<string, unknown>;
    for (const field of VALUE_FIELDS) {
      // postgres.js defines some of them read-only and hidden (they are not printed): leave those.
      if (Object.getOwnPropertyDescriptor(target, field)?.configurable) delete target[field];
    }
    if (current instanceof DrizzleQueryError) {
      const message = `Failed query: ${current.query}`;
      if (current.stack) current.stack = current.stack.replace(current.message, message);
      current.message = message;
    }
    current = target.cause;
  }
  return error;
}

let installed = false;

/**
 * Makes every prepared statement (the builder, `execute`, transactions, both drivers) throw redacted
 * errors. Drizzle has no hook for its errors, so its one method that wraps driver errors is wrapped.
 */
export function redactQueryErrors(): void {
  if (installed) return;
  installed = true;
  const prototype = PgPreparedQuery.prototype as unknown as {
    queryWithCache: (this: unknown, ...args: unknown[]) => Promise<unknown>;
  };
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw redactQueryError(error);
    }
  };
}

/** LOG_SQL's logger: each statement's text, never its parameters. */
export const statementLogger: Logger = {
  logQuery(query: string): void {
    console.log(`Query: ${query}`);
  },
};
