import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { sellableEdition, textMatches, textQuery } from '@/lib/catalog/listing-sql';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import type { ProductCard } from '@/lib/catalog/types';
import { cleanQuery, foldText, hasCjk } from './normalize';

/**
 * "Did you mean": each word of the query that is not in the vocabulary is replaced by the most
 * similar known word (trigram similarity, ties broken by frequency). Null when nothing changes.
 */
export async function suggestCorrection(query: string): Promise<string | null> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);

  // Callable from outside as a server reference (13.16): cleanQuery reads only a string.
  const words = foldText(cleanQuery(query)).split(' ').filter(Boolean).slice(0, 8);
  const candidates = words.filter((word) => word.length >= 3 && !hasCjk(word) && !/^\d+$/.test(word));
  if (candidates.length === 0) return null;
  const db = await getDb();
  // One query for all words: each candidate itself when it is a known term (an index lookup; most
  // words are), else the closest known term (trigram similarity, only for the unknown words).
  const rows = await queryRows<{ word: string; best: string | null }>(
    db,
    sql`select w.word, coalesce(
          (select t.term from search_terms t where t.term = w.word),
          (select t.term from search_terms t where t.term % w.word
            order by similarity(t.term, w.word) desc, t.frequency desc, t.term limit 1)) as best
        from (values ${sql.join(
          candidates.map((word) => sql`(${word})`),
          sql`, `,
        )}) as w(word)`,
  );
  const replacement = new Map(rows.filter((r) => r.best && r.best !== r.word).map((r) => [r.word, r.best!]));
  const correctedWords = words.map((word) => replacement.get(word) ?? word);
  const changed = replacement.size > 0;
  return changed ? correctedWords.join(' ') : null;
}

export type Suggestions = {
  products: Pick<ProductCard, 'slug' | 'title' | 'originalTitle' | 'kind' | 'credit' | 'coverUrl' | 'year'>[];
  people: { slug: string; name: string; originalName: string | null }[];
};

/** Search-as-you-type: a few products and people for a partial query. */
export async function getSuggestions(query: string): Promise<Suggestions> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);

  const text = textQuery(cleanQuery(query));
  if (!text) return { products: [], people: [] };
  const db = await getDb();
  const [products, people] = await Promise.all([
    queryRows<Suggestions['products'][number]>(
      db,
      sql`select p.slug, p.title, p.original_title as "originalTitle", p.kind, extract(year from p.release_date)::int as year,
          (select pe.name from credits c join people pe on pe.id = c.person_id where c.product_id = p.id
            and c.role in ('artist', 'director', 'writer', 'developer') order by c.sort_order limit 1) as credit,
          (select m.url from media m where m.product_id = p.id and m.kind = 'cover' order by m.sort_order limit 1) as "coverUrl"
        from (select id, score from ${textMatches(
          sql`p.status = 'active' and exists (select 1 from editions e where e.product_id = p.id and ${sellableEdition})`,
          text,
        )} m order by score desc, id limit 6) m
          join products p on p.id = m.id
        order by m.score desc, p.id`,
    ),
    searchPeopleRows(text.folded, 3),
  ]);
  return { products, people };
}

/** People whose name (or name in its own script) matches the query. */
export async function searchPeople(query: string, limit = 6): Promise<Suggestions['people']> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);
  const folded = foldText(cleanQuery(query));
  const rows = Number.isInteger(limit) ? Math.min(20, Math.max(1, limit)) : 6;
  return folded ? searchPeopleRows(folded, rows) : [];
}

async function searchPeopleRows(folded: string, limit: number) {
  const db = await getDb();
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<Suggestions['people'][number]>(
    db,
    sql`select slug, name, original_name as "originalName" from people
      where lower(name) like ${pattern} or original_name like ${pattern} or ${folded} <% lower(name)
      order by lower(name) like ${pattern} desc, word_similarity(${folded}, lower(name)) desc, name
      limit ${limit}`,
  );
}
