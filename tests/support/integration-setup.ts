import { afterAll, beforeAll, inject, vi } from 'vitest';
import { closeDb, setDb } from '@/db';
import { cloneDatabase, databaseUrl, dropDatabase, openPostgres, openSnapshot } from './databases';
import { traceTransactions } from './statement-trace';

// Outside Next there is no cache to tag: make the cache APIs no-ops and record invalidations.
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
  refresh: vi.fn(),
}));

let dropClone: (() => Promise<void>) | undefined;

// Each test file gets its own copy of the seeded database, so files cannot disturb each other.
beforeAll(async () => {
  const database = inject('database');
  if (database.kind === 'postgres') {
    const name = await cloneDatabase(database.serverUrl, database.template);
    const { db, close } = openPostgres(databaseUrl(database.serverUrl, name));
    setDb(traceTransactions(db), close);
    dropClone = () => dropDatabase(database.serverUrl, name);
  } else {
    const { db, close } = await openSnapshot(database.snapshot);
    setDb(traceTransactions(db), close);
  }
});

afterAll(async () => {
  await closeDb();
  await dropClone?.();
});
