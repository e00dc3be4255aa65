import { z } from 'zod';

/**
 * The one rule for text that people type or put in a URL (issue 14.1): no control characters and no
 * lone UTF-16 surrogates. Postgres refuses NUL in a text column (the statement fails with a 500),
 * other controls only hide things, and a lone surrogate cannot be encoded as UTF-8. Every zod schema
 * builds its strings from `text()` / `safeString()`; hand-read URL parameters go through `queryText()`.
 * Pure: used by the forms' server actions, the JSON API and the pages alike.
 */

/** C0 controls, DEL and C1 controls: tab, line feed and carriage return are checked separately. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\t\n\r]/;

/** The message key of a value that breaks the rule (translated as "contains characters that are not allowed"). */
export const TEXT_INVALID = 'textInvalid';

/**
 * True when `value` has no control character and no lone surrogate. Tab, line feed and carriage
 * return are allowed only in `multiline` text (a review body, a note), never in a one-line field.
 */
export function isSafeText(value: string, { multiline = false } = {}): boolean {
  if (CONTROL.test(value) || !value.isWellFormed()) return false;
  return multiline || !LINE_BREAK.test(value);
}

/**
 * A string that obeys the rule, checked first (`abort`: a bad value gets this one message, not a
 * length error as well). Chain `.trim()`, `.min()`, `.max()`, `.regex()` after it as usual. Multi-line
 * text has `\r\n` turned into `\n`, so lengths count what a person sees.
 */
export function safeString({ multiline = false, message = TEXT_INVALID, error }: SafeStringOptions = {}) {
  const base = z.string(error === undefined ? undefined : { error });
  const checked = base.refine((value) => isSafeText(value, { multiline }), { message, abort: true });
  return multiline ? checked.overwrite((value) => value.replace(/\r\n?/g, '\n')) : checked;
}

type SafeStringOptions = {
  /** Allow tab and line breaks. */
  multiline?: boolean;
  /** The message of a value with forbidden characters. */
  message?: string;
  /** The message of a value that is not a string at all. */
  error?: string;
};

/**
 * Trimmed text of at most `max` characters that obeys the rule: the everyday form field.
 * `tooLong` is the message key of a value over the limit.
 */
export function text(max: number, { tooLong = 'tooLong', ...options }: SafeStringOptions & { tooLong?: string } = {}) {
  return safeString(options).trim().max(max, tooLong);
}

/**
 * A search box or list filter read from a URL (`?q=`): trimmed and cut to `max` characters, or ''
 * when it is missing, not a string, or breaks the rule. Lenient on purpose: a mangled link shows the
 * unfiltered list instead of an error.
 */
export function queryText(value: unknown, max: number): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string' || !isSafeText(first)) return '';
  return first.trim().slice(0, max);
}

/** `queryText` as a zod field, for filter schemas of search params: never fails. */
export const queryTextSchema = (max: number) => z.preprocess((value) => queryText(value, max), z.string());
