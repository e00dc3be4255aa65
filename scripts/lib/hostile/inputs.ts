/**
 * The hostile inputs of the sweep: path segments, query strings, request bodies and cookies. Each is
 * named (`kind`) so that a failure in the summary says what was sent. Nothing big is held in memory:
 * the 2 MB and 20 MB bodies are generated chunk by chunk as they are sent.
 */

/** Path segments, already percent-encoded as they go on the wire. */
export const HOSTILE_SEGMENTS: readonly string[] = [
  '%00', // NUL
  'a%00b',
  '%01%1F%7F', // control characters
  '%E0%A4%A', // truncated UTF-8 sequence
  '%', // a lone percent sign
  '%ZZ', // not hex
  '%C0%AE%C0%AE', // overlong UTF-8 dots
  '%ED%A0%80', // UTF-8 of a lone surrogate
  '%0D%0ASet-Cookie:%20x=1', // header injection
  '%2E%2E%2F%2E%2E%2Fpackage.json', // traversal
  'x'.repeat(5000), // very long
  '-1',
  '1e309',
  '99999999999999999999999',
  '%F0%9F%92%A9', // 4-byte UTF-8
];

/** Parameter names the app reads from query strings and forms, before the forms' own are added. */
export const COMMON_FIELDS: readonly string[] = [
  'q',
  'page',
  'pageSize',
  'sort',
  'kind',
  'format',
  'genre',
  'decade',
  'price',
  'avail',
  'status',
  'from',
  'to',
  'range',
  'id',
  'slug',
  'product',
  'productId',
  'editionId',
  'lineId',
  'quantity',
  'for',
  'token',
  'key',
  'email',
  'login',
  'username',
  'password',
  'displayName',
  'next',
  'callbackUrl',
  'error',
];

/** One query string, without the `?`. */
export type QueryVariant = { kind: string; query: string };

/** Values given to every field of a query string or form, raw (encoded by the caller). */
export const HOSTILE_VALUES: readonly { kind: string; value: string }[] = [
  { kind: 'nul', value: '\u0000' },
  { kind: 'nul-inside', value: 'a\u0000b' },
  { kind: 'control', value: '\u0001\u0008\u001b\u007f\u0085' },
  { kind: 'lone-surrogate', value: '\ud800' },
  { kind: 'negative', value: '-1' },
  { kind: 'overflow', value: '1e309' },
  { kind: 'huge-integer', value: '99999999999999999999999' },
  { kind: 'not-a-number', value: 'NaN' },
  { kind: 'long', value: 'x'.repeat(5000) },
  { kind: 'empty', value: '' },
  { kind: 'proto', value: '__proto__' },
  { kind: 'sql', value: "' or 1=1 --" },
  { kind: 'html', value: '<script>alert(1)</script>' },
  { kind: 'url', value: '//evil.example/%2e%2e' },
];

/** `a=v&b=v` with every name set to the value, percent-encoded by URLSearchParams (a lone surrogate becomes U+FFFD). */
function allFields(names: readonly string[], value: string): string {
  return names.map((name) => `${encodeURIComponent(name)}=${encodeQueryValue(value)}`).join('&');
}

/** encodeURIComponent, except that a lone surrogate is sent as the raw UTF-8 of U+D800 (invalid UTF-8). */
function encodeQueryValue(value: string): string {
  return value === '\ud800' ? '%ED%A0%80' : encodeURIComponent(value);
}

/** The hostile values a query string carries in every field (the others are for bodies and forms). */
const QUERY_VALUE_KINDS = ['nul', 'control', 'lone-surrogate', 'overflow', 'huge-integer', 'long', 'empty'];

