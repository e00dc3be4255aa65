import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db';
import { blindIndex, blindIndexSql } from './blind-index';
import { contextOf, ENCRYPTED_TABLES, type EncryptedTable } from './encrypted-columns';
import { currentKeyId, decryptOptional, encryptOptional } from './encryption';

/**
 * `npm run keys:rotate`: rewrites every value of every encrypted column (ENCRYPTED_TABLES) that is not
 * under the current key — plain legacy text, or ciphertext under an older key — under the current
 * key, and recomputes the blind indexes from the decrypted values.
 *
 * Rows are rewritten in batches, each batch in its own transaction with its rows locked, so the app
 * can keep running: a write racing a batch waits for it. Only rows that still need work are read, so
 * a run that was interrupted (or crashed) is resumed by running it again, and a second run over a
 * rotated database changes nothing.
 */

export type RotationProgress = { table: string; rewritten: number; total: number };
export type RotationSummary = { keyId: string; tables: { table: string; rewritten: number; remaining: number }[] };

const ENC_PREFIX = (keyId: string) => `enc1:${keyId}:`;

const ident = (name: string) => sql.identifier(name);

/** `column ->> 'field'` of a jsonb field. */
const jsonText = (column: string, field: string) => sql`(${ident(column)} ->> ${field})`;

/** Rows of `spec` holding anything not under `keyId` (or, with `all`, every row with something to rewrite). */
function staleCondition(spec: EncryptedTable, keyId: string, all: boolean): SQL {
  const prefix = ENC_PREFIX(keyId);
  const parts: SQL[] = [];
  const stale = (value: SQL) =>
    all ? sql`${value} is not null` : sql`(${value} is not null and left(${value}, ${prefix.length}) <> ${prefix})`;
  for (const column of spec.columns) parts.push(stale(sql`${ident(column)}`));
  for (const { column, field } of spec.jsonFields ?? []) parts.push(stale(jsonText(column, field)));
  if (spec.blindIndex) {
    const entries = ident(spec.blindIndex.column);
    parts.push(
      sql`exists (select 1 from unnest(${entries}) as e(v) where left(e.v, ${keyId.length + 1}) <> ${`${keyId}:`})`,
    );
  }
  const where = spec.where ? sql`(${sql.raw(spec.where)}) and ` : sql``;
  return sql`${where}(${sql.join(parts, sql` or `)})`;
}

/** How many rows of each encrypted table still hold a value that is not under the current key. */
export async function countStaleRows(db: Database): Promise<{ table: string; rows: number }[]> {
  const keyId = currentKeyId();
  const counts = [];
  for (const spec of ENCRYPTED_TABLES) {
    counts.push({
      table: spec.table,
      rows: await db.$count(sql`${ident(spec.table)}`, staleCondition(spec, keyId, false)),
    });
  }
  return counts;
}

type Row = { k: number | string } & Record<string, string | null>;

