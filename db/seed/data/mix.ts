/**
 * The proportions of the demo catalog: how genres and decades are weighted per kind, which age
 * ratings suit which genre, how often albums are explicit, and the language pools of video
 * editions. Weights are relative (they need not sum to 100).
 */

/** Decades of release for albums and films (series and games have their own, later-leaning mix). */
export const DECADE_WEIGHTS = { 1960: 10, 1970: 13, 1980: 15, 1990: 17, 2000: 17, 2010: 17, 2020: 11 } as const;

/** Westerns had their heyday in the 1960s and 1970s. */
export const WESTERN_DECADE_WEIGHTS = { 1960: 30, 1970: 25, 1980: 10, 1990: 10, 2000: 8, 2010: 10, 2020: 7 } as const;

/** TV box sets are mostly from the DVD era onwards. */
export const SERIES_DECADE_WEIGHTS = { 1960: 3, 1970: 5, 1980: 7, 1990: 12, 2000: 18, 2010: 25, 2020: 18 } as const;

/** Video games start in the 1980s (older ones reach the shop as remasters and collections). */
export const GAME_DECADE_WEIGHTS = { 1980: 4, 1990: 10, 2000: 14, 2010: 20, 2020: 12 } as const;

/** The earliest year an artist of a genre starts releasing albums (no heavy metal in 1961). */
export const GENRE_FIRST_YEAR: Readonly<Record<string, number>> = {
  metal: 1970,
  'hip-hop': 1980,
  electronic: 1972,
  ambient: 1975,
  reggae: 1968,
};

export const MUSIC_GENRE_WEIGHTS = {
  rock: 20,
  pop: 14,
  jazz: 12,
  electronic: 10,
  'soul-rnb': 9,
  folk: 8,
  'hip-hop': 8,
  metal: 6,
  blues: 5,
  country: 6,
  reggae: 3,
  ambient: 4,
  world: 3,
} as const;

export const FILM_GENRE_WEIGHTS = {
  drama: 20,
  comedy: 12,
  thriller: 12,
  'science-fiction': 10,
  horror: 8,
  animation: 5,
  documentary: 5,
  romance: 8,
  action: 9,
  crime: 8,
  fantasy: 6,
  western: 5,
  'martial-arts': 2,
} as const;

export const SERIES_GENRE_WEIGHTS = {
  drama: 14,
  comedy: 10,
  thriller: 8,
  crime: 9,
  'science-fiction': 6,
  fantasy: 4,
  documentary: 3,
  animation: 2,
  romance: 3,
  horror: 2,
} as const;

export const GAME_GENRE_WEIGHTS = {
  rpg: 10,
  'action-adventure': 10,
  platformer: 7,
  strategy: 6,
  puzzle: 5,
  racing: 5,
  sports: 5,
  shooter: 7,
  simulation: 5,
  fighting: 4,
} as const;

export const FILM_RATINGS: Readonly<Record<string, readonly string[]>> = {
  animation: ['G', 'PG'],
  documentary: ['G', 'PG', 'PG-13'],
  comedy: ['PG', 'PG-13', 'R'],
  drama: ['PG', 'PG-13', 'R'],
  thriller: ['PG-13', 'R'],
  'science-fiction': ['PG', 'PG-13', 'R'],
  horror: ['R', 'R', 'PG-13'],
  romance: ['PG', 'PG-13'],
  action: ['PG-13', 'R'],
  crime: ['R', 'PG-13'],
  fantasy: ['PG', 'PG-13'],
  western: ['PG', 'PG-13', 'R'],
  'martial-arts': ['PG-13', 'R'],
  anime: ['G', 'PG', 'PG-13'],
};

export const SERIES_RATINGS: Readonly<Record<string, readonly string[]>> = {
  animation: ['TV-G', 'TV-PG'],
  anime: ['TV-PG', 'TV-14'],
  documentary: ['TV-G', 'TV-PG'],
  comedy: ['TV-PG', 'TV-14'],
  romance: ['TV-PG', 'TV-14'],
  drama: ['TV-14', 'TV-MA'],
  thriller: ['TV-14', 'TV-MA'],
  crime: ['TV-14', 'TV-MA'],
  horror: ['TV-MA'],
  'science-fiction': ['TV-14', 'TV-MA'],
  fantasy: ['TV-14'],
  'martial-arts': ['TV-14'],
};

export const GAME_RATINGS: Readonly<Record<string, readonly string[]>> = {
  platformer: ['PEGI 3', 'PEGI 7', 'ESRB E'],
  puzzle: ['PEGI 3', 'ESRB E'],
  racing: ['PEGI 3', 'PEGI 7', 'ESRB E'],
  sports: ['PEGI 3', 'ESRB E'],
  simulation: ['PEGI 3', 'PEGI 7', 'ESRB E', 'ESRB E10+'],
  rpg: ['PEGI 12', 'PEGI 16', 'ESRB T'],
  strategy: ['PEGI 7', 'PEGI 12', 'ESRB E10+', 'ESRB T'],
  'action-adventure': ['PEGI 12', 'PEGI 16', 'ESRB T'],
  shooter: ['PEGI 16', 'PEGI 18', 'ESRB M'],
  fighting: ['PEGI 12', 'PEGI 16', 'ESRB T'],
};

export const EXPLICIT_CHANCE: Readonly<Record<string, number>> = {
  'hip-hop': 0.6,
  metal: 0.3,
  rock: 0.15,
  electronic: 0.08,
};

export const EUROPEAN_DUBS = ['fr', 'de', 'es', 'it'];
export const SUBTITLE_POOL = ['fr', 'de', 'es', 'it', 'nl', 'sv', 'pt', 'zh', 'ja', 'ko'];
