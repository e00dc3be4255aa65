import type { ItemFeatures } from './types';

/** What the rebuild reads about one product to compare it with others by content. */
export interface ProductFeatureRow {
  id: number;
  kind: string;
  decade: number | null;
  label: string | null;
  title: string;
  description: string | null;
  /** Genre slugs. */
  genres: readonly string[];
  /** Ids of the people credited (artist, director, developer, composer, leading cast…). */
  people: readonly number[];
  /** Edition formats on sale (`vinyl`, `blu_ray`…). */
  formats: readonly string[];
}

/**
 * Extra weight of each kind of feature token in the content model (TF-IDF is applied on top):
 * sharing a person or a genre says more about taste than sharing a format or a decade.
 */
export const FEATURE_WEIGHTS: Readonly<Record<string, number>> = {
  person: 2,
  genre: 1.5,
  label: 1,
  decade: 0.75,
  kind: 0.5,
  format: 0.25,
};

/**
 * The content features of a product: `kind:album`, `genre:jazz`, `person:12`, `label:blue-note`,
 * `decade:1960`, `format:vinyl`, plus its title and (unless `withDescription` is false) the start
 * of its description as text. Large catalogs leave descriptions out: their common words triple
 * the size of every vector and the cost of the rebuild, for little gain over the structured features.
 */
export function productFeatures(row: ProductFeatureRow, withDescription = true): ItemFeatures {
  const tokens = [`kind:${row.kind}`];
  for (const genre of row.genres) tokens.push(`genre:${genre}`);
  for (const person of row.people) tokens.push(`person:${person}`);
  if (row.label) tokens.push(`label:${row.label.trim().toLowerCase()}`);
  if (row.decade != null) tokens.push(`decade:${row.decade}`);
  for (const format of row.formats) tokens.push(`format:${format}`);
  const text = withDescription && row.description ? `${row.title} ${row.description.slice(0, 400)}` : row.title;
  return { item: row.id, tokens, text };
}
