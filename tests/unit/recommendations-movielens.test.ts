import { describe, expect, it } from 'vitest';
import {
  movieFeatures,
  parseMoviesDat,
  parseRatingsDat,
  parseUData,
  parseUItem,
  positiveInteractions,
} from '@/lib/recommendations';

// Hand-made lines in the MovieLens layouts (not MovieLens data).
const flags = (set: number[]) => Array.from({ length: 19 }, (_, g) => (set.includes(g) ? 1 : 0)).join('|');

describe('MovieLens 100K format', () => {
  it('parses u.data', () => {
    expect(parseUData('7\t12\t4\t881250949\n8\t13\t2\t881250950\n\n')).toEqual([
      { user: 7, item: 12, rating: 4, time: 881250949 },
      { user: 8, item: 13, rating: 2, time: 881250950 },
    ]);
  });

  it('parses u.item: title without year, year from the release date, genres from the flags', () => {
    const text =
      `12|Some Film (1995)|01-Jan-1995||http://example.test/12|${flags([1, 5])}\n` +
      `13|Other Film, The (1977)|||http://example.test/13|${flags([8])}\n` +
      `14|unknown||||${flags([0])}\r\n`;
    expect(parseUItem(text)).toEqual([
      { item: 12, title: 'Some Film', year: 1995, genres: ['Action', 'Comedy'] },
      { item: 13, title: 'Other Film, The', year: 1977, genres: ['Drama'] },
      { item: 14, title: 'unknown', year: undefined, genres: [] },
    ]);
  });

  it('rejects a malformed line', () => {
    expect(() => parseUData('1\t2\t3')).toThrow(/malformed/);
    expect(() => parseUItem('1|x|')).toThrow(/malformed/);
  });
});

describe('MovieLens 1M format', () => {
  it('parses ratings.dat', () => {
    expect(parseRatingsDat('1::1193::5::978300760\n2::661::3::978302109\n')).toEqual([
      { user: 1, item: 1193, rating: 5, time: 978300760 },
      { user: 2, item: 661, rating: 3, time: 978302109 },
    ]);
  });

  it('parses movies.dat', () => {
    expect(
      parseMoviesDat("1::A Story (1995)::Animation|Children's|Comedy\n2::No Genre (2001)::(no genres listed)\n"),
    ).toEqual([
      { item: 1, title: 'A Story', year: 1995, genres: ['Animation', "Children's", 'Comedy'] },
      { item: 2, title: 'No Genre', year: 2001, genres: [] },
    ]);
  });
});

describe('from ratings to model inputs', () => {
  it('keeps ratings of 4 and more as positive interactions of weight 1', () => {
    const ratings = parseUData('1\t1\t5\t100\n1\t2\t3\t101\n2\t1\t4\t102\n');
    expect(positiveInteractions(ratings)).toEqual([
      { user: 1, item: 1, weight: 1, time: 100 },
      { user: 2, item: 1, weight: 1, time: 102 },
    ]);
  });

  it('turns a movie into genre and decade tokens and title text', () => {
    expect(movieFeatures({ item: 3, title: 'Film Noir Night', year: 1958, genres: ['Film-Noir', 'Sci-Fi'] })).toEqual({
      item: 3,
      tokens: ['genre:film-noir', 'genre:sci-fi', 'decade:1950'],
      text: 'Film Noir Night',
    });
  });
});
