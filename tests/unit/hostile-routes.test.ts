import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deepJson,
  formFieldNames,
  HOSTILE_SEGMENTS,
  hostileBodies,
  hostileCookies,
  hostileQueries,
  streamedJson,
  wideJson,
} from '@/scripts/lib/hostile/inputs';
import {
  exportedMethods,
  FALLBACK_VALUES,
  hostilePaths,
  listRoutes,
  realPaths,
  workerSegments,
} from '@/scripts/lib/hostile/routes';
import { at, first } from '@/tests/support/lists';

// The routes `npm run test:hostile` (scripts/hostile.ts) finds in the real app/ tree, how it fills
// them, and the hostile inputs it makes.

const VALUES = {
  'products/[slug]': ['neon-harbour', 'second-album'],
  'orders/[number]': ['EN-1001'],
  'music/[[...filters]]': ['', 'genre=rock'],
  'auth/[...nextauth]': ['session', 'csrf'],
};

describe('route enumeration', () => {
  const routes = listRoutes();
  const byPattern = (pattern: string) => routes.find((r) => r.pattern === pattern);

  it('finds the pages, route handlers and metadata routes of app/, without groups or the hidden locale', () => {
    expect(byPattern('/products/[slug]')).toMatchObject({ kind: 'page', methods: ['GET'] });
    expect(byPattern('/products/[slug]')?.file).toBe('app/[locale]/(store)/products/[slug]/page.tsx');
    expect(byPattern('/api/v1/cart')).toMatchObject({ kind: 'route', methods: ['GET'] });
    expect(byPattern('/api/v1/auth/register')?.methods).toEqual(['POST']);
    expect(byPattern('/api/auth/[...nextauth]')?.methods).toEqual(['GET', 'POST']);
    expect(byPattern('/music/[[...filters]]')?.segments.at(-1)).toEqual({
      type: 'catchAll',
      name: 'filters',
      optional: true,
    });
    for (const admin of ['/admin', '/admin/orders/[number]', '/admin/products/import', '/admin/stock/[editionId]']) {
      expect(byPattern(admin)?.kind).toBe('page');
    }
    expect(byPattern('/robots.txt')?.file).toBe('app/robots.ts');
    expect(byPattern('/sitemap.xml')).toBeDefined();
    // Private folders, layouts and error pages are no routes; nothing keeps the [locale] segment.
    expect(routes.some((r) => r.pattern.includes('_browse') || r.pattern.includes('[locale]'))).toBe(false);
    expect(routes.some((r) => /layout|error|loading/.test(r.file))).toBe(false);
  });

  it('finds a route added to the tree without being told about it', () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-app-'));
    fs.mkdirSync(path.join(app, '[locale]', '(store)', 'labels', '[code]'), { recursive: true });
    fs.writeFileSync(path.join(app, '[locale]', '(store)', 'labels', '[code]', 'page.tsx'), '');
    fs.mkdirSync(path.join(app, 'api', 'v2', 'things'), { recursive: true });
    fs.writeFileSync(
      path.join(app, 'api', 'v2', 'things', 'route.ts'),
      'export const PUT = handler;\nexport async function DELETE() {}\nconst x = 1; export { x as PATCH };',
    );
    const found = listRoutes(app);
    fs.rmSync(app, { recursive: true });
    expect(found.map((r) => [r.pattern, r.methods])).toEqual([
      ['/api/v2/things', ['PUT', 'PATCH', 'DELETE']],
      ['/labels/[code]', ['GET']],
    ]);
    // An unknown segment is filled with fallback values, so the new page is still swept.
    expect(realPaths(at(found, 1).segments, VALUES)).toEqual(FALLBACK_VALUES.map((v) => `/labels/${v}`));
  });

  it('reads the methods a route handler exports', () => {
    expect(exportedMethods('export { handler as GET, handler as POST };')).toEqual(['GET', 'POST']);
    expect(exportedMethods('export async function GET() {}\nexport function helper() {}')).toEqual(['GET']);
  });

  it('fills dynamic segments with every real value, then with hostile ones', () => {
    const product = byPattern('/products/[slug]')!;
    expect(realPaths(product.segments, VALUES)).toEqual(['/products/neon-harbour', '/products/second-album']);
    expect(realPaths(byPattern('/music/[[...filters]]')!.segments, VALUES)).toEqual(['/music', '/music/genre=rock']);
    expect(realPaths(byPattern('/api/auth/[...nextauth]')!.segments, VALUES)).toEqual([
      '/api/auth/session',
      '/api/auth/csrf',
    ]);
    const hostile = hostilePaths(byPattern('/admin/orders/[number]/packing-slip')!.segments, VALUES, ['%00', '%']);
    expect(hostile.map((h) => h.path)).toEqual(['/admin/orders/%00/packing-slip', '/admin/orders/%/packing-slip']);
    // A route without dynamic segments gets the hostile value as an extra segment.
    expect(first(hostilePaths(byPattern('/api/v1/cart')!.segments, VALUES, ['%00'])).path).toBe('/api/v1/cart/%00');
  });

  it('turns a build worker of the server-reference manifest into the page to post an action to', () => {
    const segments = workerSegments('app/[locale]/(store)/products/[slug]/page')!;
    expect(realPaths(segments, VALUES)[0]).toBe('/products/neon-harbour');
    expect(workerSegments('app/api/v1/products/route')).toBeNull();
  });
});

