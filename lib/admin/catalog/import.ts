import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isSafeText, safeString, TEXT_INVALID } from '@/lib/validation/text';
import { type Executor, getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { productGenres, products } from '@/lib/catalog/schema';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { type AdminUser, assertAdmin } from './admin-user';
import { type CsvColumn, readHeader } from './csv-columns';
import { planRows } from './import-plan';
import { type FileState, type GroupPlan, headerIssues, newFileState, type Plan, skippedPlan } from './import-rows';
import { ReportBuilder } from './import-report';
import { catalogTags } from './invalidate';
import { insertEditions, updateEdition } from './edition-writes';
import { violatedConstraint } from './references';
import { productSnapshots } from './snapshot-sql';
import type { ImportReport } from './types';

/**
 * CSV import of products and editions (the export's format, lib/admin/catalog/csv-columns.ts).
 *
 * The browser parses the file. The dry run (`previewImport`, lib/admin/catalog/import-preview.ts)
 * gets every row in one request and checks them as they arrive, a chunk of whole products at a
 * time, so its memory does not grow with the file; it reports what would be created or updated and
 * every error by line and column, reading only. Then, after the admin confirms, the browser sends
 * batches of whole products (`applyImport`), which re-check their rows against the database and
 * save them. Each batch is one request and one transaction, so the browser can show progress,
 * nothing needs to be remembered between requests (any app instance can serve any batch), and no
 * transaction holds the database for long.
 *
 * Rows match products by slug and editions by SKU (update), otherwise they create. A product is
 * saved all or nothing: when any of its rows has an error, none of its rows is saved, while the
 * other products of the file are. Columns a file leaves out keep their current values; editions
 * not in the file are left alone (an import never deletes). Stock is never changed for an existing
 * edition (that is the stock ledger's job): a `stock` value becomes the starting stock of a new one.
 */

export const IMPORT_LIMITS = { previewRows: 50_000, batchRows: 2_000, columns: 100, cellLength: 20_000 } as const;

// A cell may hold line breaks (a quoted CSV field): checked, not rewritten, so the dry run compares as typed.
const cellSchema = z
  .string()
  .max(IMPORT_LIMITS.cellLength)
  .refine((value) => isSafeText(value, { multiline: true }), TEXT_INVALID);

/** The header and rows of a request (the dry run's lines use them too). */
export const headerSchema = z.array(safeString().max(200)).min(1).max(IMPORT_LIMITS.columns);
export const rowSchema = z.object({
  line: z.number().int().min(2).max(100_000_000),
  cells: z.array(cellSchema).max(IMPORT_LIMITS.columns),
});

/** One batch to save: `{mode: "apply", header, rows}` as JSON. */
export const importRequestSchema = z.object({
  header: headerSchema,
  rows: z.array(rowSchema).max(IMPORT_LIMITS.previewRows),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

const reportOf = (plan: Plan) => {
  const report = new ReportBuilder();
  report.addPlan(plan);
  return report.report();
};

/** Works out what a batch of rows would do, header problems included. */
async function planImport(executor: Executor, request: ImportRequest, state: FileState): Promise<Plan> {
  const header = readHeader(request.header);
  const issues = headerIssues(header);
  const plan = issues.errors.length
    ? skippedPlan(header, request.rows)
    : await planRows(executor, header, request.header.length, request.rows, state);
  plan.errors.unshift(...issues.errors);
  plan.warnings.unshift(...issues.warnings);
  return plan;
}

/**
 * Saves products' rows in the caller's transaction, with as few statements as possible (one insert
 * for all new products, one for all new editions…: an embedded database pays per statement), and a
 * `product.import` audit row per product. Returns the products' ids.
 */
async function applyGroups(tx: Transaction, admin: AdminUser, groups: GroupPlan[]): Promise<number[]> {
  const existingIds = groups.flatMap((g) => (g.existingId === null ? [] : [g.existingId]));
  if (existingIds.length) {
    // Lock them, so two imports of the same product queue rather than interleave.
    await tx
      .select({ id: products.id })
      .from(products)
      .where(inArray(products.id, existingIds))
      .orderBy(asc(products.id))
      .for('update');
  }
  const before = await productSnapshots(tx, existingIds);
  const idOf = new Map<GroupPlan, number>();
  const created = groups.filter((g) => g.existingId === null);
  for (let start = 0; start < created.length; start += 1000) {
    const part = created.slice(start, start + 1000);
    const rows = await tx
      .insert(products)
      .values(part.map((g) => g.product!.fields))
      .returning({ id: products.id, slug: products.slug });
    const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
    for (const group of part) idOf.set(group, bySlug.get(group.product!.fields.slug)!);
  }
  const touched: number[] = [];
  for (const group of groups) {
    if (group.existingId === null) continue;
    if (!before.has(group.existingId)) throw new Error(`product ${group.slug} disappeared during the import`);
    idOf.set(group, group.existingId);
    if (group.product!.action === 'update') {
      await tx
        .update(products)
        .set({ ...group.product!.fields, updatedAt: sql`now()` })
        .where(eq(products.id, group.existingId));
    } else {
      touched.push(group.existingId);
    }
  }
  if (touched.length)
    await tx
      .update(products)
      .set({ updatedAt: sql`now()` })
      .where(inArray(products.id, touched));

  const regenred = groups.filter((g) => g.genreIds !== null && g.genresChanged);
  const regenredIds = regenred.flatMap((g) => (g.existingId === null ? [] : [g.existingId]));
  if (regenredIds.length) await tx.delete(productGenres).where(inArray(productGenres.productId, regenredIds));
  const genreRows = regenred.flatMap((g) => g.genreIds!.map((genreId) => ({ productId: idOf.get(g)!, genreId })));
  if (genreRows.length) await tx.insert(productGenres).values(genreRows);

  const planned = groups.flatMap((g) => g.rows.map((row) => ({ productId: idOf.get(g)!, plan: row.edition! })));
  await insertEditions(
    tx,
    planned.filter((p) => p.plan.action === 'create').map((p) => ({ productId: p.productId, edition: p.plan.input })),
    admin.id,
  );
  for (const { plan } of planned) {
    if (plan.action === 'update' && plan.existingId !== null) await updateEdition(tx, plan.existingId, plan.input);
  }

  const ids = groups.map((g) => idOf.get(g)!);
  const after = await productSnapshots(tx, ids);
  for (const id of ids) {
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'product.import',
      entity: 'product',
      entityId: id,
      before: before.get(id) ?? null,
      after: after.get(id) ?? null,
    });
  }
  return ids;
}

const needsWrite = (group: GroupPlan) =>
  group.valid &&
  group.product !== null &&
  (group.product.action !== 'unchanged' || group.rows.some((row) => row.edition && row.edition.action !== 'unchanged'));

const CONSTRAINT_ERRORS: Record<string, { column: CsvColumn; message: string }> = {
  products_slug_key: { column: 'slug', message: 'slugTaken' },
  editions_sku_key: { column: 'sku', message: 'skuTaken' },
  editions_barcode_key: { column: 'barcode', message: 'barcodeTaken' },
};

/**
 * Imports one batch of rows: checks them again against the database (as the dry run did) and
 * saves every product without errors, all in one transaction with a `product.import` audit row per
 * product and the search index refresh. If the batch's transaction fails (for example a SKU taken
 * by someone else meanwhile), each product is retried in its own transaction so the others are
 * still saved and the failing one reports an error. Returns the batch's report and the cache tags
 * to expire. At most IMPORT_LIMITS.batchRows rows.
 */
export async function applyImport(
  admin: AdminUser,
  request: ImportRequest,
): Promise<{ report: ImportReport; tags: string[] }> {
  assertAdmin(admin);
  if (request.rows.length > IMPORT_LIMITS.batchRows) throw new RangeError('import batch too large');
  const db = await getDb();
  const plan = await planImport(db, request, newFileState());
  const writes = plan.groups.filter(needsWrite);
  const saved = new Set<GroupPlan>();
  try {
    await db.transaction(async (tx) => {
      const ids = await applyGroups(tx, admin, writes);
      await refreshSearchIndex(tx, ids);
    });
    for (const group of writes) saved.add(group);
  } catch {
    for (const group of writes) {
      try {
        await db.transaction(async (tx) => {
          const ids = await applyGroups(tx, admin, [group]);
          await refreshSearchIndex(tx, ids);
        });
        saved.add(group);
      } catch (error) {
        const constraint = violatedConstraint(error);
        const known = constraint ? CONSTRAINT_ERRORS[constraint] : undefined;
        group.valid = false;
        plan.errors.push({
          line: group.rows[0]?.line ?? 0,
          column: known?.column ?? null,
          message: known?.message ?? 'saveFailed',
        });
        if (!known) console.error(`CSV import: saving ${group.slug} failed`, error);
      }
    }
    plan.errors.sort((a, b) => a.line - b.line);
  }
  return {
    report: reportOf(plan),
    tags: saved.size ? catalogTags({ productSlugs: Array.from(saved, (g) => g.product!.fields.slug) }) : [],
  };
}