/** Re-encrypts one batch of `spec` after `after` (exclusive); returns the last key done, or null when none was left. */
async function rotateBatch(
  db: Database,
  spec: EncryptedTable,
  options: { keyId: string; all: boolean; after: number | string | null; batchSize: number },
): Promise<{ last: number | string; rows: number } | null> {
  return db.transaction(async (tx) => {
    const columns = [
      ...spec.columns.map((column) => sql`${ident(column)} as ${ident(`c:${column}`)}`),
      ...(spec.jsonFields ?? []).map(
        ({ column, field }) => sql`${jsonText(column, field)} as ${ident(`j:${column}.${field}`)}`,
      ),
    ];
    const rows = await queryRows<Row>(
      tx,
      sql`select ${ident(spec.key)} as k, ${sql.join(columns, sql`, `)} from ${ident(spec.table)}
        where ${staleCondition(spec, options.keyId, options.all)}
          ${options.after === null ? sql`` : sql`and ${ident(spec.key)} > ${options.after}`}
        order by ${ident(spec.key)} limit ${options.batchSize} for update`,
    );
    if (rows.length === 0) return null;
    // The new values of the whole batch, written by one UPDATE … FROM (VALUES …).
    const jsonFields = spec.jsonFields ?? [];
    const values = rows.map((row) => {
      const plain: Record<string, string | null> = {};
      const cells: SQL[] = [sql`${row.k}::bigint`];
      try {
        for (const column of spec.columns) {
          const context = contextOf(spec.table, column);
          plain[column] = decryptOptional(row[`c:${column}`] ?? null, context);
          cells.push(sql`${encryptOptional(plain[column], context)}::text`);
        }
        for (const { column, field } of jsonFields) {
          const context = contextOf(spec.table, column, field);
          const value = row[`j:${column}.${field}`] ?? null;
          cells.push(sql`${encryptOptional(decryptOptional(value, context), context)}::text`);
        }
      } catch (error) {
        throw new Error(`${spec.table} ${spec.key}=${row.k}: ${(error as Error).message}`);
      }
      if (spec.blindIndex) {
        const sources = Object.entries(spec.blindIndex.sources).map(([column, kind]) => ({
          kind,
          value: plain[column],
        }));
        cells.push(blindIndexSql(blindIndex(sources)));
      }
      return sql`(${sql.join(cells, sql`, `)})`;
    });
    const names = [
      'k',
      ...spec.columns.map((column) => `c:${column}`),
      ...jsonFields.map(({ column, field }) => `j:${column}.${field}`),
      ...(spec.blindIndex ? ['bi'] : []),
    ];
    const sets: SQL[] = [
      ...spec.columns.map((column) => sql`${ident(column)} = v.${ident(`c:${column}`)}`),
      // A jsonb field is rewritten where it is present; a row without it keeps its document as it is.
      ...jsonFields.map(({ column, field }) => {
        const value = sql`v.${ident(`j:${column}.${field}`)}`;
        const target = sql`t.${ident(column)}`;
        return sql`${ident(column)} = case when ${value} is null then ${target}
          else jsonb_set(${target}, ${`{${field}}`}::text[], to_jsonb(${value})) end`;
      }),
      ...(spec.blindIndex ? [sql`${ident(spec.blindIndex.column)} = v.bi`] : []),
    ];
    await tx.execute(
      sql`update ${ident(spec.table)} as t set ${sql.join(sets, sql`, `)}
        from (values ${sql.join(values, sql`, `)}) as v(${sql.join(names.map(ident), sql`, `)})
        where t.${ident(spec.key)} = v.k`,
    );
    return { last: rows[rows.length - 1]!.k, rows: rows.length };
  });
}

/**
 * Rewrites every encrypted value that is not under the current key (`all`: every value, e.g. after a
 * change to how blind indexes are computed), `batchSize` rows per transaction, reporting progress per
 * batch. Throws, naming the table and row, on a value under a key that is no longer in
 * ENCRYPTION_KEYS (what was done so far stays done).
 */
export async function rotateEncryptionKeys(
  db: Database,
  options: { batchSize?: number; all?: boolean; onProgress?: (progress: RotationProgress) => void } = {},
): Promise<RotationSummary> {
  const keyId = currentKeyId();
  const batchSize = Math.max(1, Math.min(10_000, Math.floor(options.batchSize ?? 500)));
  const all = options.all ?? false;
  const tables: RotationSummary['tables'] = [];
  for (const spec of ENCRYPTED_TABLES) {
    const total = await db.$count(sql`${ident(spec.table)}`, staleCondition(spec, keyId, all));
    let rewritten = 0;
    let after: number | string | null = null;
    options.onProgress?.({ table: spec.table, rewritten, total });
    for (;;) {
      const batch = await rotateBatch(db, spec, { keyId, all, after, batchSize });
      if (!batch) break;
      rewritten += batch.rows;
      after = batch.last;
      options.onProgress?.({ table: spec.table, rewritten, total: Math.max(total, rewritten) });
    }
    tables.push({ table: spec.table, rewritten, remaining: 0 });
  }
  // Rows written under an old key while the run went on (an app instance not yet restarted with the new key list).
  for (const { table, rows } of await countStaleRows(db)) {
    const entry = tables.find((t) => t.table === table);
    if (entry) entry.remaining = rows;
  }
  return { keyId, tables };
}
