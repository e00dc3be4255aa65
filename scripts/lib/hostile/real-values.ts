import postgres from 'postgres';
import type { SegmentValues } from './routes';

/**
 * Real values for the dynamic segments of the app's routes, read from the sweep's seeded database, by
 * segment key (lib/hostile/routes.ts `segmentKey`). A segment missing here is still swept, with
 * FALLBACK_VALUES and the hostile ones; add it here to reach the code behind a real value too.
 */
const QUERIES: Record<string, string> = {
  'products/[slug]': `select slug from products where status = 'active' order by id limit 2`,
  'people/[slug]': `select slug from people order by id limit 1`,
  'art/[slug]': `select slug from products where status = 'active' order by id limit 1`,
  'previews/[slug]': `select p.slug from products p where exists
    (select 1 from tracks t where t.product_id = p.id and t.preview_url is not null) order by p.id limit 1`,
  'products/[id]': `select id::text from products order by id limit 1`,
  'customers/[id]': `select id::text from users where role = 'customer' order by id limit 1`,
  'mail/[id]': `select id::text from mail_outbox order by id limit 1`,
  'admin-mail/[id]': `select id::text from mail_outbox order by id limit 1`,
  'orders/[number]': `select number from orders order by id limit 1`,
  'pay/[number]': `select number from orders order by id limit 1`,
  'returns/[id]': `select id::text from returns order by id limit 1`,
  'stock/[editionId]': `select id::text from editions order by id limit 1`,
};

/** Values that are not rows: file names, next-auth's own paths, browse filters. */
const FIXED: SegmentValues = {
  '[slug]/[variant]': ['0.svg', '1.svg'],
  '[slug]/[file]': ['1.wav'],
  'uploads/[...path]': ['covers/missing.png'],
  'auth/[...nextauth]': ['session', 'csrf', 'providers', 'signin', 'error', 'callback/credentials', 'signout'],
  'music/[[...filters]]': ['', 'format=vinyl/genre=rock/sort=price_asc', 'page=2'],
  'film/[[...filters]]': ['', 'genre=drama'],
  'tv/[[...filters]]': [''],
  'games/[[...filters]]': [''],
  '[...rest]': ['no-such-page', 'a/b/c'],
};

/** The real values of every known segment key, from the database at `databaseUrl`. */
export async function loadRealValues(databaseUrl: string): Promise<SegmentValues> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const values: SegmentValues = { ...FIXED };
    for (const [key, query] of Object.entries(QUERIES)) {
      const rows = (await client.unsafe(query)) as Record<string, string>[];
      const found = rows.map((row) => encodeURIComponent(String(Object.values(row)[0])));
      if (found.length > 0) values[key] = found;
    }
    return values;
  } finally {
    await client.end();
  }
}
