import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { credits, editions, media, people, productGenres, products, tracks } from '@/lib/catalog/schema';
import { stockMovements } from '@/lib/inventory/schema';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { deleteObject, storage } from '@/lib/storage';
import { type AdminUser, assertAdmin } from './admin-user';
import { catalogTags } from './invalidate';
import { slugify } from '@/lib/catalog/slug';
import type { PersonOption } from './types';
import type { EditionInput, FieldErrors, ProductInput, PublicationStatus } from './validation';
import { thumbnailKeyOf } from './uploads-keys';

/**
 * Catalog writes from the back office. Each runs in one transaction together with its audit row
 * and the search index refresh, so the store never shows half a change; the caller expires the
 * returned cache tags (updateTag in actions, revalidateTag in route handlers).
 */

/** Thrown inside a transaction to roll it back with field errors for the form. */
class Refusal extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super('refused');
  }
}

type PgError = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/** The unique constraint a database error violated, looking through Drizzle's wrapping. */
export function violatedConstraint(error: unknown): string | null {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 5; e = e.cause as PgError, depth++) {
    if (e.code === '23505') return e.constraint ?? e.constraint_name ?? '';
  }
  return null;
}

const ids = (values: readonly number[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
const texts = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

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
  const rows = await queryRows<{ id: number; snapshot: Record<string, unknown> }>(
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
      from products p where p.id in (${ids(productIds)})`,
  );
  return new Map(rows.map((row) => [row.id, row.snapshot]));
}

function editionValues(edition: EditionInput) {
  return {
    sku: edition.sku,
    format: edition.format,
    name: edition.name,
    barcode: edition.barcode,
    catalogNumber: edition.catalogNumber,
    discCount: edition.discCount,
    packaging: edition.packaging,
    vinylWeightGrams: edition.vinylWeightGrams,
    vinylSpeedRpm: edition.vinylSpeedRpm,
    vinylColour: edition.vinylColour,
    regionCode: edition.regionCode,
    audioLanguages: edition.audioLanguages,
    subtitleLanguages: edition.subtitleLanguages,
    platform: edition.platform,
    priceMinor: edition.priceMinor,
    status: edition.status,
    releaseDate: edition.releaseDate,
    rentable: edition.rentable,
    rentalPriceMinor: edition.rentalPriceMinor,
    digital: edition.digital,
    availableFrom: edition.availableFrom,
    availableUntil: edition.availableUntil,
    territories: edition.territories,
  };
}

/**
 * Inserts new editions with their starting stock: `initialStock` becomes the edition's stock and
 * an `initial` row of the stock ledger in the same transaction (the ledger's sum is the stock).
 */
export async function insertEditions(
  tx: Executor,
  list: readonly { productId: number; edition: EditionInput }[],
  actorUserId: number,
): Promise<void> {
  // 26 parameters a row: 1,000 rows stay well under Postgres' 65,535 parameters per statement.
  for (let start = 0; start < list.length; start += 1000) {
    const inserted = await tx
      .insert(editions)
      .values(
        list.slice(start, start + 1000).map(({ productId, edition }) => ({
          ...editionValues(edition),
          productId,
          stock: edition.initialStock ?? 0,
        })),
      )
      .returning({ id: editions.id, stock: editions.stock });
    const movements = inserted
      .filter((row) => row.stock > 0)
      .map((row) => ({
        editionId: row.id,
        delta: row.stock,
        reason: 'initial' as const,
        note: 'initial stock',
        actorUserId,
      }));
    if (movements.length) await tx.insert(stockMovements).values(movements);
  }
}

export async function updateEdition(tx: Executor, id: number, edition: EditionInput): Promise<void> {
  await tx
    .update(editions)
    .set({ ...editionValues(edition), updatedAt: sql`now()` })
    .where(sql`${editions.id} = ${id}`);
}

/** Field errors for references the database must confirm: unique slug, SKUs and barcodes; people; genres. */
async function checkReferences(
  tx: Transaction,
  input: ProductInput,
  existingEditions: { id: number; sku: string; ordered: boolean; moved: boolean }[],
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const productId = input.id ?? 0;
  const [slugOwner] = await queryRows<{ id: number }>(
    tx,
    sql`select id from products where slug = ${input.slug} and id <> ${productId}`,
  );
  if (slugOwner) errors.slug = 'slugTaken';

  const ownIds = new Set(existingEditions.map((e) => e.id));
  input.editions.forEach((edition, index) => {
    if (edition.id !== null && !ownIds.has(edition.id)) errors[`editions.${index}`] = 'editionNotFound';
  });
  const kept = new Set(input.editions.map((e) => e.id).filter((id): id is number => id !== null));
  const removed = existingEditions.filter((e) => !kept.has(e.id));
  const inUse = removed.filter((e) => e.ordered || e.moved);
  if (inUse.length) errors.editions = `editionInUse:${inUse.map((e) => e.sku).join(', ')}`;

  const skus = input.editions.map((e) => e.sku);
  if (skus.length) {
    const owners = await queryRows<{ id: number; sku: string }>(
      tx,
      sql`select id, sku from editions where sku in (${texts(skus)})`,
    );
    input.editions.forEach((edition, index) => {
      const owner = owners.find((o) => o.sku === edition.sku);
      if (owner && owner.id !== edition.id) errors[`editions.${index}.sku`] = 'skuTaken';
    });
  }
  const barcodes = input.editions.map((e) => e.barcode).filter((b): b is string => Boolean(b));
  if (barcodes.length) {
    const owners = await queryRows<{ id: number; barcode: string }>(
      tx,
      sql`select id, barcode from editions where barcode in (${texts(barcodes)})`,
    );
    input.editions.forEach((edition, index) => {
      const owner = owners.find((o) => o.barcode === edition.barcode);
      if (owner && owner.id !== edition.id) errors[`editions.${index}.barcode`] = 'barcodeTaken';
    });
  }
  const personIds = Array.from(new Set(input.credits.map((c) => c.personId)));
  if (personIds.length) {
    const found = new Set(
      (await queryRows<{ id: number }>(tx, sql`select id from people where id in (${ids(personIds)})`)).map(
        (r) => r.id,
      ),
    );
    input.credits.forEach((credit, index) => {
      if (!found.has(credit.personId)) errors[`credits.${index}.personId`] = 'personMissing';
    });
  }
  if (input.genreIds.length) {
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from genres where id in (${ids(input.genreIds)})`,
    );
    if (n !== input.genreIds.length) errors.genreIds = 'genreMissing';
  }
  return errors;
}

