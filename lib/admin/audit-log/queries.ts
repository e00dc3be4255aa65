import 'server-only';
import { pick, getDb } from '@/db';
import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { auditLog } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/session';
import { orders } from '@/lib/orders/schema';
import { type Page, pageWithin } from '@/lib/admin/paging';
import { actorNameFields } from '@/lib/admin/columns';
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
export async function listAuditEntries(filters: AuditFilters): Promise<Page<AuditEntry>> {
  await requireAdmin();
  const db = await getDb();
  const where = and(
    filters.actor ? eq(auditLog.actorUserId, filters.actor) : undefined,
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.action
      ? filters.action.endsWith('.')
        ? sql`starts_with(${auditLog.action}, ${filters.action})`
        : eq(auditLog.action, filters.action)
      : undefined,
    filters.from ? sql`${auditLog.createdAt} >= ${`${filters.from}T00:00:00Z`}::timestamptz` : undefined,
    filters.to ? sql`${auditLog.createdAt} < (${filters.to}::date + 1)::timestamp at time zone 'UTC'` : undefined,
  );
  const total = await db.$count(auditLog, where);
  const { page, pageCount } = pageWithin(total, filters.page, AUDIT_PAGE_SIZE);
  const rows = await db
    .select({
      ...pick(auditLog, 'id createdAt actorUserId action entity entityId before after'),
      ...actorNameFields,
      orderNumber: orders.number,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    // Order entries are recorded by id; the order's page is addressed by number.
    .leftJoin(
      orders,
      and(
        eq(auditLog.entity, 'order'),
        sql`${orders.id} = case when ${auditLog.entityId} ~ '^[0-9]{1,9}$' then ${auditLog.entityId}::int end`,
      ),
    )
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return {
    items: rows.map((row) => {
      const before = asRecord(row.before);
      const after = asRecord(row.after);
      return {
        id: row.id,
        createdAt: row.createdAt,
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
    total,
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
    db
      .select({ id: users.id, displayName: users.displayName, username: users.username })
      .from(users)
      .where(
        or(
          eq(users.role, 'admin'),
          inArray(
            users.id,
            db
              .selectDistinct({ id: sql<number>`${auditLog.actorUserId}` })
              .from(auditLog)
              .where(isNotNull(auditLog.actorUserId)),
          ),
        ),
      )
      .orderBy(asc(users.id)),
    db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)).limit(100),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).limit(300),
  ]);
  return {
    // Names are encrypted, so they are sorted here rather than in SQL.
    actors: actors
      .map((row) => ({ id: row.id, name: nameOrUsername(row.displayName, row.username) }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
    entities: entities.map((row) => row.entity),
    actions: actions.map((row) => row.action),
  };
}
