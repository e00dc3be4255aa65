/**
 * Who may make a staff change: an admin. The back office's server actions check it first
 * (`asAdmin`, lib/admin/guard.ts); every domain function that makes a staff change checks it again
 * with `assertAdmin`, so no caller can skip it. The type is structural (any signed-in user with an
 * id and a role), so domains below `accounts` can take it too.
 */
export type StaffUser = { id: number; role: 'admin' };

export function assertAdmin(
  user: { id: number; role: string } | null | undefined,
  what: string,
): asserts user is StaffUser {
  if (user?.role !== 'admin') throw new Error(`${what}: an admin is required`);
}
