import 'server-only';
import { randomBytes } from 'node:crypto';
import { asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { media, people, products, tracks } from '@/lib/catalog/schema';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { slugify } from '@/lib/catalog/slug';
import { must } from '@/lib/must';
import { deleteObject, storage } from '@/lib/storage';
import { type AdminUser, assertAdmin } from './admin-user';
import { catalogTags } from './invalidate';
import type { PersonOption } from './types';
import { thumbnailKeyOf } from './uploads-keys';
import type { PublicationStatus } from '@/lib/catalog/formats';

/**
 * The back office's smaller catalog writes: the list's bulk status change, a person from the credit
 * picker, and the clean-up of uploads nothing refers to. The product editor's save is
 * ./save-product.ts, the CSV import ./import.ts. Each write runs in one transaction with its audit
 * row (and the search index refresh), and returns the cache tags the caller expires.
 */

/**
 * Deletes uploaded files (and their thumbnails) that no product or track refers to any more. Only
 * files in this store's storage; failures are logged, never raised (the save has committed).
 */
export async function deleteUnreferencedUploads(urls: readonly string[]): Promise<void> {
  const own = urls.flatMap((url) => {
    const key = storage().keyOf(url);
    return key === null ? [] : [{ url, key }];
  });
  if (own.length === 0) return;
  try {
    const db = await getDb();
    const ownUrls = own.map((file) => file.url);
    const inMedia = await db.select({ url: media.url }).from(media).where(inArray(media.url, ownUrls));
    const inTracks = await db
      .select({ url: tracks.previewUrl })
      .from(tracks)
      .where(inArray(tracks.previewUrl, ownUrls));
    const used = new Set([...inMedia, ...inTracks].map((r) => r.url));
    for (const { url, key } of own) {
      if (used.has(url)) continue;
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
    const rows = await tx
      .select({ id: products.id, slug: products.slug, status: products.status })
      .from(products)
      .where(inArray(products.id, [...productIds]))
      .orderBy(asc(products.id))
      .for('update');
    const changing = rows.filter((row) => row.status !== status);
    if (changing.length === 0) return { changed: 0, tags: [] };
    const changingIds = changing.map((row) => row.id);
    await tx
      .update(products)
      .set({ status, updatedAt: sql`now()` })
      .where(inArray(products.id, changingIds));
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
        await tx
          .select({ slug: people.slug })
          .from(people)
          .where(or(eq(people.slug, base), like(people.slug, `${base}-%`)))
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 90)}-${n}`;
    const [inserted] = await tx
      .insert(people)
      .values({ slug, name: input.name, originalName: input.originalName })
      .returning({ id: people.id, slug: people.slug, name: people.name, originalName: people.originalName });
    const person = must(inserted, 'the inserted person');
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
