import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { sellableEdition, type TextQuery, textMatches } from '@/lib/catalog/listing-sql';
import type { ProductCard } from '@/lib/catalog/types';
import { searchTerms } from './schema';

// Raw SQL of search ranking: full-text and trigram scores over the matches (listing-sql.ts's
// textMatches), and the trigram nearest term of the vocabulary. The query builder cannot say
// them. The row types are declared here, once; tests/integration/catalog.test.ts runs both on a
// real database.

/** A search-as-you-type product. */
export type SuggestedProduct = Pick<
  ProductCard,
  'slug' | 'title' | 'originalTitle' | 'kind' | 'credit' | 'coverUrl' | 'year'
>;

/** The six best-ranked active products with a sellable edition matching `text`. */
export function rankedSuggestions(db: Executor, text: TextQuery): Promise<SuggestedProduct[]> {
  return queryRows<SuggestedProduct>(
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
  );
}

/**
 * For each word, itself when it is a known term (an index lookup; most words are), else the closest
 * known term by trigram similarity (ties by frequency), or null when none is close.
 */
export function closestTerms(db: Executor, words: string[]): Promise<{ word: string; best: string | null }[]> {
  const t = searchTerms;
  return queryRows<{ word: string; best: string | null }>(
    db,
    sql`select w.word, coalesce(
          (select ${t.term} from ${t} where ${t.term} = w.word),
          (select ${t.term} from ${t} where ${t.term} % w.word
            order by similarity(${t.term}, w.word) desc, ${t.frequency} desc, ${t.term} limit 1)) as best
        from (values ${sql.join(
          words.map((word) => sql`(${word})`),
          sql`, `,
        )}) as w(word)`,
  );
}