const CONSTRAINT_FIELDS: Record<string, string> = {
  products_slug_key: 'slug',
  editions_sku_key: 'editions',
  editions_barcode_key: 'editions',
  credits_product_person_role_key: 'credits',
};
const CONSTRAINT_MESSAGES: Record<string, string> = {
  products_slug_key: 'slugTaken',
  editions_sku_key: 'skuTaken',
  editions_barcode_key: 'barcodeTaken',
  credits_product_person_role_key: 'creditDuplicate',
};

export type SaveProductOutcome =
  | { ok: true; id: number; slug: string; created: boolean; version: string; tags: string[] }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Creates (input.id null) or updates a product with its editions, tracks, credits, genres and
 * media, in one transaction with the search index refresh and a `product.create`/`product.update`
 * audit row (before and after). Refuses with field errors, writing nothing, when the slug, a SKU or
 * a barcode is taken, a person or genre does not exist, an edition to remove has orders or stock
 * history, or someone else saved the product since the editor loaded it (`version`). Returns the
 * cache tags to expire: the catalog, the product (old and new slug) and every person credited
 * before or after. Uploaded files no longer referenced are deleted afterwards (best effort).
 */
export async function saveProduct(admin: AdminUser, input: ProductInput): Promise<SaveProductOutcome> {
  assertAdmin(admin);
  const db = await getDb();
  let outcome: {
    id: number;
    slug: string;
    created: boolean;
    version: string;
    tags: string[];
    removedUrls: string[];
  };
  try {
    outcome = await db.transaction(async (tx) => {
      let before: Record<string, unknown> | null = null;
      let existingEditions: { id: number; sku: string; ordered: boolean; moved: boolean }[] = [];
      if (input.id !== null) {
        const [current] = await queryRows<{ version: string }>(
          tx,
          sql`select updated_at::text as version from products where id = ${input.id} for update`,
        );
        if (!current) throw new Refusal({ form: 'notFound' });
        if (input.version && current.version !== input.version) throw new Refusal({ form: 'stale' });
        before = await productSnapshot(tx, input.id);
        existingEditions = await queryRows(
          tx,
          sql`select e.id, e.sku,
              exists (select 1 from order_lines l where l.edition_id = e.id) as ordered,
              exists (select 1 from stock_movements m where m.edition_id = e.id) as moved
            from editions e where e.product_id = ${input.id}`,
        );
      }
      const refused = await checkReferences(tx, input, existingEditions);
      if (Object.keys(refused).length) throw new Refusal(refused);

      const fields = {
        slug: input.slug,
        kind: input.kind,
        title: input.title,
        originalTitle: input.originalTitle,
        description: input.description,
        releaseDate: input.releaseDate,
        ageRating: input.ageRating,
        label: input.label,
        status: input.status,
      };
      let productId: number;
      if (input.id === null) {
        const [row] = await tx.insert(products).values(fields).returning({ id: products.id });
        productId = row.id;
      } else {
        productId = input.id;
        await tx
          .update(products)
          .set({ ...fields, updatedAt: sql`now()` })
          .where(sql`${products.id} = ${productId}`);
      }

      const kept = new Set(input.editions.map((e) => e.id).filter((id): id is number => id !== null));
      const removed = existingEditions.filter((e) => !kept.has(e.id)).map((e) => e.id);
      if (removed.length) await tx.execute(sql`delete from editions where id in (${ids(removed)})`);
      for (const edition of input.editions) if (edition.id !== null) await updateEdition(tx, edition.id, edition);
      await insertEditions(
        tx,
        input.editions.filter((e) => e.id === null).map((edition) => ({ productId, edition })),
        admin.id,
      );

      await tx.execute(sql`delete from tracks where product_id = ${productId}`);
      if (input.tracks.length) {
        await tx.insert(tracks).values(
          input.tracks.map((track, index) => ({
            productId,
            sortOrder: index + 1,
            position: track.position,
            discNumber: track.discNumber,
            title: track.title,
            durationSeconds: track.duration,
            previewUrl: track.previewUrl,
          })),
        );
      }
      await tx.execute(sql`delete from credits where product_id = ${productId}`);
      if (input.credits.length) {
        await tx.insert(credits).values(
          input.credits.map((credit, index) => ({
            productId,
            personId: credit.personId,
            role: credit.role,
            character: credit.character,
            sortOrder: index,
          })),
        );
      }
      await tx.execute(sql`delete from product_genres where product_id = ${productId}`);
      if (input.genreIds.length) {
        await tx.insert(productGenres).values(input.genreIds.map((genreId) => ({ productId, genreId })));
      }
      await tx.execute(sql`delete from media where product_id = ${productId}`);
      if (input.media.length) {
        const order = new Map<string, number>();
        await tx.insert(media).values(
          input.media.map((item) => {
            const sortOrder = order.get(item.kind) ?? 0;
            order.set(item.kind, sortOrder + 1);
            return {
              productId,
              kind: item.kind,
              url: item.url,
              alt: item.alt,
              width: item.width,
              height: item.height,
              sortOrder,
            };
          }),
        );
      }

      await refreshSearchIndex(tx, [productId]);
      const after = await productSnapshot(tx, productId);
      await recordAudit(tx, {
        actorUserId: admin.id,
        action: input.id === null ? 'product.create' : 'product.update',
        entity: 'product',
        entityId: productId,
        before,
        after,
      });

      const people = (snapshot: Record<string, unknown> | null) =>
        ((snapshot?.credits as { person: string }[] | undefined) ?? []).map((c) => c.person);
      const urls = (snapshot: Record<string, unknown> | null) => [
        ...((snapshot?.media as { url: string }[] | undefined) ?? []).map((m) => m.url),
        ...((snapshot?.tracks as { previewUrl: string | null }[] | undefined) ?? []).flatMap((t) =>
          t.previewUrl ? [t.previewUrl] : [],
        ),
      ];
      const remaining = new Set(urls(after));
      const oldSlug = before?.slug as string | undefined;
      const [{ version }] = await queryRows<{ version: string }>(
        tx,
        sql`select updated_at::text as version from products where id = ${productId}`,
      );
      return {
        id: productId,
        slug: input.slug,
        created: input.id === null,
        version,
        tags: catalogTags({
          productSlugs: [input.slug, ...(oldSlug ? [oldSlug] : [])],
          personSlugs: [...people(before), ...people(after)],
        }),
        removedUrls: urls(before).filter((url) => !remaining.has(url)),
      };
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, fieldErrors: error.fieldErrors };
    const constraint = violatedConstraint(error);
    if (constraint !== null && CONSTRAINT_FIELDS[constraint]) {
      // Someone else took the slug or a SKU between our check and our write.
      return { ok: false, fieldErrors: { [CONSTRAINT_FIELDS[constraint]]: CONSTRAINT_MESSAGES[constraint] } };
    }
    throw error;
  }
  await deleteUnreferencedUploads(outcome.removedUrls);
  const { removedUrls: _removed, ...result } = outcome;
  return { ok: true, ...result };
}

/**
 * Deletes uploaded files (and their thumbnails) that no product or track refers to any more. Only
 * files in this store's storage; failures are logged, never raised (the save has committed).
 */
export async function deleteUnreferencedUploads(urls: readonly string[]): Promise<void> {
  const own = urls.filter((url) => storage().keyOf(url) !== null);
  if (own.length === 0) return;
  try {
    const db = await getDb();
    const used = new Set(
      (
        await queryRows<{ url: string }>(
          db,
          sql`select url from media where url in (${texts(own)})
            union select preview_url from tracks where preview_url in (${texts(own)})`,
        )
      ).map((r) => r.url),
    );
    for (const url of own) {
      if (used.has(url)) continue;
      const key = storage().keyOf(url)!;
      await deleteObject(key);
      const thumbnail = thumbnailKeyOf(key);
      if (thumbnail) await deleteObject(thumbnail);
    }
  } catch (error) {
    console.error('Could not delete unreferenced uploads', error);
  }
}

/**
 * Sets the status of many products at once (the list's bulk action), in one transaction with a
 * `product.status` audit row per product that changed. Returns how many changed and the tags.
 */
export async function setProductsStatus(
  admin: AdminUser,
  productIds: readonly number[],
  status: PublicationStatus,
): Promise<{ changed: number; tags: string[] }> {
  assertAdmin(admin);
  if (productIds.length === 0) return { changed: 0, tags: [] };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number; slug: string; status: PublicationStatus }>(
      tx,
      sql`select id, slug, status from products where id in (${ids(productIds)}) order by id for update`,
    );
    const changing = rows.filter((row) => row.status !== status);
    if (changing.length === 0) return { changed: 0, tags: [] };
    const changingIds = changing.map((row) => row.id);
    await tx.execute(sql`update products set status = ${status}, updated_at = now() where id in (${ids(changingIds)})`);
    for (const row of changing) {
      await recordAudit(tx, {
        actorUserId: admin.id,
        action: 'product.status',
        entity: 'product',
        entityId: row.id,
        before: { slug: row.slug, status: row.status },
        after: { slug: row.slug, status },
      });
    }
    // "Did you mean" only learns the words of active products.
    await refreshSearchIndex(tx, changingIds);
    return { changed: changing.length, tags: catalogTags({ productSlugs: changing.map((row) => row.slug) }) };
  });
}

/**
 * Creates a person from the credit picker. The slug comes from the name (with -2, -3… when taken,
 * and a random one for a name without Latin letters), and a `person.create` audit row is written.
 */
export async function createPerson(
  admin: AdminUser,
  input: { name: string; originalName: string | null },
): Promise<PersonOption> {
  assertAdmin(admin);
  const db = await getDb();
  const base = slugify(input.name) || slugify(input.originalName ?? '') || `person-${randomBytes(3).toString('hex')}`;
  return db.transaction(async (tx) => {
    const taken = new Set(
      (
        await queryRows<{ slug: string }>(
          tx,
          sql`select slug from people where slug = ${base} or slug like ${`${base}-%`}`,
        )
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 90)}-${n}`;
    const [person] = await tx
      .insert(people)
      .values({ slug, name: input.name, originalName: input.originalName })
      .returning({ id: people.id, slug: people.slug, name: people.name, originalName: people.originalName });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'person.create',
      entity: 'person',
      entityId: person.id,
      before: null,
      after: { slug: person.slug, name: person.name, originalName: person.originalName },
    });
    return person;
  });
}
