import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { iso } from '@/lib/admin/timestamps';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { requireAdmin } from '@/lib/auth/session';
import {
  DEFAULT_STOCK_SORT,
  STOCK_HISTORY_PAGE_SIZE,
  STOCK_LIST_PAGE_SIZE,
  type StockFilter,
  type StockSort,
} from './validation';

/** At or below this many units an edition counts as low in the stock list. */
export const LOW_STOCK = 3;

export type StockEditionRow = {
  editionId: number;
  sku: string;
  barcode: string | null;
  format: string;
  name: string | null;
  status: string;
  stock: number;
  productTitle: string;
  productSlug: string;
};

/** The ORDER BY of a stock list sort, ties broken by title and id so that pages do not overlap. */
function stockOrder(sort: StockSort): SQL {
  const dir = sort.dir === 'desc' ? sql`desc` : sql`asc`;
  const column = { product: sql`p.title`, sku: sql`e.sku`, stock: sql`e.stock` }[sort.key];
  return sql`${column} ${dir}, p.title, e.id`;
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
  const conditions: SQL[] = [sql`not e.digital`];
  if (options.filter === 'low') conditions.push(sql`e.stock <= ${LOW_STOCK}`);
  if (options.filter === 'out') conditions.push(sql`e.stock = 0`);
  const q = options.q.trim();
  if (q) {
    conditions.push(sql`(lower(p.title) like ${likePattern(q)} or lower(e.sku) = lower(${q})
      or lower(e.sku) like ${likePattern(q)} or e.barcode = ${q})`);
  }
  const pageSize = STOCK_LIST_PAGE_SIZE;
  const rows = await queryRows<StockEditionRow & { total: number }>(
    db,
    sql`select e.id as "editionId", e.sku, e.barcode, e.format, e.name, e.status, e.stock,
        p.title as "productTitle", p.slug as "productSlug", count(*) over ()::int as total
      from editions e join products p on p.id = e.product_id
      where ${sql.join(conditions, sql` and `)}
      order by ${stockOrder(options.sort ?? DEFAULT_STOCK_SORT)}
      limit ${pageSize} offset ${(options.page - 1) * pageSize}`,
  );
  return {
    items: rows.map(({ total: _total, ...row }) => row),
    total: Number(rows[0]?.total ?? 0),
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
  const [row] = await queryRows<EditionStock>(
    db,
    sql`select e.id as "editionId", e.sku, e.barcode, e.format, e.name, e.status, e.stock, e.digital,
        p.id as "productId", p.title as "productTitle", p.slug as "productSlug",
        (select coalesce(sum(m.delta), 0)::int from stock_movements m where m.edition_id = e.id) as "ledgerTotal"
      from editions e join products p on p.id = e.product_id where e.id = ${editionId}`,
  );
  return row ? { ...row, ledgerTotal: Number(row.ledgerTotal) } : null;
}

export type StockMovementRow = {
  id: number;
  createdAt: string;
  reason: string;
  delta: number;
  orderNumber: string | null;
  actorName: string | null;
  note: string | null;
};

/** An edition's stock ledger, newest first, a page at a time. Admins only. */
export async function listStockMovements(
  editionId: number,
  page: number,
): Promise<{ items: StockMovementRow[]; total: number; page: number; pageSize: number }> {
  await requireAdmin();
  const db = await getDb();
  const pageSize = STOCK_HISTORY_PAGE_SIZE;
  const rows = await queryRows<
    Omit<StockMovementRow, 'createdAt'> & { createdAt: unknown; total: number; actorDisplayName: string | null }
  >(
    db,
    sql`select m.id, m.created_at as "createdAt", m.reason, m.delta, o.number as "orderNumber",
        u.display_name as "actorDisplayName", u.username as "actorName", m.note, count(*) over ()::int as total
      from stock_movements m
        left join orders o on o.id = m.order_id
        left join users u on u.id = m.actor_user_id
      where m.edition_id = ${editionId}
      order by m.created_at desc, m.id desc
      limit ${pageSize} offset ${(Math.max(1, page) - 1) * pageSize}`,
  );
  return {
    items: rows.map(({ total: _total, createdAt, actorDisplayName, ...row }) => ({
      ...row,
      actorName: nameOrUsername(actorDisplayName, row.actorName),
      id: Number(row.id),
      createdAt: iso(createdAt),
    })),
    total: Number(rows[0]?.total ?? 0),
    page,
    pageSize,
  };
}
