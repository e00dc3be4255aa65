/**
 * The demo seed: fills an empty database with a believable, deterministic demo store. Used by the
 * embedded database on first start (db/prepare.ts) and by `npm run db:seed`.
 *
 * The seed is a sequence of steps run in one transaction, so a failure leaves the database as it
 * was. Steps: the catalog, the rental copies of its rentable editions, then the synthetic shoppers'
 * histories; later steps can read what earlier steps produced from the shared context. It creates no account anyone can sign in to: the demo
 * accounts are `npm run demo`'s alone (db/seed/users.ts).
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows, type Transaction } from '@/db';
import { refreshSearchIndex } from '@/lib/catalog/search/mutations';
import { CatalogGenerator } from './catalog';
import { insertGenres, insertPeople, insertProducts } from './insert';
import { rentalCopiesStep } from './rentals';
import { shoppersStep } from './shoppers';

export type SeedOptions = {
  /** Delete the existing catalog first instead of refusing to run. */
  force?: boolean;
  /** The date the demo store "is at": pre-orders, the sales history and rights windows are relative to it. */
  today?: Date;
  /** Additional generated products, for benchmarks (default 0). */
  extraProducts?: number;
  log?: (line: string) => void;
};

export type SeedSummary = { products: number; editions: number; tracks: number; people: number };

/** Thrown when the database already holds products and `force` was not given. */
export class SeedRefusedError extends Error {
  constructor(readonly existingProducts: number) {
    super(
      `The database already holds ${existingProducts} products; refusing to seed over real data. ` +
        'Re-run with --force to delete the catalog and load the demo.',
    );
    this.name = 'SeedRefusedError';
  }
}

/** What the steps share: options, the summary they add to, and ids later steps may need. */
type SeedContext = {
  today: Date;
  extraProducts: number;
  log: (line: string) => void;
  summary: SeedSummary;
  /** Product slug → id for the base catalog (not the benchmark extras), for later steps. */
  productIds: Map<string, number>;
};

/** The transaction handed to `db.transaction` callbacks (typed from Database so its schema generics match). */
type SeedTransaction = Transaction;

type SeedStep = { name: string; run: (tx: SeedTransaction, context: SeedContext) => Promise<void> };

const catalogStep: SeedStep = {
  name: 'catalog',
  async run(tx, context) {
    const generator = new CatalogGenerator({ today: context.today });
    const catalog = generator.base();
    const genreIds = await insertGenres(tx, catalog.genres);
    const personIds = await insertPeople(tx, catalog.people);
    const ids = { genres: genreIds, people: personIds };
    const base = await insertProducts(tx, catalog.products, ids);
    const rows = await queryRows<{ id: number; slug: string }>(tx, sql`select id, slug from products`);
    for (const row of rows) context.productIds.set(row.slug, row.id);

    let extra = { products: 0, editions: 0, tracks: 0, stockMovements: 0 };
    if (context.extraProducts > 0) {
      const started = Date.now();
      let next = 10_000;
      extra = await insertProducts(tx, generator.extra(context.extraProducts), ids, (counts) => {
        if (counts.products >= next) {
          context.log(`  … ${counts.products} extra products (${((Date.now() - started) / 1000).toFixed(0)} s)`);
          next += 10_000;
        }
      });
    }
    context.summary.products += base.products + extra.products;
    context.summary.editions += base.editions + extra.editions;
    context.summary.tracks += base.tracks + extra.tracks;
    context.summary.people += catalog.people.length;
    context.log(
      `Catalog: ${base.products + extra.products} products, ${base.editions + extra.editions} editions, ` +
        `${base.tracks + extra.tracks} tracks, ${catalog.people.length} people, ${base.stockMovements + extra.stockMovements} stock movements.`,
    );
  },
};

const STEPS: readonly SeedStep[] = [catalogStep, rentalCopiesStep, shoppersStep];

async function countProducts(db: Database): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from products`);
  return Number(row?.count ?? 0);
}

/**
 * Loads the demo store. Refuses (SeedRefusedError) when products exist, unless `force`, which first
 * empties the catalog tables — and, through CASCADE, every table that references them.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const existing = await countProducts(db);
  if (existing > 0 && !options.force) throw new SeedRefusedError(existing);
  const log = options.log ?? (() => {});
  const context: SeedContext = {
    today: options.today ?? new Date(),
    extraProducts: Math.max(0, Math.floor(options.extraProducts ?? 0)),
    log,
    summary: { products: 0, editions: 0, tracks: 0, people: 0 },
    productIds: new Map(),
  };

  // Only `tx` inside: on PGlite, using `db` within a transaction waits for the transaction forever.
  await db.transaction(async (tx) => {
    if (existing > 0 || options.force) {
      await tx.execute(sql`
        truncate table products, editions, tracks, credits, product_genres, media, people, genres,
          stock_movements, search_terms, rental_copies
        restart identity cascade`);
      log('Deleted the existing catalog.');
    }
    for (const step of STEPS) {
      const started = Date.now();
      await step.run(tx, context);
      log(`Seed step "${step.name}" done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  });

  const started = Date.now();
  await refreshSearchIndex(db);
  log(`Search index built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // Fresh statistics, or the planner guesses one row per table and picks slow plans; and the
  // visibility map of a bulk load, which index-only scans need (autovacuum would set it later, or
  // never where it is off).
  await db.execute(sql`vacuum analyze`);
  return context.summary;
}
