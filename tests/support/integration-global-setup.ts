import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase, seededSnapshot } from './databases';

/**
 * Prepares one migrated, seeded database for the whole integration run:
 * - with DATABASE_URL (CI, real Postgres): a template database that each test file clones (or the
 *   one TEST_TEMPLATE_DATABASE names, left in place);
 * - without it: a PGlite snapshot (dumpDataDir) that each test file loads into memory.
 * Everything created here is removed at the end of the run.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  // Given by scripts/isolated-tests.ts, which runs vitest many times on one template it owns.
  const shared = process.env.TEST_TEMPLATE_DATABASE;
  if (serverUrl && shared) {
    project.provide('database', { kind: 'postgres', serverUrl, template: shared });
    return async () => {};
  }
  if (serverUrl) {
    const template = await createTemplateDatabase(serverUrl);
    project.provide('database', { kind: 'postgres', serverUrl, template });
    return async () => dropDatabase(serverUrl, template);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-test-'));
  const snapshot = path.join(dir, 'seeded.tar.gz');
  fs.writeFileSync(snapshot, await seededSnapshot());
  project.provide('database', { kind: 'pglite', snapshot });
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: { kind: 'postgres'; serverUrl: string; template: string } | { kind: 'pglite'; snapshot: string };
  }
}
