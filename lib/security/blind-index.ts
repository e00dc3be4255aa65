import 'server-only';
import { createHmac } from 'node:crypto';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { must } from '@/lib/must';
import { indexKeys } from './encryption';

/**
 * Blind indexes: how staff still find a customer by name or phone number once names and phone
 * numbers are encrypted (lib/security/encryption.ts). Beside the ciphertext, a row keeps a `text[]` of
 * keyed hashes (HMAC-SHA256, truncated to 128 bits) of the normalized words of its names and of the
 * trailing digits of its phone numbers; a search hashes what the admin typed the same way and looks
 * for rows holding every hash (`&&` on a GIN index). The database never sees a name or a number, only
 * hashes that cannot be reversed without the key.
 *
 * What it finds: whole words of a name in any order and case, with or without accents ("josé" finds
 * "José García"; "gar" finds nothing), Chinese, Japanese and Korean names by the whole name or any
 * two consecutive characters; a phone number typed with any spacing or punctuation, whole or by its
 * last 7 or more digits, with or without the national "0" prefix or the country code.
 *
 * Each entry is `<key id>:<hash>`, under the index key derived from an encryption key (`indexKeys`).
 * New entries use the current key; a search asks for the hashes under every key in ENCRYPTION_KEYS,
 * so rows indexed under an old key are still found while `npm run keys:rotate` re-indexes them.
 */

export type BlindKind = 'name' | 'phone';

/** Shortest phone suffix that is indexed and searched: fewer digits would match many customers. */
export const PHONE_MIN_DIGITS = 7;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lower case, compatibility forms folded (full-width letters), Latin accents dropped. */
function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase();
}

/**
 * The searchable words of a name: every run of letters and digits; a run of CJK characters (names
 * are written without spaces) is kept whole and also as its overlapping pairs, so 王小明 is found by
 * 王小明, 王小 or 小明.
 */
export function nameTokens(value: string): string[] {
  const tokens = new Set<string>();
  for (const word of normalizeName(value).match(/[\p{L}\p{N}]+/gu) ?? []) {
    for (const run of word.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
    ) ?? []) {
      tokens.add(run);
      if (CJK.test(run) && run.length > 2) {
        const chars = Array.from(run);
        for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return [...tokens];
}

const digitsOf = (value: string) => value.normalize('NFKC').replace(/\D/g, '');

/** The indexed forms of a phone number: its digits, and every trailing part of PHONE_MIN_DIGITS or more. */
export function phoneTokens(value: string): string[] {
  const digits = digitsOf(value);
  if (digits.length < PHONE_MIN_DIGITS) return digits.length > 0 ? [digits] : [];
  const tokens: string[] = [];
  for (let length = PHONE_MIN_DIGITS; length <= digits.length; length++) tokens.push(digits.slice(-length));
  return tokens;
}

/**
 * The forms of a phone number an admin typed that are looked up (any one matching is enough): its
 * digits without leading zeros, and the same without a country code of 1 to 3 digits, so that
 * "+44 20 7946 0000" finds "020 7946 0000". Null when it does not look like a phone number.
 */
export function phoneQuery(query: string): string[] | null {
  if (!/^[\s\d+().\-/]+$/u.test(query.normalize('NFKC'))) return null;
  const digits = digitsOf(query).replace(/^0+/, '');
  if (digits.length < PHONE_MIN_DIGITS) return null;
  // Without a country code a number keeps at least 9 digits (France, the shortest of the large markets).
  const national = [1, 2, 3].map((drop) => digits.slice(drop)).filter((form) => form.length >= 9);
  return [digits, ...national];
}

function entry(id: string, key: Buffer, kind: BlindKind, token: string): string {
  return `${id}:${createHmac('sha256', key).update(`${kind}\u0000${token}`).digest('base64url').slice(0, 22)}`;
}

/**
 * The blind index of a row: the hashes, under the current index key, of every name and phone given.
 * Null when there is nothing to index (every value empty).
 */
export function blindIndex(values: { kind: BlindKind; value: string | null | undefined }[]): string[] | null {
  const { id, key } = must(indexKeys()[0], 'current blind-index key');
  const entries = new Set<string>();
  for (const { kind, value } of values) {
    if (!value) continue;
    for (const token of kind === 'name' ? nameTokens(value) : phoneTokens(value))
      entries.add(entry(id, key, kind, token));
  }
  return entries.size > 0 ? [...entries].sort() : null;
}

/**
 * What a search looks for: a list of terms that must all match, each term the hashes (under every
 * key) of which any one is enough. A query that looks like a phone number (digits and punctuation,
 * at least PHONE_MIN_DIGITS digits) is one term, its forms from `phoneQuery`; anything else is one
 * term per word of a name. Null when there is nothing to look up.
 */
export function blindQuery(query: string): string[][] | null {
  const keys = indexKeys();
  const hashes = (kind: BlindKind, tokens: string[]) =>
    tokens.flatMap((token) => keys.map(({ id, key }) => entry(id, key, kind, token)));
  const phone = phoneQuery(query);
  if (phone) return [hashes('phone', phone)];
  const words = nameTokens(query).slice(0, 8);
  return words.length > 0 ? words.map((word) => hashes('name', [word])) : null;
}

/** A condition: the blind index `column` holds every word of `query`; null when the query has none. */
export function blindIndexMatches(column: AnyColumn | SQL, query: string): SQL | null {
  const terms = blindQuery(query);
  if (!terms) return null;
  return sql`(${sql.join(
    terms.map((hashes) => sql`${column} && ${`{${hashes.join(',')}}`}::text[]`),
    sql` and `,
  )})`;
}

/** A blind index as a SQL value, for raw inserts and updates (`null` when there is none). */
export function blindIndexSql(entries: string[] | null): SQL {
  return entries ? sql`${`{${entries.join(',')}}`}::text[]` : sql`null::text[]`;
}
