import type { Interaction, ItemFeatures } from './types';

/**
 * Parsers for the MovieLens file formats, from strings (the caller reads the files; MovieLens
 * files are Latin-1). Two layouts are supported:
 * - ML-100K: `u.data` (`user<TAB>item<TAB>rating<TAB>timestamp`) and `u.item`
 *   (`id|title|release date|video release date|IMDb URL|19 genre flags`);
 * - ML-1M / ML-10M: `ratings.dat` (`user::item::rating::timestamp`) and `movies.dat`
 *   (`id::Title (Year)::Genre|Genre`).
 */

export interface Rating {
  user: number;
  item: number;
  rating: number;
  /** Epoch seconds. */
  time: number;
}

export interface Movie {
  item: number;
  title: string;
  year?: number;
  genres: string[];
}

/** Genre columns of `u.item`, in file order (as listed in `u.genre`). */
export const ML100K_GENRES = [
  'unknown',
  'Action',
  'Adventure',
  'Animation',
  "Children's",
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

/** Parses `u.data`. */
export function parseUData(text: string): Rating[] {
  return parseRatings(text, /\t/);
}

/** Parses `ratings.dat`. */
export function parseRatingsDat(text: string): Rating[] {
  return parseRatings(text, /::/);
}

/** Parses `u.item`; the year comes from the release date, else from the title. */
export function parseUItem(text: string): Movie[] {
  const movies: Movie[] = [];
  for (const line of lines(text)) {
    const f = line.split('|');
    if (f.length < 5 + ML100K_GENRES.length) throw new Error(`u.item: malformed line "${line}"`);
    // The length check above guarantees the leading fields.
    const [id = '', title = '', released = ''] = f;
    const flags = f.slice(f.length - ML100K_GENRES.length);
    const genres = ML100K_GENRES.filter((_, g) => flags[g] === '1' && g > 0);
    const dateYear = /(\d{4})\s*$/.exec(released)?.[1];
    movies.push({
      item: toInt(id, line),
      title: stripYear(title),
      year: dateYear ? Number(dateYear) : titleYear(title),
      genres: [...genres],
    });
  }
  return movies;
}

/** Parses `movies.dat`. */
export function parseMoviesDat(text: string): Movie[] {
  const movies: Movie[] = [];
  for (const line of lines(text)) {
    const f = line.split('::');
    if (f.length < 3) throw new Error(`movies.dat: malformed line "${line}"`);
    const [id = '', title = '', genres = ''] = f;
    movies.push({
      item: toInt(id, line),
      title: stripYear(title),
      year: titleYear(title),
      genres: genres === '(no genres listed)' ? [] : genres.split('|').filter(Boolean),
    });
  }
  return movies;
}

/** Ratings of at least `minRating` stars as positive interactions of weight 1. */
export function positiveInteractions(ratings: readonly Rating[], minRating = 4): Interaction[] {
  return ratings
    .filter((r) => r.rating >= minRating)
    .map((r) => ({ user: r.user, item: r.item, weight: 1, time: r.time }));
}

/** Content features of a movie: `genre:<slug>` and `decade:<yyyy0>` tokens, title words as text. */
export function movieFeatures(movie: Movie): ItemFeatures {
  const tokens = movie.genres.map((g) => `genre:${g.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  if (movie.year) tokens.push(`decade:${Math.floor(movie.year / 10) * 10}`);
  return { item: movie.item, tokens, text: movie.title };
}

function parseRatings(text: string, separator: RegExp): Rating[] {
  const ratings: Rating[] = [];
  for (const line of lines(text)) {
    const f = line.split(separator);
    if (f.length < 4) throw new Error(`ratings: malformed line "${line}"`);
    const [user = '', item = '', rating = '', time = ''] = f;
    ratings.push({
      user: toInt(user, line),
      item: toInt(item, line),
      rating: Number(rating),
      time: toInt(time, line),
    });
  }
  return ratings;
}

function* lines(text: string): Generator<string> {
  for (const raw of text.split(/\r?\n/)) if (raw.trim()) yield raw;
}

function toInt(field: string, line: string): number {
  const n = Number(field.trim());
  if (!Number.isInteger(n)) throw new Error(`MovieLens: "${field}" is not an integer in "${line}"`);
  return n;
}

function titleYear(title: string): number | undefined {
  const m = /\((\d{4})\)\s*$/.exec(title);
  return m ? Number(m[1]) : undefined;
}

function stripYear(title: string): string {
  return title.replace(/\s*\(\d{4}\)\s*$/, '').trim();
}
