import { type AnyPgColumn, integer, serial } from 'drizzle-orm/pg-core';

// Column builders the domains' schema files (lib/*/schema.ts) share. No import of the schema itself,
// so that a schema file can use them without a cycle.

/**
 * A required reference to another table's row that is deleted with it (`on delete cascade`): a
 * line of an order, a user's session, an edition's stock movements.
 */
export const cascadeRef = <N extends string>(name: N, target: () => AnyPgColumn) =>
  integer(name).notNull().references(target, { onDelete: 'cascade' });

/** The `id serial primary key` of a table. */
export const serialId = () => serial('id').primaryKey();
