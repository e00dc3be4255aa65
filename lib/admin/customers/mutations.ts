import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows, type Transaction } from '@/db';
import { endAllSessions } from '@/lib/accounts/mutations';
import { recordAudit } from '@/lib/audit/record';
import { AuthError, type SessionUser } from '@/lib/auth/session';
import type { ChangeRoleInput, SetDisabledInput } from './validation';

export type CustomerMutationResult =
  { ok: true; changed: boolean } | { ok: false; fieldErrors: Record<string, string> };

type Admin = SessionUser & { role: 'admin' };
type AccountRow = { id: number; role: 'customer' | 'admin'; disabledAt: unknown; deletedAt: unknown };

const refuse = (field: string, key: string): CustomerMutationResult => ({ ok: false, fieldErrors: { [field]: key } });

/**
 * Locks the acting admin's row and the target's, in id order (so two admins acting on each other
 * queue instead of deadlocking), and checks that the actor is still an active admin: of two admins
 * demoting each other at the same moment, the second finds it is no longer allowed, and the store
 * is never left without an admin.
 */
async function lockActorAndTarget(
  tx: Transaction,
  admin: Admin,
  targetId: number,
): Promise<{ target: AccountRow | null; actorOk: boolean }> {
  const rows = await queryRows<AccountRow>(
    tx,
    sql`select id, role, disabled_at as "disabledAt", deleted_at as "deletedAt" from users
        where id in (${admin.id}, ${targetId}) order by id for update`,
  );
  const actor = rows.find((row) => row.id === admin.id);
  return {
    target: rows.find((row) => row.id === targetId) ?? null,
    actorOk: Boolean(actor && actor.role === 'admin' && !actor.disabledAt && !actor.deletedAt),
  };
}

const snapshot = (row: { role: string; disabledAt: unknown }) => ({
  role: row.role,
  disabled: Boolean(row.disabledAt),
});

function assertAdmin(admin: SessionUser): asserts admin is Admin {
  if (admin.role !== 'admin') throw new AuthError('forbidden');
}

/**
 * Changes an account's role (customer ↔ admin), with an audit row ("user.change_role", before and
 * after role and disabled state) in the same transaction. An admin cannot demote themself (so the
 * store keeps at least one admin); deleted accounts cannot change. The new role applies to the
 * account's next request: roles are read from the database, never from the session token.
 * Caller: an admin action (asAdmin), which passes the acting admin.
 */
export async function changeCustomerRole(admin: SessionUser, input: ChangeRoleInput): Promise<CustomerMutationResult> {
  assertAdmin(admin);
  if (input.userId === admin.id && input.role !== 'admin') return refuse('role', 'selfDemote');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { target, actorOk } = await lockActorAndTarget(tx, admin, input.userId);
    if (!actorOk) return refuse('form', 'notAllowed');
    if (!target) return refuse('form', 'notFound');
    if (target.deletedAt) return refuse('form', 'deleted');
    if (target.role === input.role) return { ok: true, changed: false };
    await tx.execute(sql`update users set role = ${input.role}, updated_at = now() where id = ${target.id}`);
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
 * cannot disable themself. Caller: an admin action (asAdmin), which passes the acting admin.
 */
export async function setCustomerDisabled(
  admin: SessionUser,
  input: SetDisabledInput & { disabled: boolean },
): Promise<CustomerMutationResult> {
  assertAdmin(admin);
  if (input.userId === admin.id && input.disabled) return refuse('form', 'selfDisable');
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<CustomerMutationResult> => {
    const { target, actorOk } = await lockActorAndTarget(tx, admin, input.userId);
    if (!actorOk) return refuse('form', 'notAllowed');
    if (!target) return refuse('form', 'notFound');
    if (target.deletedAt) return refuse('form', 'deleted');
    if (Boolean(target.disabledAt) === input.disabled) return { ok: true, changed: false };
    await tx.execute(
      sql`update users set disabled_at = ${input.disabled ? sql`now()` : sql`null`}, updated_at = now()
          where id = ${target.id}`,
    );
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
