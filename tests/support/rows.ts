import type { SQL } from 'drizzle-orm';
import { getDb, queryRow } from '@/db';

/** The one row a query returns, read from the test database (fails when there is none). */
export async function rowOf<Row>(query: SQL): Promise<Row> {
  return queryRow<Row>(await getDb(), query);
}
