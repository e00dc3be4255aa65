import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { requireAdmin } from '@/lib/auth/session';
import { type AuditDiff, diffAuditRecords } from './diff';
import { auditEntityHref } from './links';
import { AUDIT_PAGE_SIZE, type AuditFilters } from './validation';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export type AuditEntry = {
  id: number;
  createdAt: Date;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  href: string | null;
  diff: AuditDiff;
  /** True when the entry has no before record (something was created). */
  created: boolean;
  /** True when the entry has no after record (something was deleted). */
  deleted: boolean;
};

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
type Json = Record<string, unknown> | null;
/** jsonb comes back parsed from postgres.js and PGlite alike; a string would be a double-encoded value. */
const asRecord = (value: unknown): Json => {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};

/**
 * The audit log, newest first, AUDIT_PAGE_SIZE to a page, filtered by actor, entity (and entity id),
 * action (exact, or a prefix such as "user." when it ends with a dot) and UTC days. Each entry comes
 * with a readable diff of its before and after records and, where the entity has a page, a link.
 * Admins only (requireAdmin throws otherwise).
 */
export async function listAuditEntries(filters: AuditFilters): Promise<{
  items: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
}> {
  await requireAdmin();
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(sql`a.actor_user_id = ${filters.actor}`);
  if (filters.entity) conditions.push(sql`a.entity = ${filters.entity}`);
  if (filters.entityId) conditions.push(sql`a.entity_id = ${filters.entityId}`);
  if (filters.action) {
    conditions.push(
      filters.action.endsWith('.') ? sql`starts_with(a.action, ${filters.action})` : sql`a.action = ${filters.action}`,
    );
  }
  if (filters.from) conditions.push(sql`a.created_at >= ${`${filters.from}T00:00:00Z`}::timestamptz`);
  if (filters.to) conditions.push(sql`a.created_at < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from audit_log a ${where}`,
  );
  const pageCount = Math.max(1, Math.ceil(Number(total) / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await queryRows<{
    id: number | string;
    createdAt: unknown;
    actorUserId: number | null;
    actorDisplayName: string | null;
    actorName: string | null;
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
    orderNumber: string | null;
  }>(
    db,
    sql`select a.id, a.created_at as "createdAt", a.actor_user_id as "actorUserId",
          u.display_name as "actorDisplayName", u.username as "actorName", a.action, a.entity, a.entity_id as "entityId",
          a.before, a.after, o.number as "orderNumber"
        from audit_log a
        left join users u on u.id = a.actor_user_id
        -- Order entries are recorded by id; the order's page is addressed by number.
        left join orders o on a.entity = 'order'
          and o.id = case when a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end
        ${where}
        order by a.created_at desc, a.id desc
        limit ${AUDIT_PAGE_SIZE} offset ${(page - 1) * AUDIT_PAGE_SIZE}`,
  );
  return {
    items: rows.map((row) => {
      const before = asRecord(row.before);
      const after = asRecord(row.after);
      return {
        id: Number(row.id),
        createdAt: toDate(row.createdAt),
        actorUserId: row.actorUserId,
        actorName: nameOrUsername(row.actorDisplayName, row.actorName),
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        href: auditEntityHref(row.entity, row.entityId, before, after, row.orderNumber),
        diff: diffAuditRecords(before, after),
        created: before === null && after !== null,
        deleted: before !== null && after === null,
      };
    }),
    total: Number(total),
    page,
    pageCount,
  };
}

/**
 * What the filter menus offer: every admin who has made a change (and every current admin), and
 * the entities and actions present in the log. Admins only.
 */
export async function listAuditFilterOptions(): Promise<{
  actors: { id: number; name: string }[];
  entities: string[];
  actions: string[];
}> {
  await requireAdmin();
  const db = await getDb();
  const [actors, entities, actions] = await Promise.all([
    queryRows<{ id: number; displayName: string | null; username: string }>(
      db,
      sql`select u.id, u.display_name as "displayName", u.username from users u
          where u.role = 'admin' or u.id in (select distinct actor_user_id from audit_log where actor_user_id is not null)
          order by u.id`,
    ),
    queryRows<{ entity: string }>(db, sql`select distinct entity from audit_log order by entity limit 100`),
    queryRows<{ action: string }>(db, sql`select distinct action from audit_log order by action limit 300`),
  ]);
  return {
    // Names are encrypted, so they are sorted here rather than in SQL.
    actors: actors
      .map((row) => ({ id: Number(row.id), name: nameOrUsername(row.displayName, row.username) }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
    entities: entities.map((row) => row.entity),
    actions: actions.map((row) => row.action),
  };
}
