import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { endAllSessions } from './mutations';
import { users } from './schema';

/**
 * Staff changes to an account's access: its role and whether it may sign in. The back office calls
 * them (lib/actions/admin/customers.ts, after asAdmin); each checks the admin role again and writes
 * its audit row in the transaction of the change.
 */

export type CustomerMutationResult =
  { ok: true; changed: boolean } | { ok: false; fieldErrors: Record<string, string> };

type Role = (typeof users.$inferSelect)['role'];
type AccountRow = Pick<typeof users.$inferSelect, 'id' | 'role' | 'disabledAt' | 'deletedAt'>;

const refuse = (field: string, key: string): CustomerMutationResult => ({ ok: false, fieldErrors: { [field]: key } });

/**
 * Locks the acting admin's row and the target's, in id order (so two admins acting on each other
 * queue instead of deadlocking), and checks that the actor is still an active admin: of two admins
 * demoting each other at the same moment, the second finds it is no longer allowed, and the store
 * is never left without an admin.
 */
async function lockActorAndTarget(
  tx: Transaction,
  admin: StaffUser,
  targetId: number,
): Promise<{ target: AccountRow | null; actorOk: boolean }> {
  const rows = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, [admin.id, targetId]))
    .orderBy(asc(users.id))
    .for('update');
  const actor = rows.find((row) => row.id === admin.id);
  return {
    target: rows.find((row) => row.id === targetId) ?? null,
    actorOk: Boolean(actor && actor.role === 'admin' && !actor.disabledAt && !actor.deletedAt),
  };
}

const snapshot = (row: { role: Role; disabledAt: unknown }) => ({
  role: row.role,
  disabled: Boolean(row.disabledAt),
});

/**
 * Changes an account's role (customer ↔ admin), with an audit row ("user.change_role", before and
 * after role and disabled state) in the same transaction. An admin cannot demote themself (so the
 * store keeps at least one admin); deleted accounts cannot change. The new role applies to the
 * account's next request: roles are read from the database, never from the session token.
 */
export async function changeCustomerRole(
  admin: { id: number; role: string },
  input: { userId: number; role: Role },
): Promise<CustomerMutationResult> {
  assertAdmin(admin, 'changeCustomerRole');
  if (input.userId === admin.id && input.role !== 'admin') return refuse('role', 'selfDemote');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { target, actorOk } = await lockActorAndTarget(tx, admin, input.userId);
    if (!actorOk) return refuse('form', 'notAllowed');
    if (!target) return refuse('form', 'notFound');
    if (target.deletedAt) return refuse('form', 'deleted');
    if (target.role === input.role) return { ok: true, changed: false };
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: sql`now()` })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'user.change_role',
      entity: 'user',
      entityId: target.id,
      before: snapshot(target),
      after: snapshot({ ...target, role: input.role }),
    });
    return { ok: true, changed: true };
  });
}

/**
 * Disables an account, or enables it again, with an audit row ("user.disable" / "user.enable") in
 * the same transaction. Disabling ends every session of the account at once: from the commit on,
 * the session check refuses a disabled account, and then endAllSessions bumps its session version
 * and revokes its sessions, so that enabling it later does not bring old sessions back. An admin
 * cannot disable themself.
 */
export async function setCustomerDisabled(
  admin: { id: number; role: string },
  input: { userId: number; disabled: boolean },
): Promise<CustomerMutationResult> {
  assertAdmin(admin, 'setCustomerDisabled');
  if (input.userId === admin.id && input.disabled) return refuse('form', 'selfDisable');
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CustomerMutationResult> => {
    const { target, actorOk } = await lockActorAndTarget(tx, admin, input.userId);
    if (!actorOk) return refuse('form', 'notAllowed');
    if (!target) return refuse('form', 'notFound');
    if (target.deletedAt) return refuse('form', 'deleted');
    if (Boolean(target.disabledAt) === input.disabled) return { ok: true, changed: false };
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: input.disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: target.id,
      before: snapshot(target),
      after: snapshot({ ...target, disabledAt: input.disabled }),
    });
    return { ok: true, changed: true };
  });
  // endAllSessions runs its own transaction on the shared client, so it cannot join the one above;
  // the account is already refused by every session check once that one committed.
  if (result.ok && result.changed && input.disabled) await endAllSessions(input.userId);
  return result;
}
