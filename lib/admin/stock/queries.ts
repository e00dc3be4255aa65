import 'server-only';
import { pick, getDb } from '@/db';
import { and, asc, desc, eq, lte, not, or, type SQL, sql } from 'drizzle-orm';
import { iso } from '@/lib/admin/timestamps';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { actorNameFields } from '@/lib/admin/columns';
import { editions, products } from '@/lib/catalog/schema';
import { stockMovements } from '@/lib/inventory/schema';
import { orders } from '@/lib/orders/schema';
import {
  DEFAULT_STOCK_SORT,
  STOCK_HISTORY_PAGE_SIZE,
  STOCK_LIST_PAGE_SIZE,
  type StockFilter,
  type StockSort,
} from './validation';

/** At or below this many units an edition counts as low in the stock list. */
export const LOW_STOCK = 3;

type Edition = typeof editions.$inferSelect;

export type StockEditionRow = { editionId: Edition['id'] } & Pick<
  Edition,
  'sku' | 'barcode' | 'format' | 'name' | 'status' | 'stock'
> & { productTitle: string; productSlug: string };

/** The columns of a stock row, over `editions` joined to `products`. */
const stockEditionFields = {
  editionId: editions.id,
  ...pick(editions, 'sku barcode format name status stock'),
  productTitle: products.title,
  productSlug: products.slug,
};

/** The ORDER BY of a stock list sort, ties broken by title and id so that pages do not overlap. */
function stockOrder(sort: StockSort): SQL[] {
  const column = { product: products.title, sku: editions.sku, stock: editions.stock }[sort.key];
  return [sort.dir === 'desc' ? desc(column) : asc(column), asc(products.title), asc(editions.id)];
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Physical editions with their stock for the stock list: search by title, SKU or barcode, and only
 * low or sold-out ones if asked; lowest stock first unless another sort is asked for. Admins only.
 */
export async function listStockEditions(options: {
  q: string;
  filter: StockFilter;
  page: number;
  sort?: StockSort;
}): Promise<{ items: StockEditionRow[]; total: number; page: number; pageSize: number }> {
  await requireAdmin();
  const db = await getDb();
  const q = options.q.trim();
  const where = and(
    not(editions.digital),
    options.filter === 'low' ? lte(editions.stock, LOW_STOCK) : undefined,
    options.filter === 'out' ? eq(editions.stock, 0) : undefined,
    q
      ? or(
          sql`lower(${products.title}) like ${likePattern(q)}`,
          sql`lower(${editions.sku}) = lower(${q})`,
          sql`lower(${editions.sku}) like ${likePattern(q)}`,
          eq(editions.barcode, q),
        )
      : undefined,
  );
  const pageSize = STOCK_LIST_PAGE_SIZE;
  const rows = await db
    .select({ ...stockEditionFields, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(where)
    .orderBy(...stockOrder(options.sort ?? DEFAULT_STOCK_SORT))
    .limit(pageSize)
    .offset((options.page - 1) * pageSize);
  return {
    items: rows.map(({ total: _total, ...row }) => row),
    total: rows[0]?.total ?? 0,
    page: options.page,
    pageSize,
  };
}

export type EditionStock = StockEditionRow & {
  digital: boolean;
  productId: number;
  /** Sum of the ledger: equal to `stock` unless something bypassed the ledger. */
  ledgerTotal: number;
};

/** One edition's stock and ledger total, or null. Admins only. */
export async function getEditionStock(editionId: number): Promise<EditionStock | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(editionId) || editionId <= 0 || editionId > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...stockEditionFields,
      digital: editions.digital,
      productId: products.id,
      ledgerTotal: sql<number>`(select coalesce(sum(m.delta), 0)::int from stock_movements m
        where m.edition_id = "editions"."id")`.mapWith(Number),
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(eq(editions.id, editionId));
  return row ?? null;
}

export type StockMovementRow = Pick<typeof stockMovements.$inferSelect, 'id' | 'reason' | 'delta' | 'note'> & {
  createdAt: string;
  orderNumber: string | null;
  actorName: string | null;
};

/** An edition's stock ledger, newest first, a page at a time. Admins only. */
export async function listStockMovements(
  editionId: number,
  page: number,
): Promise<{ items: StockMovementRow[]; total: number; page: number; pageSize: number }> {
  await requireAdmin();
  const db = await getDb();
  const pageSize = STOCK_HISTORY_PAGE_SIZE;
  const rows = await db
    .select({
      ...pick(stockMovements, 'id createdAt reason delta note'),
      orderNumber: orders.number,
      ...actorNameFields,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(stockMovements)
    .leftJoin(orders, eq(orders.id, stockMovements.orderId))
    .leftJoin(users, eq(users.id, stockMovements.actorUserId))
    .where(eq(stockMovements.editionId, editionId))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
  return {
    items: rows.map(({ total: _total, createdAt, actorDisplayName, ...row }) => ({
      ...row,
      actorName: nameOrUsername(actorDisplayName, row.actorName),
      createdAt: iso(createdAt),
    })),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}
