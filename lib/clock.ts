import 'server-only';
import fs from 'node:fs';
import { env } from '@/lib/env';

/**
 * The store's clock for what depends on the calendar: a rental's dispatch, due date, late fee and
 * check-in. Domain functions take `now` from their caller; actions, pages and jobs ask this. It is the
 * system clock, unless TEST_CLOCK_FILE names a file (end-to-end tests only): the whole number of
 * milliseconds written in it is added, read on every call, so a test can move the running server's
 * time forward (past a due date) without restarting it. A missing or empty file moves nothing.
 */
export function now(): Date {
  const file = env.TEST_CLOCK_FILE;
  if (!file) return new Date();
  return new Date(Date.now() + offsetIn(file));
}

function offsetIn(file: string): number {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return 0;
  }
  const offset = Number(text || '0');
  if (!Number.isSafeInteger(offset))
    throw new Error(`TEST_CLOCK_FILE ${file} must hold a whole number of milliseconds`);
  return offset;
}
