import { isConcurrentStatement, type Migration, statementsOf } from './migrate';

/**
 * Rules for new migrations (checked by tests/unit/migrations.test.ts), so that deploying one never
 * locks a table against writes for as long as an index takes to build:
 * - an index on a table that already exists is built with CREATE INDEX CONCURRENTLY (in schema.ts:
 *   `index(…).on(…).concurrently()`), which PostgreSQL only runs outside a transaction;
 * - so such statements go in a migration of their own, which db/migrate.ts runs without one.
 * An index on a table created in the same migration needs neither: the table is empty.
 */

const CREATE_TABLE = /^\s*create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?(?:"?public"?\.)?"?(\w+)"?/i;
const CREATE_INDEX =
  /^\s*create\s+(?:unique\s+)?index\s+(concurrently\s+)?(?:if\s+not\s+exists\s+)?"?([\w$]+)"?\s+on\s+(?:only\s+)?(?:"?public"?\.)?"?(\w+)"?/i;

export type MigrationIssue = { tag: string; message: string };

/** What is wrong with `migrations` (in order), checking only those from index `firstChecked` on. */
export function migrationIssues(migrations: Pick<Migration, 'tag' | 'sql'>[], firstChecked = 0): MigrationIssue[] {
  const issues: MigrationIssue[] = [];
  const tables = new Set<string>();
  migrations.forEach((migration, index) => {
    const statements = statementsOf(migration);
    const created = new Set(statements.flatMap((s) => CREATE_TABLE.exec(s)?.[1] ?? []));
    if (index >= firstChecked) {
      const concurrent = statements.filter(isConcurrentStatement);
      if (concurrent.length > 0 && concurrent.length < statements.length) {
        issues.push({
          tag: migration.tag,
          message: 'mixes CONCURRENTLY index statements with others: give the concurrent ones a migration of their own',
        });
      }
      for (const statement of statements) {
        const [, concurrently, name, table = ''] = CREATE_INDEX.exec(statement) ?? [];
        if (!name || concurrently) continue;
        if (tables.has(table) && !created.has(table)) {
          issues.push({
            tag: migration.tag,
            message: `index "${name}" on the existing table "${table}" must be CREATE INDEX CONCURRENTLY ('.concurrently()' in schema.ts), in a migration of its own`,
          });
        }
      }
    }
    for (const table of created) tables.add(table);
  });
  return issues;
}
