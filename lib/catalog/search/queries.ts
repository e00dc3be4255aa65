import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { like, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { textQuery } from '@/lib/catalog/listing-sql';
import { people } from '@/lib/catalog/schema';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import { cleanQuery, foldText, hasCjk } from './normalize';
import { closestTerms, rankedSuggestions, type SuggestedProduct } from './ranking-sql';

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
  const rows = await closestTerms(db, candidates);
  const replacement = new Map(
    rows.flatMap(({ word, best }) => (best !== null && best !== word ? [[word, best] as const] : [])),
  );
  const correctedWords = words.map((word) => replacement.get(word) ?? word);
  const changed = replacement.size > 0;
  return changed ? correctedWords.join(' ') : null;
}

export type Suggestions = {
  products: SuggestedProduct[];
  people: Awaited<ReturnType<typeof searchPeopleRows>>;
};

/** Search-as-you-type: a few products and people for a partial query. */
export async function getSuggestions(query: string): Promise<Suggestions> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);

  const text = textQuery(cleanQuery(query));
  if (!text) return { products: [], people: [] };
  const db = await getDb();
  const [products, people] = await Promise.all([rankedSuggestions(db, text), searchPeopleRows(text.folded, 3)]);
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
  const lowerName = sql`lower(${people.name})`;
  return db
    .select({ slug: people.slug, name: people.name, originalName: people.originalName })
    .from(people)
    .where(or(like(lowerName, pattern), like(people.originalName, pattern), sql`${folded} <% ${lowerName}`))
    .orderBy(sql`${lowerName} like ${pattern} desc`, sql`word_similarity(${folded}, ${lowerName}) desc`, people.name)
    .limit(limit);
}
