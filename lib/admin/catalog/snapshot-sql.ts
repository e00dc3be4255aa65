import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';

/**
 * Raw SQL, because the query builder cannot say it: a product's audit snapshot is one
 * `jsonb_build_object` per product with its genres, editions, tracks, credits and media aggregated
 * in (`jsonb_agg … order by`), read in one query for many products (the CSV import audits hundreds).
 * tests/integration/admin-catalog.test.ts reads the snapshots back from the audit log of a real database.
 */

/** A row of the snapshot query: the product's id and the record the audit log keeps. */
type SnapshotRow = { id: number; snapshot: Record<string, unknown> };

const inList = (values: readonly number[]) =>
  sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** The product as the audit log records it: its fields and everything hanging off it. */
export async function productSnapshot(executor: Executor, id: number): Promise<Record<string, unknown> | null> {
  return (await productSnapshots(executor, [id])).get(id) ?? null;
}

/** Audit snapshots of many products in one query, by id. */
export async function productSnapshots(
  executor: Executor,
  productIds: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  if (productIds.length === 0) return new Map();
  const rows = await queryRows<SnapshotRow>(
    executor,
    sql`select p.id, jsonb_build_object(
        'slug', p.slug, 'kind', p.kind, 'title', p.title, 'originalTitle', p.original_title,
        'description', p.description, 'releaseDate', p.release_date, 'ageRating', p.age_rating,
        'label', p.label, 'status', p.status,
        'genres', coalesce((select jsonb_agg(g.slug order by g.slug) from product_genres pg
          join genres g on g.id = pg.genre_id where pg.product_id = p.id), '[]'::jsonb),
        'editions', coalesce((select jsonb_agg(jsonb_build_object(
          'id', e.id, 'sku', e.sku, 'format', e.format, 'name', e.name, 'barcode', e.barcode,
          'catalogNumber', e.catalog_number, 'discCount', e.disc_count, 'packaging', e.packaging,
          'vinylWeightGrams', e.vinyl_weight_grams, 'vinylSpeedRpm', e.vinyl_speed_rpm,
          'vinylColour', e.vinyl_colour, 'regionCode', e.region_code, 'audioLanguages', e.audio_languages,
          'subtitleLanguages', e.subtitle_languages, 'platform', e.platform, 'priceMinor', e.price_minor,
          'status', e.status, 'releaseDate', e.release_date, 'rentable', e.rentable,
          'rentalPriceMinor', e.rental_price_minor, 'digital', e.digital, 'availableFrom', e.available_from,
          'availableUntil', e.available_until, 'territories', e.territories, 'stock', e.stock) order by e.id)
          from editions e where e.product_id = p.id), '[]'::jsonb),
        'tracks', coalesce((select jsonb_agg(jsonb_build_object('position', t.position, 'disc', t.disc_number,
          'title', t.title, 'duration', t.duration_seconds, 'previewUrl', t.preview_url) order by t.sort_order)
          from tracks t where t.product_id = p.id), '[]'::jsonb),
        'credits', coalesce((select jsonb_agg(jsonb_build_object('personId', c.person_id, 'person', pe.slug,
          'role', c.role, 'character', c.character) order by c.sort_order, c.id)
          from credits c join people pe on pe.id = c.person_id where c.product_id = p.id), '[]'::jsonb),
        'media', coalesce((select jsonb_agg(jsonb_build_object('kind', m.kind, 'url', m.url, 'alt', m.alt)
          order by m.kind, m.sort_order, m.id) from media m where m.product_id = p.id), '[]'::jsonb)
      ) as snapshot
      from products p where p.id in ${inList(productIds)}`,
  );
  return new Map(rows.map((row) => [row.id, row.snapshot]));
}
