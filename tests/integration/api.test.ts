import { describe, expect, it } from 'vitest';
import { GET as getProductRoute } from '@/app/api/v1/products/[slug]/route';
import { GET as listProductsRoute } from '@/app/api/v1/products/route';
import { GET as searchRoute } from '@/app/api/v1/search/route';
import { GET as suggestionsRoute } from '@/app/api/v1/search/suggestions/route';

const request = (path: string) => new Request(`http://localhost${path}`);

describe('GET /api/v1/products', () => {
  it('returns items with slug, title, kind and a price, and the total', async () => {
    const response = await listProductsRoute(
      request('/api/v1/products?kind=album&format=vinyl&sort=price_asc&pageSize=5'),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    expect(body.items[0]).toMatchObject({
      slug: expect.any(String),
      title: expect.any(String),
      kind: 'album',
      price: { amountMinor: expect.any(Number), currency: 'USD' },
    });
    expect(body.facets.formats.length).toBeGreaterThan(0);
  });

  it.each([
    ['page=0', 'page'],
    ['page=NaN', 'page'],
    ['page=1e3', 'page'],
    ['pageSize=101', 'pageSize'],
    ['kind=book', 'kind'],
    ['format=8track', 'format'],
    ['decade=1985', 'decade'],
    ['price=1-2', 'price'],
    ['sort=%00', 'sort'],
    ['evil=%27%3B', 'evil'],
  ])('answers 400 naming the parameter for %s', async (query, param) => {
    const response = await listProductsRoute(request(`/api/v1/products?${query}`));
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual([param]);
  });
});

describe('GET /api/v1/products/{slug}', () => {
  it('returns a product, or 404', async () => {
    const ok = await getProductRoute(request('/api/v1/products/neon-harbour'), {
      params: Promise.resolve({ slug: 'neon-harbour' }),
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.editions[0].price.currency).toBe('USD');
    for (const slug of ['nope', '../../etc/passwd', 'A'.repeat(5000)]) {
      const missing = await getProductRoute(request('/x'), { params: Promise.resolve({ slug }) });
      expect(missing.status).toBe(404);
    }
  });
});

describe('GET /api/v1/search', () => {
  it('searches, requires q, and never fails on odd input', async () => {
    const ok = await searchRoute(request('/api/v1/search?q=neon%20harbur'));
    expect(ok.status).toBe(200);
    expect((await ok.json()).items.map((i: { slug: string }) => i.slug)).toContain('neon-harbour');
    const missing = await searchRoute(request('/api/v1/search'));
    expect(missing.status).toBe(400);
    // Only control characters leave nothing to search for: a clear 400, like an empty query.
    expect((await searchRoute(request('/api/v1/search?q=%00%01'))).status).toBe(400);
    for (const q of ['neon%00%01', encodeURIComponent("' or 1=1 --"), 'x'.repeat(9000)]) {
      expect((await searchRoute(request(`/api/v1/search?q=${q}`))).status).toBe(200);
    }
    const tooLong = await searchRoute(request(`/api/v1/search?q=${'x'.repeat(10_001)}`));
    expect(tooLong.status).toBe(400);
  });

  it('suggests as you type', async () => {
    const response = await suggestionsRoute(request('/api/v1/search/suggestions?q=moonl'));
    expect((await response.json()).products[0].slug).toBe('moonlight-serenade');
  });
});