describe('hostile inputs', () => {
  it('has NUL, control characters, broken percent-encoding and a 5,000-character segment', () => {
    expect(HOSTILE_SEGMENTS).toEqual(expect.arrayContaining(['%00', '%E0%A4%A', '%', 'x'.repeat(5000)]));
  });

  it('makes the paging tricks and puts each hostile value in every field of a query string', () => {
    const queries = hostileQueries(['q', 'page']);
    const query = (kind: string) => queries.find((q) => q.kind === kind)?.query;
    expect(query('query-nul')).toBe('q=%00&page=%00');
    expect(query('query-lone-surrogate')).toBe('q=%ED%A0%80&page=%ED%A0%80');
    expect(query('query-page-overflow')).toContain('page=1e309');
    expect(query('query-page-size-huge')).toContain('pageSize=100000');
    expect(query('query-repeated')).toContain('page=1&page=x');
  });

  it('makes JSON of wrong types, 10,000 deep and 100,000 wide, and bodies of the wrong kind', () => {
    const bodies = hostileBodies(['email', 'productId']);
    const body = (kind: string) => bodies.find((b) => b.kind === kind);
    expect(JSON.parse(body('json-nul')!.body as string)).toEqual({ email: '\u0000', productId: '\u0000' });
    expect(JSON.parse(body('json-numbers')!.body as string).email).toBeTypeOf('number');
    expect(JSON.parse(body('json-lone-surrogate')!.body as string).email).toBe('\ud800');
    expect(deepJson(10_000)).toHaveLength(20_000);
    expect(JSON.parse(wideJson(100_000))).toHaveLength(100_000);
    expect(body('empty')?.body).toBeUndefined();
    expect(body('xml')?.contentType).toBe('application/xml');
    expect(body('multipart-nul')?.body).toContain('name="email"\r\n\r\na\u0000b');
    expect(body('json-20mb')).toMatchObject({ huge: true });
  });

  it('streams a big body in chunks that add up to its size, never all at once', async () => {
    const reader = streamedJson(1_000_000)().getReader();
    let total = 0;
    let largest = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.length;
      largest = Math.max(largest, chunk.value.length);
    }
    expect(total).toBe(1_000_000 + '{"q":""}'.length);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });

  it('breaks one cookie at a time, and reads the field names of a page’s forms', () => {
    const cookies = hostileCookies(['encore.session-token', 'NEXT_LOCALE']);
    expect(cookies.map((c) => c.cookie)).toContain('encore.session-token=%00');
    expect(cookies.map((c) => c.cookie)).toContain('NEXT_LOCALE=%E0%A4%A');
    const html =
      '<form><input type="hidden" name="$ACTION_ID_1"/><input name="line1"><select name="country"></select></form>';
    expect(formFieldNames(html)).toEqual(['line1', 'country']);
  });
});
