/**
 * Text normalisation shared by the search index and search queries, so both sides agree.
 *
 * Postgres' text-search parser does not segment Chinese, Japanese or Korean: a run such as
 * "月光小夜曲" is one token. We therefore index every CJK run as overlapping character bigrams
 * (plus single characters), the approach of Lucene's CJK analyzer, and turn a CJK query into the
 * same bigrams. Latin text is folded to lower case without accents, so "Björk" matches "bjork".
 */

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+/gu;
// Control characters and anything that is not a letter, digit or CJK character becomes a space.
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const MAX_QUERY_LENGTH = 200;

/** Lower-cases, applies NFKC, strips accents from Latin letters and collapses punctuation to spaces. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Overlapping bigrams of a CJK run; a single character stays as it is. */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars.slice(i, i + 2).join(''));
  return grams;
}

/** Splits folded text into search tokens: Latin/other words as they are, CJK runs as bigrams. */
export function tokenize(input: string): string[] {
  const tokens: string[] = [];
  for (const word of foldText(input).split(' ')) {
    if (!word) continue;
    let last = 0;
    for (const match of word.matchAll(CJK_RUN)) {
      const index = match.index ?? 0;
      if (index > last) tokens.push(word.slice(last, index));
      tokens.push(...cjkBigrams(match[0]));
      last = index + match[0].length;
    }
    if (last < word.length) tokens.push(word.slice(last));
  }
  return tokens;
}

/**
 * The text to index for one weighted field: the folded text plus, for CJK runs, their single
 * characters and bigrams, so that any one- or two-character fragment of a CJK title is found.
 */
export function indexText(input: string | null | undefined): string {
  if (!input) return '';
  const folded = foldText(input);
  const extra: string[] = [];
  for (const match of folded.matchAll(CJK_RUN)) {
    const chars = Array.from(match[0]);
    extra.push(...chars);
    if (chars.length > 1) extra.push(...cjkBigrams(match[0]));
  }
  return extra.length ? `${folded} ${extra.join(' ')}` : folded;
}

/** True when the string contains CJK characters. */
export function hasCjk(input: string): boolean {
  return new RegExp(CJK_RUN.source, 'u').test(input);
}

/**
 * The cleaned query a user typed: bounded length, no control characters or lone surrogates, single
 * spaces. Anything but a string (a cached search called from outside as a server reference) is ''.
 */
export function cleanQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .slice(0, MAX_QUERY_LENGTH * 4)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/**
 * A Postgres tsquery (for to_tsquery('simple', …)) matching every token of the query, the last one
 * as a prefix so that results appear while typing. Tokens are quoted, so no user text is ever
 * parsed as tsquery syntax. Returns null when nothing searchable is left.
 */
export function toTsQuery(query: string, { prefixLast = true } = {}): string | null {
  const tokens = Array.from(new Set(tokenize(query))).slice(0, 16);
  if (tokens.length === 0) return null;
  return tokens
    .map((token, index) => {
      const quoted = `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
      return prefixLast && index === tokens.length - 1 && !hasCjk(token) ? `${quoted}:*` : quoted;
    })
    .join(' & ');
}
