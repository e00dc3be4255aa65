import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { and, eq, sql } from 'drizzle-orm';
import { type Database, getDb, pick } from '@/db';
import { listCards, listPersonCards } from './cards-sql';
import { credits, editions, genres, media, people, productGenres, products, tracks } from './schema';
import { editionSellable } from './sellable';
import { isSlug } from './slug';
import { CATALOG_TAG, personTag, productTag } from './tags';
import type { PersonDetail, ProductCard, ProductDetail } from './types';

/**
 * The product and person pages. Cached with `'use cache'` and tagged like the rest of the catalog
 * (queries.ts): CATALOG_TAG plus the product's or person's own tag. Only active products and
 * sellable editions are returned.
 */

/** The roles whose first credit is a product's lead (the "more by" rail). */
const LEAD_ROLES: readonly string[] = [
  'artist',
  'director',
  'writer',
  'developer',
] satisfies (typeof credits.$inferSelect)['role'][];

/** A product page: the product with its sellable editions, tracks, credits, genres and media. */
export async function getProduct(slug: string): Promise<ProductDetail | null> {
  'use cache';
  // Any string can arrive here (a URL segment, or a direct call as a server action): only a slug is looked up.
  if (typeof slug !== 'string' || !isSlug(slug)) return null;
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, productTag(slug));

  const db = await getDb();
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      kind: products.kind,
      title: products.title,
      originalTitle: products.originalTitle,
      description: products.description,
      releaseDate: products.releaseDate,
      ageRating: products.ageRating,
      label: products.label,
      updatedAt: sql<string>`${products.updatedAt}::text`,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'active')));
  if (!product) return null;
  const [genreRows, editionRows, trackRows, creditRows, mediaRows] = await Promise.all([
    db
      .select({ slug: genres.slug, name: genres.name, nameZh: genres.nameZh })
      .from(productGenres)
      .innerJoin(genres, eq(genres.id, productGenres.genreId))
      .where(eq(productGenres.productId, product.id))
      .orderBy(genres.name),
    listSellableEditions(db, product.id),
    db
      .select({
        id: tracks.id,
        position: tracks.position,
        discNumber: tracks.discNumber,
        title: tracks.title,
        durationSeconds: tracks.durationSeconds,
        previewUrl: tracks.previewUrl,
      })
      .from(tracks)
      .where(eq(tracks.productId, product.id))
      .orderBy(tracks.sortOrder),
    db
      .select({
        personSlug: people.slug,
        name: people.name,
        originalName: people.originalName,
        role: credits.role,
        character: credits.character,
      })
      .from(credits)
      .innerJoin(people, eq(people.id, credits.personId))
      .where(eq(credits.productId, product.id))
      .orderBy(credits.role, credits.sortOrder, people.name),
    db
      .select({ kind: media.kind, url: media.url, alt: media.alt, width: media.width, height: media.height })
      .from(media)
      .where(eq(media.productId, product.id))
      .orderBy(media.kind, media.sortOrder),
  ]);
  const moreBy = await moreByLead(product.id, creditRows);
  return {
    ...product,
    genres: genreRows,
    editions: editionRows,
    tracks: trackRows,
    credits: creditRows,
    media: mediaRows,
    moreBy,
  };
}

/** The "more by" rail: other products of the product's lead person in the same role, if any. */
async function moreByLead(
  productId: number,
  creditRows: { personSlug: string; name: string; role: string }[],
): Promise<ProductDetail['moreBy']> {
  const lead = creditRows.find((c) => LEAD_ROLES.includes(c.role));
  if (!lead) return null;
  const items: ProductCard[] = await listCards(
    sql`p.status = 'active' and p.id <> ${productId} and p.id in (
      select c.product_id from credits c join people pe on pe.id = c.person_id
      where pe.slug = ${lead.personSlug} and c.role = ${lead.role})`,
    sql`p.release_date desc nulls last, p.id`,
    8,
  );
  return items.length ? { person: { slug: lead.personSlug, name: lead.name }, items } : null;
}

/** A product's sellable editions in format order (the order of the enum), cheapest first. */
function listSellableEditions(db: Database, productId: number) {
  return db
    .select({
      ...pick(editions, 'id sku format name barcode catalogNumber discCount packaging vinylWeightGrams vinylSpeedRpm'),
      ...pick(
        editions,
        'vinylColour regionCode audioLanguages subtitleLanguages platform priceMinor stock releaseDate',
      ),
      preorder: sql<boolean>`coalesce(${editions.releaseDate} > current_date, false)`,
      rentable: editions.rentable,
      rentalPriceMinor: editions.rentalPriceMinor,
      digital: editions.digital,
      availableUntil: sql<string | null>`${editions.availableUntil}::text`,
      territories: editions.territories,
    })
    .from(editions)
    .where(and(eq(editions.productId, productId), editionSellable()))
    .orderBy(sql`array_position(enum_range(null::edition_format), ${editions.format})`, editions.priceMinor);
}

/** A person's page: their products grouped by role. */
export async function getPerson(slug: string): Promise<PersonDetail | null> {
  'use cache';
  // Any string can arrive here (a URL segment, or a direct call as a server action): only a slug is looked up.
  if (typeof slug !== 'string' || !isSlug(slug)) return null;
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, personTag(slug));

  const db = await getDb();
  const [person] = await db
    .select({ id: people.id, slug: people.slug, name: people.name, originalName: people.originalName, bio: people.bio })
    .from(people)
    .where(eq(people.slug, slug));
  if (!person) return null;
  const roles = new Map<string, ProductCard[]>();
  for (const { role, ...card } of await listPersonCards(person.id)) roles.set(role, [...(roles.get(role) ?? []), card]);
  return {
    slug: person.slug,
    name: person.name,
    originalName: person.originalName,
    bio: person.bio,
    roles: Array.from(roles, ([role, items]) => ({ role, items })),
  };
}
