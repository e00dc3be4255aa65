import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { editions } from '@/lib/catalog/schema';
import { orderLines, orders } from '@/lib/orders/schema';

/**
 * The digital library (issue 17): what a shopper owns (entitlements), the files of a digital edition,
 * and every download of them, counted per entitlement and file. Entitlements are granted and revoked
 * by the order lifecycle (lib/orders/library-sql.ts, in the transaction that moves the order), and
 * downloads are counted only in lib/library/downloads.ts, by one conditional statement.
 */

/** How an entitlement came: a digital line bought, a code redeemed, or a physical edition that includes its download. */
export const entitlementSource = pgEnum('entitlement_source', ['purchase', 'code', 'bundled']);
export const entitlementStatus = pgEnum('entitlement_status', ['active', 'revoked']);

/** What a file is: one track of an album, a film, an episode, a game build, or an archive of many. */
export const digitalFileKind = pgEnum('digital_file_kind', ['track', 'film', 'episode', 'build', 'zip']);
export const digitalFileFormat = pgEnum('digital_file_format', [
  'flac',
  'wav',
  'alac',
  'mp3_320',
  'aac',
  'ogg',
  'mp4',
  'mkv',
  'zip',
]);

export type EntitlementSource = (typeof entitlementSource.enumValues)[number];
export type EntitlementStatus = (typeof entitlementStatus.enumValues)[number];
export type DigitalFileKind = (typeof digitalFileKind.enumValues)[number];
export type DigitalFileFormat = (typeof digitalFileFormat.enumValues)[number];

export const entitlements = pgTable(
  'entitlements',
  {
    id: serial('id').primaryKey(),
    // A library belongs to its account: deleting the account deletes it.
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'restrict' }),
    /** The order and line that granted it (source purchase or bundled); null for a code. */
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    orderLineId: integer('order_line_id').references(() => orderLines.id, { onDelete: 'set null' }),
    source: entitlementSource('source').notNull(),
    status: entitlementStatus('status').notNull().default('active'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // One entitlement per order line, whichever way it came (a digital line or a bundled download):
    // granting runs `on conflict do nothing` on this key, so a fulfilment run twice grants once.
    uniqueIndex('entitlements_order_line_key')
      .on(t.orderLineId)
      .where(sql`${t.orderLineId} is not null`),
    index('entitlements_user_idx').on(t.userId, t.grantedAt.desc()),
    index('entitlements_order_idx')
      .on(t.orderId)
      .where(sql`${t.orderId} is not null`),
    check('entitlements_revoked', sql`(${t.status} = 'revoked') = (${t.revokedAt} is not null)`),
  ],
);

export const digitalFiles = pgTable(
  'digital_files',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'restrict' }),
    kind: digitalFileKind('kind').notNull(),
    /** Order within the edition (track number, episode number); 1 for a single file. */
    position: integer('position').notNull().default(1),
    title: text('title').notNull(),
    format: digitalFileFormat('format').notNull(),
    /** Where the bytes are in the storage adapter (lib/storage), a key the store made. */
    storageKey: text('storage_key').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('digital_files_storage_key').on(t.storageKey),
    uniqueIndex('digital_files_edition_position_format_key').on(t.editionId, t.kind, t.position, t.format),
    check('digital_files_size', sql`${t.byteSize} >= 0`),
    check('digital_files_position', sql`${t.position} > 0`),
    check('digital_files_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** How many downloads of a file an entitlement has used, and its own limit when an admin set one. */
export const downloadCounts = pgTable(
  'download_counts',
  {
    entitlementId: integer('entitlement_id')
      .notNull()
      .references(() => entitlements.id, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => digitalFiles.id, { onDelete: 'cascade' }),
    used: integer('used').notNull().default(0),
    /** Null: the configured LIBRARY_DOWNLOAD_LIMIT. */
    limitOverride: integer('limit_override'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entitlementId, t.fileId] }),
    check('download_counts_used', sql`${t.used} >= 0`),
    check('download_counts_limit', sql`${t.limitOverride} is null or ${t.limitOverride} >= 0`),
  ],
);

/** Every download started (a counted request): who, what, from where, how many bytes were sent. */
export const downloads = pgTable(
  'downloads',
  {
    id: serial('id').primaryKey(),
    entitlementId: integer('entitlement_id')
      .notNull()
      .references(() => entitlements.id, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => digitalFiles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    ip: text('ip'),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('downloads_entitlement_file_idx').on(t.entitlementId, t.fileId, t.startedAt.desc()),
    // The data export and account deletion read a user's downloads.
    index('downloads_user_idx')
      .on(t.userId, t.startedAt.desc())
      .where(sql`${t.userId} is not null`),
  ],
);
