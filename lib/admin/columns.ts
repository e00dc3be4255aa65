import { getTableColumns, type Table } from 'drizzle-orm';
import { users } from '@/lib/accounts/schema';

/**
 * Some columns of a table, by their names in the schema, for a select:
 * `db.select(columnsOf(shipments, ['id', 'carrier']))` reads `{ id: number; carrier: string }[]`.
 */
export function columnsOf<T extends Table, const K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Pick<T['_']['columns'], K> {
  const columns: T['_']['columns'] = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, columns[key]])) as Pick<T['_']['columns'], K>;
}

/** Who did something, over a join to `users` (nameOrUsername picks what to show). */
export const actorNameFields = { actorDisplayName: users.displayName, actorName: users.username };
