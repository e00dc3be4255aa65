import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CREDIT_ROLES, EDITION_FORMATS, MEDIA_KINDS, PRODUCT_KINDS, PUBLICATION_STATUSES } from './formats';
import { cascadeRef, serialId } from '@/db/columns';

/** Postgres full-text vector; written by lib/catalog/search, never read back into JavaScript. */
const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

// The value lists live in formats.ts (pure data that client code reads too); the enums are made from them.
export const productKind = pgEnum('product_kind', PRODUCT_KINDS);
export const publicationStatus = pgEnum('publication_status', PUBLICATION_STATUSES);
export const editionFormat = pgEnum('edition_format', EDITION_FORMATS);
export const creditRole = pgEnum('credit_role', CREDIT_ROLES);
export const mediaKind = pgEnum('media_kind', MEDIA_KINDS);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const products = pgTable(
  'products',
  {
    id: serialId(),
    slug: text('slug').notNull(),
    kind: productKind('kind').notNull(),
    title: text('title').notNull(),
    originalTitle: text('original_title'),
    description: text('description').notNull().default(''),
    releaseDate: date('release_date'),
    /** First year of the decade of the release date (1970, 1980, …): the decade facet. */
    decade: smallint('decade').generatedAlwaysAs(sql`(extract(year from release_date)::int / 10 * 10)::smallint`),
    ageRating: text('age_rating'),
    /** Record label for albums, studio for films and series, publisher imprint for games. */
    label: text('label'),
    status: publicationStatus('status').notNull().default('draft'),
    /** Weighted full-text document (titles A, people B, label C, tracks D); see lib/catalog/search. */
    searchVector: tsvector('search_vector'),
    /** Normalized title and original title, for trigram typo tolerance. */
    searchTitle: text('search_title').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_kind_status_release_idx').on(t.kind, t.status, t.releaseDate.desc()),
    index('products_kind_decade_idx').on(t.kind, t.decade),
    index('products_title_idx').on(sql`lower(${t.title})`),
    index('products_search_vector_idx').using('gin', t.searchVector),
    index('products_search_title_trgm_idx').using('gin', sql`${t.searchTitle} gin_trgm_ops`),
  ],
);

export const editions = pgTable(
  'editions',
  {
    id: serialId(),
    productId: cascadeRef('product_id', () => products.id),
    sku: text('sku').notNull(),
    format: editionFormat('format').notNull(),
    /** Edition name shown beside the format, e.g. "Deluxe 2×LP" or "Collector's Steelbook". */
    name: text('name'),
    barcode: text('barcode'),
    catalogNumber: text('catalog_number'),
    discCount: smallint('disc_count'),
    packaging: text('packaging'),
    vinylWeightGrams: smallint('vinyl_weight_grams'),
    vinylSpeedRpm: smallint('vinyl_speed_rpm'),
    vinylColour: text('vinyl_colour'),
    regionCode: text('region_code'),
    audioLanguages: text('audio_languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subtitleLanguages: text('subtitle_languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    platform: text('platform'),
    /** Price in minor units of the store currency (cents for USD). */
    priceMinor: integer('price_minor').notNull(),
    /** Denormalised sum of the stock ledger; only lib/inventory changes it, by conditional updates. */
    stock: integer('stock').notNull().default(0),
    status: publicationStatus('status').notNull().default('draft'),
    /** A release date in the future makes the edition a pre-order. */
    releaseDate: date('release_date'),
    rentable: boolean('rentable').notNull().default(false),
    rentalPriceMinor: integer('rental_price_minor'),
    digital: boolean('digital').notNull().default(false),
    /** A physical edition that comes with its digital files (buy the vinyl, get the FLAC): lib/library grants them when paid. */
    includesDownload: boolean('includes_download').notNull().default(false),
    availableFrom: timestamp('available_from', { withTimezone: true }),
    availableUntil: timestamp('available_until', { withTimezone: true }),
    /** ISO 3166-1 alpha-2 codes the edition may be sold in; empty means worldwide. */
    territories: text('territories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('editions_sku_key').on(t.sku),
    uniqueIndex('editions_barcode_key').on(t.barcode),
    index('editions_product_status_idx').on(t.productId, t.status),
    // Listings and facets probe the active editions of thousands of products per search: with every
    // column they read in the index, each probe is an index-only scan (100,000 products: a broad
    // search's p95 162 -> 108 ms).
    index('editions_listing_idx')
      .on(
        t.productId,
        t.format,
        t.priceMinor,
        t.stock,
        t.digital,
        t.rentable,
        t.releaseDate,
        t.availableFrom,
        t.availableUntil,
      )
      .where(sql`${t.status} = 'active'`),
    index('editions_format_idx').on(t.format, t.status),
    index('editions_price_idx').on(t.priceMinor),
    index('editions_release_date_idx').on(t.releaseDate),
    check('editions_stock_nonnegative', sql`${t.stock} >= 0`),
    check('editions_price_nonnegative', sql`${t.priceMinor} >= 0`),
    check(
      'editions_rental_price',
      sql`(not ${t.rentable}) or (${t.rentalPriceMinor} is not null and ${t.rentalPriceMinor} >= 0)`,
    ),
    check(
      'editions_rights_window',
      sql`${t.availableFrom} is null or ${t.availableUntil} is null or ${t.availableFrom} < ${t.availableUntil}`,
    ),
  ],
);

export const tracks = pgTable(
  'tracks',
  {
    id: serialId(),
    productId: cascadeRef('product_id', () => products.id),
    /** Order on the page; `position` is the label printed on the sleeve (A1, 1-03, S01E04). */
    sortOrder: integer('sort_order').notNull(),
    position: text('position').notNull(),
    discNumber: smallint('disc_number').notNull().default(1),
    title: text('title').notNull(),
    durationSeconds: integer('duration_seconds'),
    previewUrl: text('preview_url'),
  },
  (t) => [
    uniqueIndex('tracks_product_sort_key').on(t.productId, t.sortOrder),
    check('tracks_duration_positive', sql`${t.durationSeconds} is null or ${t.durationSeconds} > 0`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: serialId(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Name in its own script when that differs (坂本龍一 for Ryuichi Sakamoto). */
    originalName: text('original_name'),
    bio: text('bio'),
    ...timestamps,
  },
  (t) => [uniqueIndex('people_slug_key').on(t.slug), index('people_name_idx').on(sql`lower(${t.name})`)],
);

export const credits = pgTable(
  'credits',
  {
    id: serialId(),
    productId: cascadeRef('product_id', () => products.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: creditRole('role').notNull(),
    /** The part played, for cast credits. */
    character: text('character'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('credits_product_person_role_key').on(t.productId, t.personId, t.role),
    index('credits_person_idx').on(t.personId, t.role),
  ],
);

export const genres = pgTable(
  'genres',
  {
    id: serialId(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameZh: text('name_zh').notNull(),
  },
  (t) => [uniqueIndex('genres_slug_key').on(t.slug)],
);

export const productGenres = pgTable(
  'product_genres',
  {
    productId: cascadeRef('product_id', () => products.id),
    genreId: cascadeRef('genre_id', () => genres.id),
  },
  (t) => [primaryKey({ columns: [t.productId, t.genreId] }), index('product_genres_genre_idx').on(t.genreId)],
);

export const media = pgTable(
  'media',
  {
    id: serialId(),
    productId: cascadeRef('product_id', () => products.id),
    kind: mediaKind('kind').notNull(),
    url: text('url').notNull(),
    alt: text('alt').notNull().default(''),
    width: integer('width'),
    height: integer('height'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('media_product_idx').on(t.productId, t.kind, t.sortOrder)],
);
