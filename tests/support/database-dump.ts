import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db';

/**
 * Every text-like column of the database (text, varchar, char, json, jsonb, text arrays), each as one
 * string of all its values: what `pg_dump` would show of them, on PostgreSQL and PGlite alike.
 */
export async function dumpTextColumns(db: Database): Promise<Map<string, string>> {
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`select c.table_name as "table", c.column_name as "column"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
          or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
      order by c.table_name, c.column_name`,
  );
  const dump = new Map<string, string>();
  for (const { table, column } of columns) {
    const [row] = await queryRows<{ v: string }>(
      db,
      sql`select coalesce(string_agg(${sql.identifier(column)}::text, E'\n'), '') as v from ${sql.identifier(table)}`,
    );
    dump.set(`${table}.${column}`, row?.v ?? '');
  }
  return dump;
}

/** Which needles (case-insensitive) appear in which dumped columns. */
export function findInDump(
  dump: Map<string, string>,
  needles: readonly string[],
): { column: string; needle: string }[] {
  const found: { column: string; needle: string }[] = [];
  for (const [column, text] of dump) {
    const haystack = text.toLowerCase();
    for (const needle of needles) if (haystack.includes(needle.toLowerCase())) found.push({ column, needle });
  }
  return found;
}
