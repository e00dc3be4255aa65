import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { credits, editions, media, productGenres, products, tracks } from '@/lib/catalog/schema';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { must } from '@/lib/must';
import { type AdminUser, assertAdmin } from './admin-user';
import { insertEditions, updateEdition } from './edition-writes';
import { catalogTags } from './invalidate';
import { deleteUnreferencedUploads } from './mutations';
import { checkReferences, CONSTRAINT_FIELDS, CONSTRAINT_MESSAGES, violatedConstraint } from './references';
import { productSnapshot } from './snapshot-sql';
import type { FieldErrors } from './drafts';
import type { ProductInput } from './validation';

/**
 * The product editor's save: one transaction with the search index refresh and the audit row, so
 * the store never shows half a change; the caller expires the returned cache tags.
 */

/** Thrown inside the transaction to roll it back with field errors for the form. */
class Refusal extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super('refused');
  }
}

export type SaveProductOutcome =
  | { ok: true; id: number; slug: string; created: boolean; version: string; tags: string[] }
  | { ok: false; fieldErrors: FieldErrors };

type ExistingEdition = { id: number; sku: string; ordered: boolean; moved: boolean };
type Snapshot = Record<string, unknown> | null;

/** The version the editor compares with: the product's last update, as text. */
const versionOf = sql<string>`${products.updatedAt}::text`;

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
  let outcome: { id: number; slug: string; created: boolean; version: string; tags: string[]; removedUrls: string[] };
  try {
    outcome = await db.transaction(async (tx) => {
      const { before, existingEditions } =
        input.id === null ? { before: null, existingEditions: [] } : await lockForEdit(tx, input.id, input.version);
      const refused = await checkReferences(tx, input, existingEditions);
      if (Object.keys(refused).length) throw new Refusal(refused);
      const productId = await writeProduct(tx, admin, input, existingEditions);
      await replaceChildren(tx, productId, input);
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
      const [saved] = await tx.select({ version: versionOf }).from(products).where(eq(products.id, productId));
      return {
        id: productId,
        slug: input.slug,
        created: input.id === null,
        version: must(saved, 'the saved product').version,
        ...whatChanged(input.slug, before, after),
      };
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, fieldErrors: error.fieldErrors };
    const constraint = violatedConstraint(error);
    const field = constraint === null ? undefined : CONSTRAINT_FIELDS[constraint];
    if (constraint !== null && field) {
      // Someone else took the slug or a SKU between our check and our write.
      return { ok: false, fieldErrors: { [field]: must(CONSTRAINT_MESSAGES[constraint], 'constraint message') } };
    }
    throw error;
  }
  await deleteUnreferencedUploads(outcome.removedUrls);
  const { removedUrls: _removed, ...result } = outcome;
  return { ok: true, ...result };
}

/**
 * Locks the product being edited, refuses a stale editor (`version`), and reads what the save
 * compares with: the audit snapshot and the editions, with whether each has orders or stock history.
 */
async function lockForEdit(
  tx: Transaction,
  id: number,
  version: string | null,
): Promise<{ before: Snapshot; existingEditions: ExistingEdition[] }> {
  const [current] = await tx.select({ version: versionOf }).from(products).where(eq(products.id, id)).for('update');
  if (!current) throw new Refusal({ form: 'notFound' });
  if (version && current.version !== version) throw new Refusal({ form: 'stale' });
  const before = await productSnapshot(tx, id);
  // Written out with the table's name: Drizzle leaves columns unqualified in a one-table select, and
  // inside the subqueries an unqualified `id` would be the subquery's own.
  const existingEditions = await tx
    .select({
      id: editions.id,
      sku: editions.sku,
      ordered: sql<boolean>`exists (select 1 from order_lines l where l.edition_id = editions.id)`,
      moved: sql<boolean>`exists (select 1 from stock_movements m where m.edition_id = editions.id)`,
    })
    .from(editions)
    .where(eq(editions.productId, id));
  return { before, existingEditions };
}

/** Inserts or updates the product row and its editions (removing the ones the editor dropped). */
async function writeProduct(
  tx: Transaction,
  admin: AdminUser,
  input: ProductInput,
  existingEditions: ExistingEdition[],
): Promise<number> {
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
    productId = must(row, 'the inserted product').id;
  } else {
    productId = input.id;
    await tx
      .update(products)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(products.id, productId));
  }
  const kept = new Set(input.editions.map((e) => e.id).filter((id): id is number => id !== null));
  const removed = existingEditions.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (removed.length) await tx.delete(editions).where(inArray(editions.id, removed));
  for (const edition of input.editions) if (edition.id !== null) await updateEdition(tx, edition.id, edition);
  await insertEditions(
    tx,
    input.editions.filter((e) => e.id === null).map((edition) => ({ productId, edition })),
    admin.id,
  );
  return productId;
}

/** Replaces the product's tracks, credits, genres and media with the editor's (in its order). */
async function replaceChildren(tx: Transaction, productId: number, input: ProductInput): Promise<void> {
  await tx.delete(tracks).where(eq(tracks.productId, productId));
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
  await tx.delete(credits).where(eq(credits.productId, productId));
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
  await tx.delete(productGenres).where(eq(productGenres.productId, productId));
  if (input.genreIds.length) {
    await tx.insert(productGenres).values(input.genreIds.map((genreId) => ({ productId, genreId })));
  }
  await tx.delete(media).where(eq(media.productId, productId));
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
}

/**
 * From the snapshots before and after: the cache tags to expire (the product under its old and new
 * slug, every person credited before or after) and the uploaded files no longer referenced.
 */
function whatChanged(slug: string, before: Snapshot, after: Snapshot): { tags: string[]; removedUrls: string[] } {
  const people = (snapshot: Snapshot) =>
    ((snapshot?.credits as { person: string }[] | undefined) ?? []).map((c) => c.person);
  const urls = (snapshot: Snapshot) => [
    ...((snapshot?.media as { url: string }[] | undefined) ?? []).map((m) => m.url),
    ...((snapshot?.tracks as { previewUrl: string | null }[] | undefined) ?? []).flatMap((t) =>
      t.previewUrl ? [t.previewUrl] : [],
    ),
  ];
  const remaining = new Set(urls(after));
  const oldSlug = before?.slug as string | undefined;
  return {
    tags: catalogTags({
      productSlugs: [slug, ...(oldSlug ? [oldSlug] : [])],
      personSlugs: [...people(before), ...people(after)],
    }),
    removedUrls: urls(before).filter((url) => !remaining.has(url)),
  };
}