/** Hostile query strings for a GET: each value in every field, and the classic paging and encoding tricks. */
export function hostileQueries(fields: readonly string[] = COMMON_FIELDS): QueryVariant[] {
  return [
    ...HOSTILE_VALUES.filter(({ kind }) => QUERY_VALUE_KINDS.includes(kind)).map(({ kind, value }) => ({
      kind: `query-${kind}`,
      query: allFields(fields, value),
    })),
    { kind: 'query-page-negative', query: 'page=-1&pageSize=-1' },
    { kind: 'query-page-overflow', query: 'page=1e309&pageSize=1e309' },
    { kind: 'query-page-size-huge', query: 'page=99999999&pageSize=100000' },
    { kind: 'query-repeated', query: `${allFields(fields, '1')}&${allFields(fields, '2')}&page=1&page=x` },
    { kind: 'query-broken-percent', query: 'q=%E0%A4%A&page=%&sort=%ZZ&%=%' },
    { kind: 'query-array-syntax', query: 'q[]=a&q[x]=b&page[]=1&productId[$ne]=1' },
  ];
}

/** A request body: its bytes (or a factory of a stream of them) and the headers that describe it. */
export type BodyVariant = {
  kind: string;
  contentType?: string;
  /** Bytes, or a factory for bodies too big to hold: called once per request. */
  body?: string | Uint8Array | (() => ReadableStream<Uint8Array>);
  /** Big bodies: the server may close the connection instead of answering, which is fine. */
  huge?: boolean;
};

/** An object with every field set to the value: the shape of a JSON body the app might read. */
function jsonObject(fields: readonly string[], value: unknown): string {
  return JSON.stringify(Object.fromEntries(fields.map((name) => [name, value])));
}

/** `[[[…]]]` nested `depth` deep. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A JSON array of `length` short strings. */
export function wideJson(length: number): string {
  return `[${Array.from({ length }, () => '"x"').join(',')}]`;
}

const CHUNK = new Uint8Array(64 * 1024).fill(0x61); // 'a'

/**
 * A JSON body `{"q":"aaaa…"}` of about `bytes` bytes, produced 64 KB at a time as the request is
 * sent, so that a 20 MB body never sits in memory.
 */
export function streamedJson(bytes: number): () => ReadableStream<Uint8Array> {
  return () => {
    let sent = 0;
    let stage: 'head' | 'fill' | 'tail' | 'done' = 'head';
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (stage === 'head') {
          controller.enqueue(new TextEncoder().encode('{"q":"'));
          stage = 'fill';
        } else if (stage === 'fill') {
          const size = Math.min(CHUNK.length, bytes - sent);
          controller.enqueue(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size));
          sent += size;
          if (sent >= bytes) stage = 'tail';
        } else if (stage === 'tail') {
          controller.enqueue(new TextEncoder().encode('"}'));
          stage = 'done';
        } else {
          controller.close();
        }
      },
    });
  };
}

/** A multipart/form-data body with each field set to the value (and one file part), and its content type. */
export function multipartBody(entries: [string, string][], boundary = 'hostile-sweep-boundary'): BodyVariant {
  const parts = entries.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const file =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../\u202e.csv"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n\u0000\u00ff\u00fe,"\r\n';
  return {
    kind: 'multipart',
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: `${parts.join('')}${file}--${boundary}--\r\n`,
  };
}

const JSON_TYPE = 'application/json';

