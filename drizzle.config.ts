import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs the schemas against db/migrations and writes the next migration.
// No connection is needed to generate; migrations are applied by `npm run db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/**/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
