import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { must } from '@/lib/must';
import { foldText, indexText } from './normalize';
import { searchTerms } from './schema';

// Raw SQL: the search index is rebuilt in bulk (a batch of tsvectors per UPDATE … FROM (VALUES …),
// the vocabulary by splitting every title and name in the database), beyond the query builder.
// SourceRow is the one row type; tests/integration/catalog.test.ts and admin-catalog.test.ts search
// what it indexed.

const BATCH = 500;

type SourceRow = {
  id: number;
  title: string;
  originalTitle: string | null;
  label: string | null;
  people: string | null;
  tracks: string | null;
};

function productSources(afterId: number, productIds?: number[]): SQL {
  const only = productIds
    ? sql`and p.id in (${sql.join(
        productIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  return sql`
    select p.id, p.title, p.original_title as "originalTitle", p.label,
      (select string_agg(pe.name || coalesce(' ' || pe.original_name, ''), ' ')
         from credits c join people pe on pe.id = c.person_id where c.product_id = p.id) as people,
      (select string_agg(t.title, ' ') from tracks t where t.product_id = p.id) as tracks
    from products p
    where p.id > ${afterId} ${only}
    order by p.id
    limit ${BATCH}`;
}

/**
 * Rebuilds the full-text document of the given products (all when omitted): titles weigh A,
 * people B, label or studio C, track and episode titles D. Also adds their words to the
 * "did you mean" vocabulary. Call after any change to a product's titles, credits or tracks.
 */
export async function refreshSearchIndex(executor: Executor, productIds?: number[]): Promise<void> {
  if (productIds && productIds.length === 0) return;
  let afterId = 0;
  for (;;) {
    const rows = await queryRows<SourceRow>(executor, productSources(afterId, productIds));
    if (rows.length === 0) break;
    const values = rows.map(
      (row) =>
        sql`(${row.id}::int, ${indexText(`${row.title} ${row.originalTitle ?? ''}`)}, ${indexText(row.people)}, ${indexText(row.label)}, ${indexText(row.tracks)}, ${foldText(`${row.title} ${row.originalTitle ?? ''}`)})`,
    );
    await executor.execute(sql`
      update products p set
        search_vector =
          setweight(to_tsvector('simple', v.a), 'A') || setweight(to_tsvector('simple', v.b), 'B') ||
          setweight(to_tsvector('simple', v.c), 'C') || setweight(to_tsvector('simple', v.d), 'D'),
        search_title = v.t
      from (values ${sql.join(values, sql`, `)}) as v(id, a, b, c, d, t)
      where p.id = v.id`);
    afterId = must(rows.at(-1), 'last source row').id;
    if (rows.length < BATCH) break;
  }
  await refreshSearchTerms(executor, productIds);
}

/**
 * The vocabulary for "did you mean": words of three or more letters from product titles and
 * people's names. A full rebuild recounts frequencies; a partial one only adds new words.
 */
async function refreshSearchTerms(executor: Executor, productIds?: number[]): Promise<void> {
  const productFilter = productIds
    ? sql`and id in (${sql.join(
        productIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const peopleFilter = productIds
    ? sql`where id in (select person_id from credits where product_id in (${sql.join(
        productIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`
    : sql``;
  if (!productIds) await executor.delete(searchTerms);
  await executor.execute(sql`
    insert into ${searchTerms} (term, frequency)
    select word, count(*)::int from (
      select regexp_split_to_table(search_title, ' ') as word from products where status = 'active' ${productFilter}
      union all
      select regexp_split_to_table(lower(name), '[^[:alnum:]]+') from people ${peopleFilter}
    ) words
    where char_length(word) >= 3
    group by word
    on conflict (term) do nothing`);
}