/** Hostile bodies for a POST (or any method with a body) to a route handler or a page. */
export function hostileBodies(fields: readonly string[] = COMMON_FIELDS): BodyVariant[] {
  const form = (value: string) => allFields(fields, value);
  return [
    { kind: 'empty', contentType: JSON_TYPE },
    { kind: 'no-content-type', body: '{}' },
    { kind: 'json-nul', contentType: JSON_TYPE, body: jsonObject(fields, '\u0000') },
    { kind: 'json-control', contentType: JSON_TYPE, body: jsonObject(fields, 'a\u0001\u001b\u007fb') },
    // JSON may carry a lone surrogate that UTF-8 cannot: "\ud800" stays escaped on the wire.
    {
      kind: 'json-lone-surrogate',
      contentType: JSON_TYPE,
      body: jsonObject(fields, 'x').replaceAll('"x"', '"\\ud800"'),
    },
    { kind: 'json-long-strings', contentType: JSON_TYPE, body: jsonObject(fields, 'x'.repeat(5000)) },
    { kind: 'json-numbers', contentType: JSON_TYPE, body: jsonObject(fields, 1.7976931348623157e308) },
    { kind: 'json-negative', contentType: JSON_TYPE, body: jsonObject(fields, -1) },
    { kind: 'json-booleans', contentType: JSON_TYPE, body: jsonObject(fields, true) },
    { kind: 'json-arrays', contentType: JSON_TYPE, body: jsonObject(fields, ['x', 1]) },
    { kind: 'json-objects', contentType: JSON_TYPE, body: jsonObject(fields, { $ne: null, length: -1 }) },
    { kind: 'json-nulls', contentType: JSON_TYPE, body: jsonObject(fields, null) },
    { kind: 'json-top-null', contentType: JSON_TYPE, body: 'null' },
    { kind: 'json-top-string', contentType: JSON_TYPE, body: '"x"' },
    { kind: 'json-top-number', contentType: JSON_TYPE, body: '1e309' },
    { kind: 'json-proto', contentType: JSON_TYPE, body: '{"__proto__":{"admin":true},"constructor":{"prototype":1}}' },
    { kind: 'json-deep-10000', contentType: JSON_TYPE, body: deepJson(10_000) },
    { kind: 'json-wide-100000', contentType: JSON_TYPE, body: wideJson(100_000) },
    { kind: 'not-json', contentType: JSON_TYPE, body: '{"q": ' },
    { kind: 'binary', contentType: JSON_TYPE, body: Uint8Array.from({ length: 256 }, (_, i) => i) },
    { kind: 'json-bad-charset', contentType: 'application/json; charset=bogus-42', body: '{}' },
    { kind: 'json-as-text', contentType: 'text/plain', body: jsonObject(fields, '\u0000') },
    {
      kind: 'xml',
      contentType: 'application/xml',
      body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "x">]><a>&x;</a>',
    },
    { kind: 'form-nul', contentType: 'application/x-www-form-urlencoded', body: form('\u0000') },
    { kind: 'form-broken-percent', contentType: 'application/x-www-form-urlencoded', body: 'q=%E0%A4%A&page=%&%=' },
    { ...multipartBody(fields.map((name) => [name, 'a\u0000b'])), kind: 'multipart-nul' },
    { kind: 'multipart-no-boundary', contentType: 'multipart/form-data', body: 'garbage\r\n--\r\n' },
    { kind: 'multipart-broken', contentType: 'multipart/form-data; boundary=b', body: '--b\r\nContent-Disp' },
    { kind: 'json-2mb', contentType: JSON_TYPE, body: streamedJson(2 * 1024 * 1024), huge: true },
    { kind: 'json-20mb', contentType: JSON_TYPE, body: streamedJson(20 * 1024 * 1024), huge: true },
  ];
}

/** One Cookie header. */
export type CookieVariant = { kind: string; cookie: string };

/**
 * Cookie headers with one cookie malformed at a time: each name the client holds (the session, the
 * visitor id, the cart…) plus the locale cookie, set to values no server ever issued.
 */
export function hostileCookies(names: readonly string[]): CookieVariant[] {
  const values: { kind: string; value: string }[] = [
    { kind: 'garbage', value: 'not-a-valid-value' },
    { kind: 'jwt-like', value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.' },
    { kind: 'nul', value: '%00' },
    { kind: 'broken-percent', value: '%E0%A4%A' },
    { kind: 'long', value: 'x'.repeat(3000) },
  ];
  return [...new Set(names)].flatMap((name) =>
    values.map(({ kind, value }) => ({ kind: `cookie-${name}-${kind}`, cookie: `${name}=${value}` })),
  );
}

/** Accept-Language headers the locale negotiation must survive. */
export const HOSTILE_ACCEPT_LANGUAGES: readonly string[] = [
  'zh;q=1e309, en;q=NaN',
  `${'x-'.repeat(2000)}zh`,
  ';;;,,,q=',
];

/** `name="…"` of every form control in an HTML page: the fields the app's forms really have. */
export function formFieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const [, name = ''] of html.matchAll(/<(?:input|select|textarea|button)\b[^>]*?\sname="([^"]+)"/g)) {
    if (!name.startsWith('$ACTION')) names.add(name.replaceAll('&amp;', '&'));
  }
  return [...names];
}
