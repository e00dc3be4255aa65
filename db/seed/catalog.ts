/**
 * The demo catalog generator: a pure, deterministic function from `today` to plain objects
 * (genres, people, products with their editions, tracks, credits, media and stock ledger). No
 * database access here, so the whole catalog can be checked by unit tests; db/seed/insert.ts
 * writes it.
 *
 * Determinism: every random choice comes from a seeded Rng (db/seed/random.ts), with independent
 * streams per concern so that changing, say, the games leaves the albums as they were. Only the
 * dates that must be relative to `today` (pre-orders, the sales history, rights windows, when a
 * product was added to the store) depend on it.
 */
import { must } from '@/lib/must';
import { coverAspect } from '@/lib/catalog/cover-art';
import type { creditRole, editionFormat, productKind, publicationStatus } from '@/lib/catalog/schema';
import type { EditionView } from '@/lib/catalog/types';
import { ANCHOR_PEOPLE, ANCHOR_PRODUCTS, type AnchorProduct } from './data/anchors';
import { CJK_TITLES, type CjkLanguage, type CjkTitleSpec } from './data/cjk-titles';
import { CLASSICAL_COMPOSERS, CLASSICAL_ENSEMBLES, CLASSICAL_WORKS, type ClassicalWork } from './data/classical';
import {
  CJK_LABELS,
  CJK_STUDIOS,
  type Company,
  FILM_STUDIOS,
  GAME_DEVELOPERS,
  GAME_PUBLISHERS,
  RECORD_LABELS,
} from './data/companies';
import {
  ALBUM_CLOSERS,
  ALBUM_GENRE_LINES,
  ALBUM_OPENERS,
  FILM_MIDDLES,
  GAME_CLOSERS,
  GAME_MIDDLES,
  GAME_PREMISES,
  SCREEN_CLOSERS,
  SCREEN_CLOSERS_CLASSIC,
  SCREEN_LOGLINES,
  SERIES_CLOSERS,
  SERIES_MIDDLES,
} from './data/descriptions';
import { FORMAT_DEMAND, FORMAT_INTRODUCED, SKU_SUFFIX } from './data/formats';
import { GENRE_NEIGHBOURS, GENRES } from './data/genres';
import {
  DECADE_WEIGHTS,
  EUROPEAN_DUBS,
  EXPLICIT_CHANCE,
  FILM_GENRE_WEIGHTS,
  FILM_RATINGS,
  GAME_DECADE_WEIGHTS,
  GAME_GENRE_WEIGHTS,
  GAME_RATINGS,
  GENRE_FIRST_YEAR,
  MUSIC_GENRE_WEIGHTS,
  SERIES_DECADE_WEIGHTS,
  SERIES_GENRE_WEIGHTS,
  SERIES_RATINGS,
  SUBTITLE_POOL,
  WESTERN_DECADE_WEIGHTS,
} from './data/mix';
import {
  BAND_ADJECTIVES,
  BAND_NOUNS,
  CHARACTER_TITLES,
  CHINESE_GIVEN_NAMES,
  CHINESE_SURNAMES,
  CJK_ACTS,
  JAPANESE_FAMILY_NAMES,
  JAPANESE_GIVEN_NAMES,
  KOREAN_FAMILY_NAMES,
  KOREAN_GIVEN_NAMES,
  NATIONALITIES,
  WESTERN_FIRST_NAMES,
  WESTERN_LAST_NAMES,
} from './data/names';
import {
  ALBUM_TITLES,
  CJK_EPISODE_TITLES,
  CJK_TRACK_TITLES,
  EPISODE_TITLES,
  GAME_TITLES,
  SCREEN_TITLES,
  type TitleBank,
  TRACK_ADJECTIVES,
  TRACK_NOUNS,
  TRACK_PHRASES,
} from './data/titles';
import { type Rng, rngFor } from './random';

// =============================================================================================
// Output types: one plain object per row, children nested, references by slug.

export type ProductKind = (typeof productKind.enumValues)[number];
export type EditionFormat = (typeof editionFormat.enumValues)[number];
export type CreditRole = (typeof creditRole.enumValues)[number];
export type PublicationStatus = (typeof publicationStatus.enumValues)[number];

export type SeedGenre = { slug: string; name: string; nameZh: string };

export type SeedPerson = { slug: string; name: string; originalName: string | null; bio: string | null };

export type SeedStockMovement = {
  delta: number;
  reason: 'initial' | 'restock' | 'order';
  note: string;
  createdAt: Date;
};

/** An edition as the seed writes it: what the store reads back (EditionView) but the id and the derived preorder flag. */
export type SeedEdition = Omit<EditionView, 'id' | 'preorder' | 'availableUntil'> & {
  status: PublicationStatus;
  availableFrom: Date | null;
  availableUntil: Date | null;
  createdAt: Date;
  /** Ledger rows whose deltas sum to `stock`; empty for digital editions. */
  ledger: SeedStockMovement[];
};

export type SeedTrack = {
  sortOrder: number;
  position: string;
  discNumber: number;
  title: string;
  durationSeconds: number;
  previewUrl: string | null;
};

export type SeedCredit = { personSlug: string; role: CreditRole; character: string | null; sortOrder: number };

export type SeedMedia = {
  kind: 'cover' | 'gallery' | 'trailer';
  url: string;
  alt: string;
  width: number;
  height: number;
  sortOrder: number;
};

export type SeedProduct = {
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle: string | null;
  description: string;
  releaseDate: string;
  ageRating: string | null;
  label: string | null;
  status: PublicationStatus;
  createdAt: Date;
  genres: string[];
  editions: SeedEdition[];
  tracks: SeedTrack[];
  credits: SeedCredit[];
  media: SeedMedia[];
};

export type Catalog = { genres: SeedGenre[]; people: SeedPerson[]; products: SeedProduct[] };

export type CatalogOptions = { today: Date; extraProducts?: number };

// =============================================================================================
// Pure helpers (exported where tests need them).

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Length of the demo sales history. */
const SALES_WINDOW_DAYS = 120;

const TRANSLITERATE: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  '&': ' and ',
};

/** Kebab-case ASCII slug: accents folded, apostrophes dropped ("The Cartographer's" → "the-cartographers"). */
/** An edition's format-specific details (disc, vinyl, video, game), none given; the seed and tests start from it. */
export function noEditionDetails() {
  return {
    catalogNumber: null,
    discCount: null,
    packaging: null,
    vinylWeightGrams: null,
    vinylSpeedRpm: null,
    vinylColour: null,
    regionCode: null,
    audioLanguages: [] as string[],
    subtitleLanguages: [] as string[],
    platform: null,
  };
}

/**
 * Rentals are physical copies (lib/rentals): the rental offer drawn for a film or series (drawn on
 * its digital edition, so that the random sequence — and with it the whole catalog — stays the
 * same) goes to its first physical disc edition; without one, the title is not rentable.
 */
export function rentPhysicalDisc<E extends { digital: boolean; rentable: boolean; rentalPriceMinor: number | null }>(
  editions: E[],
): E[] {
  const offer = editions.find((edition) => edition.rentable && edition.digital);
  if (!offer) return editions;
  const disc = editions.find((edition) => !edition.digital);
  return editions.map((edition) =>
    edition === disc
      ? { ...edition, rentable: true, rentalPriceMinor: offer.rentalPriceMinor }
      : edition.digital
        ? { ...edition, rentable: false, rentalPriceMinor: null }
        : edition,
  );
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæœßđłþð&]/g, (c) => TRANSLITERATE[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The EAN-13 check digit of the first 12 digits (weights 1 and 3 from the left). */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Fills {placeholders}; callers pass only templates whose placeholders are all known. */
function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');
}

function usable(templates: readonly string[], vars: Readonly<Record<string, string>>): string[] {
  return templates.filter((t) =>
    Array.from(t.matchAll(/\{(\w+)\}/g)).every(([, key]) => key !== undefined && vars[key] !== undefined),
  );
}

/** A price in cents within [min, max], ending in .99 most of the time (else .49). */
function price(rng: Rng, min: number, max: number): number {
  const ending = rng.chance(0.85) ? 99 : 49;
  const lo = Math.ceil((min - ending) / 100);
  const hi = Math.floor((max - ending) / 100);
  if (hi < lo) return Math.round((min + max) / 2);
  return rng.int(lo, hi) * 100 + ending;
}

function weightedTable<T extends string>(table: Readonly<Record<T, number>>): [T, number][] {
  return Object.entries(table) as [T, number][];
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** Small numbers as words, as house style for prose ("eight episodes"); larger ones as digits. */
function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

const ORDINALS = ['debut', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

// =============================================================================================
// Uniqueness and identifiers

class UniqueNames {
  private readonly used = new Set<string>();

  has(value: string): boolean {
    return this.used.has(value);
  }

  /** The first unused candidate; past those, the first candidate with -2, -3… appended. */
  claim(candidates: readonly string[]): string {
    for (const candidate of candidates) {
      if (candidate && !this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    const base = candidates.find(Boolean) ?? 'item';
    for (let n = 2; ; n++) {
      const candidate = `${base}-${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}

/**
 * Unique, valid EAN-13 barcodes. The body is a counter multiplied by a number coprime with 10^11,
 * which is a bijection modulo 10^11: barcodes look scattered but can never repeat.
 */
class BarcodeSequence {
  private counter = 0;

  next(kind: ProductKind): string {
    this.counter += 1;
    const prefix = kind === 'album' ? '0' : kind === 'game' ? '7' : '5';
    const body = ((this.counter * 7919 + 4_711_000) % 100_000_000_000).toString().padStart(11, '0');
    const first12 = prefix + body;
    return first12 + ean13CheckDigit(first12);
  }
}

// =============================================================================================
// People

type Region = 'west' | CjkLanguage;

/** What a film or a series is made from: its title, genres, year, region and studio. */
type ScreenTitle = {
  title: string;
  originalTitle: string | null;
  genre: string;
  genres: string[];
  year: number;
  region: Region;
  studio: Company;
  preorder: boolean;
};

/** A person available for credits, active over a span of years (so casts are plausible for the era). */
type Talent = { slug: string; region: Region; from: number; to: number; weight: number };

type Artist = {
  slug: string;
  region: Region;
  genre: string;
  label: Company;
  years: number[];
};

class PeopleBook {
  readonly people: SeedPerson[] = [];
  private readonly slugs = new UniqueNames();
  private readonly byName = new Map<string, SeedPerson>();
  private readonly bySlug = new Map<string, SeedPerson>();

  add(name: string, originalName: string | null = null, bio: string | null = null): string {
    const existing = this.byName.get(name);
    if (existing) return existing.slug;
    const person: SeedPerson = { slug: this.slugs.claim([slugify(name)]), name, originalName, bio };
    this.people.push(person);
    this.byName.set(name, person);
    this.bySlug.set(person.slug, person);
    return person.slug;
  }

  nameOf(slug: string): string {
    return this.bySlug.get(slug)?.name ?? slug;
  }

  slugOf(name: string): string {
    const person = this.byName.get(name);
    if (!person) throw new Error(`Unknown person in the demo seed: ${name}`);
    return person.slug;
  }

  taken(name: string): boolean {
    return this.byName.has(name);
  }

  westernName(rng: Rng): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = `${rng.pick(WESTERN_FIRST_NAMES)} ${rng.pick(WESTERN_LAST_NAMES)}`;
      if (!this.taken(name)) return name;
    }
    throw new Error('Ran out of demo names');
  }

  cjkName(rng: Rng, language: CjkLanguage): [string, string] {
    for (let attempt = 0; attempt < 200; attempt++) {
      let name: [string, string];
      if (language === 'zh') {
        const [sur, surZh] = rng.pick(CHINESE_SURNAMES);
        const [given, givenZh] = rng.pick(CHINESE_GIVEN_NAMES);
        name = [`${sur} ${given}`, `${surZh}${givenZh}`];
      } else if (language === 'ja') {
        const [family, familyJa] = rng.pick(JAPANESE_FAMILY_NAMES);
        const [given, givenJa] = rng.pick(JAPANESE_GIVEN_NAMES);
        name = [`${given} ${family}`, `${familyJa}${givenJa}`];
      } else {
        const [family, familyKo] = rng.pick(KOREAN_FAMILY_NAMES);
        const [given, givenKo] = rng.pick(KOREAN_GIVEN_NAMES);
        name = [`${family} ${given}`, `${familyKo}${givenKo}`];
      }
      if (!this.taken(name[0])) return name;
    }
    throw new Error('Ran out of demo CJK names');
  }
}

const CJK_NATIONALITY: Readonly<Record<CjkLanguage, string>> = { zh: 'Chinese', ja: 'Japanese', ko: 'South Korean' };

/** How a genre reads inside a sentence ("a British soul singer"). */
function genreWord(slug: string): string {
  const special: Record<string, string> = {
    'soul-rnb': 'soul',
    'hip-hop': 'hip-hop',
    'c-pop': 'Mandopop',
    'j-pop': 'J-pop',
    'k-pop': 'K-pop',
    'city-pop': 'city pop',
  };
  return special[slug] ?? GENRES.find((g) => g.slug === slug)?.name.toLowerCase() ?? slug;
}

function musicianWord(genre: string): string {
  const words: Record<string, string> = {
    jazz: 'saxophonist and bandleader',
    'hip-hop': 'rapper',
    electronic: 'producer',
    blues: 'guitarist and singer',
    classical: 'pianist',
    ambient: 'composer',
  };
  return words[genre] ?? 'singer-songwriter';
}

/** Picks a person active in `year` (falling back to anyone from the region), favouring prolific people. */
function pickTalent(
  rng: Rng,
  pool: readonly Talent[],
  region: Region,
  year: number,
  exclude: ReadonlySet<string>,
): string {
  const candidates = pool.filter((t) => t.region === region && !exclude.has(t.slug));
  const active = candidates.filter((t) => t.from <= year && year <= t.to);
  const list = active.length > 0 ? active : candidates;
  if (list.length === 0) throw new Error(`No demo talent for ${region} in ${year}`);
  return rng.weighted(list.map((t) => [t.slug, t.weight] as const));
}

// =============================================================================================
// Formats, editions and the stock ledger

const DIGITAL_FORMATS: ReadonlySet<EditionFormat> = new Set<EditionFormat>([
  'digital_audio',
  'digital_video',
  'game_digital',
]);

export function isDigitalFormat(format: EditionFormat): boolean {
  return DIGITAL_FORMATS.has(format);
}

type EditionDraft = Partial<Omit<SeedEdition, 'format' | 'priceMinor'>> & {
  format: EditionFormat;
  priceMinor: number;
  /** SKU suffix; defaults to the format's. */
  suffix?: string;
};

type DemoSalesOptions = {
  stock: number;
  popularity: number;
  demand: number;
  openedAt: number;
  salesFrom: number;
  salesTo: number;
};

/**
 * A believable ledger for one physical edition: opening stock, then sales (one row per order,
 * mostly single units), sometimes a restock. The deltas sum to `stock` and the running total never
 * drops below zero; an edition that is sold out has sold at least once.
 */
export function buildDemoLedger(rng: Rng, o: DemoSalesOptions): SeedStockMovement[] {
  const canSell = o.salesTo - o.salesFrom > HOUR_MS;
  let count = canSell ? Math.floor(o.popularity * 28 * o.demand) + rng.int(0, 2) : 0;
  if (o.stock === 0 && count === 0) count = 1;
  const sales = Array.from({ length: count }, () => ({
    at: Math.floor(o.salesFrom + rng.next() * Math.max(HOUR_MS, o.salesTo - o.salesFrom)),
    quantity: rng.weighted([
      [1, 85],
      [2, 12],
      [3, 3],
    ] as const),
  })).sort((a, b) => a.at - b.at);
  const sold = sales.reduce((sum, s) => sum + s.quantity, 0);

  // A restock after the k-th sale may bring in at most what is still needed to end at `stock`.
  let restock: { at: number; quantity: number } | null = null;
  if (sales.length >= 4 && rng.chance(0.25)) {
    const k = rng.int(1, sales.length - 1);
    const soldAfter = sales.slice(k).reduce((sum, s) => sum + s.quantity, 0);
    const max = o.stock + soldAfter;
    if (max >= 2) {
      restock = {
        at: Math.floor((must(sales[k - 1], 'sale before the restock').at + must(sales[k], 'sale after it').at) / 2),
        quantity: rng.int(Math.ceil(max / 2), max),
      };
    }
  }
  const opening = o.stock + sold - (restock?.quantity ?? 0);
  const rows: SeedStockMovement[] = [
    { delta: opening, reason: 'initial', note: 'demo opening stock', createdAt: new Date(o.openedAt) },
  ];
  const events: SeedStockMovement[] = sales.map((s) => ({
    delta: -s.quantity,
    reason: 'order' as const,
    note: 'demo sales history',
    createdAt: new Date(s.at),
  }));
  if (restock) {
    events.push({ delta: restock.quantity, reason: 'restock', note: 'demo restock', createdAt: new Date(restock.at) });
  }
  // Stable order: by time, a restock before a sale at the same instant.
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || b.delta - a.delta);
  return rows.concat(events);
}

// =============================================================================================
// Tracks and episodes

function trackTitle(rng: Rng, used: Set<string>): string {
  for (let attempt = 0; attempt < 30; attempt++) {
    const pattern = rng.int(0, 9);
    let title: string;
    if (pattern < 4) title = rng.pick(TRACK_PHRASES);
    else if (pattern < 7) title = `${rng.pick(TRACK_ADJECTIVES)} ${rng.pick(TRACK_NOUNS)}`;
    else if (pattern < 8) title = `The ${rng.pick(TRACK_NOUNS)}`;
    else if (pattern < 9) title = rng.pick(TRACK_NOUNS);
    else title = `${rng.pick(TRACK_NOUNS)} ${rng.pick(TRACK_NOUNS)}`;
    if (!used.has(title)) {
      used.add(title);
      return title;
    }
  }
  const fallback = `${rng.pick(TRACK_ADJECTIVES)} ${rng.pick(TRACK_NOUNS)} (Part ${used.size + 1})`;
  used.add(fallback);
  return fallback;
}

type TracklistOptions = {
  slug: string;
  titles: readonly string[];
  durations: readonly number[];
  /** 'sides' prints A1…B5 (LP era), 'numbers' 1…n, 'discs' 1-01…2-07 for double albums. */
  positions: 'sides' | 'numbers' | 'discs';
  previews: number;
};

/** The titles of a genre, or the first bank for a genre without its own. */
function bankFor(banks: Readonly<Record<string, TitleBank>>, genre: string): TitleBank {
  return must(banks[genre] ?? Object.values(banks)[0], `title bank for ${genre}`);
}

function tracklist(o: TracklistOptions): SeedTrack[] {
  const count = o.titles.length;
  const perDisc = Math.ceil(count / 2);
  return o.titles.map((title, i) => {
    const sortOrder = i + 1;
    let position = String(sortOrder);
    let discNumber = 1;
    if (o.positions === 'sides') position = i < perDisc ? `A${i + 1}` : `B${i - perDisc + 1}`;
    if (o.positions === 'discs') {
      discNumber = i < perDisc ? 1 : 2;
      position = `${discNumber}-${String(i < perDisc ? i + 1 : i - perDisc + 1).padStart(2, '0')}`;
    }
    return {
      sortOrder,
      position,
      discNumber,
      title,
      durationSeconds: must(o.durations[i], `duration of track ${sortOrder}`),
      previewUrl: i < o.previews ? `/previews/${o.slug}/${sortOrder}.wav` : null,
    };
  });
}

function episodes(titles: readonly string[], durations: readonly number[], perSeason: number): SeedTrack[] {
  return titles.map((title, i) => {
    const season = Math.floor(i / perSeason) + 1;
    const episode = (i % perSeason) + 1;
    return {
      sortOrder: i + 1,
      position: `S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`,
      discNumber: 1,
      title,
      durationSeconds: must(durations[i], `duration of episode ${i + 1}`),
      previewUrl: null,
    };
  });
}

// =============================================================================================
// Genres, ratings, languages

function secondaryGenres(rng: Rng, primary: string, allowed: ReadonlySet<string>): string[] {
  const genres = [primary];
  const neighbours = (GENRE_NEIGHBOURS[primary] ?? []).filter((g) => allowed.has(g));
  if (neighbours.length > 0 && rng.chance(0.45)) {
    const [first, second] = rng.shuffle(neighbours);
    if (first !== undefined) genres.push(first);
    if (second !== undefined && rng.chance(0.2)) genres.push(second);
  }
  return genres;
}

const GENRES_BY_KIND: Readonly<Record<ProductKind, ReadonlySet<string>>> = {
  album: new Set(GENRES.filter((g) => g.kinds.includes('album')).map((g) => g.slug)),
  film: new Set(GENRES.filter((g) => g.kinds.includes('film')).map((g) => g.slug)),
  series: new Set(GENRES.filter((g) => g.kinds.includes('series')).map((g) => g.slug)),
  game: new Set(GENRES.filter((g) => g.kinds.includes('game')).map((g) => g.slug)),
};

/** Which genres a product kind may carry (tests use this to check coherence). */
export function genresForKind(kind: ProductKind): ReadonlySet<string> {
  return GENRES_BY_KIND[kind];
}

// =============================================================================================
// Titles

function combineTitle(bank: TitleBank, rng: Rng): string {
  const pattern = rng.int(0, 5);
  const adjective = rng.pick(bank.adjectives);
  const noun = rng.pick(bank.nouns);
  if (pattern <= 2) return `${adjective} ${noun}`;
  if (pattern === 3) return `The ${adjective} ${noun}`;
  if (pattern === 4) return `${noun} of the ${adjective} ${rng.pick(bank.nouns)}`;
  return noun;
}

/** Hands out titles per genre: curated ones first (shuffled), then combinations of the word lists. */
class TitleSource {
  private readonly queues = new Map<string, string[]>();

  constructor(
    private readonly banks: Readonly<Record<string, TitleBank>>,
    private readonly rng: Rng,
    private readonly used: Set<string>,
  ) {}

  next(genre: string): string {
    const bank = bankFor(this.banks, genre);
    let queue = this.queues.get(genre);
    if (!queue) {
      queue = this.rng.shuffle(bank.curated);
      this.queues.set(genre, queue);
    }
    for (let title = queue.shift(); title !== undefined; title = queue.shift()) {
      if (!this.used.has(title)) {
        this.used.add(title);
        return title;
      }
    }
    for (let attempt = 0; attempt < 50; attempt++) {
      const title = combineTitle(bank, this.rng);
      if (!this.used.has(title)) {
        this.used.add(title);
        return title;
      }
    }
    return combineTitle(bank, this.rng);
  }
}

// =============================================================================================
// The generator

type Pools = {
  artists: Artist[];
  cjkArtists: Record<CjkLanguage, string[]>;
  producers: Talent[];
  composers: Talent[];
  directors: Talent[];
  writers: Talent[];
  actors: Talent[];
  classicalComposers: Map<string, string>;
  classicalPerformers: Record<ClassicalWork['performer'], string[]>;
  developers: string[];
  publishers: { slug: string; company: Company }[];
};

/**
 * The anchor films and series share one demo trailer (public/demo/trailer.webm: eight seconds of a
 * moving gradient and a quiet tone, made once with ffmpeg), so the product page's trailer player has
 * something to play without fetching anything.
 */
export const DEMO_TRAILER_URL = '/demo/trailer.webm';

function demoTrailer(product: { title: string }, sortOrder: number): SeedMedia {
  return {
    kind: 'trailer',
    url: DEMO_TRAILER_URL,
    alt: `${product.title} (trailer)`,
    width: 640,
    height: 360,
    sortOrder,
  };
}

type ProductShell = Omit<SeedProduct, 'editions' | 'tracks' | 'credits' | 'media' | 'status' | 'createdAt'> & {
  credits: SeedCredit[];
};

/**
 * Builds the demo catalog. `base()` returns the ~410-product catalog; `extra(n)` then streams n
 * further generated products (for benchmarks) without keeping them in memory, reusing the base
 * catalog's people and genres and keeping slugs, SKUs and barcodes unique.
 */
export class CatalogGenerator {
  private readonly todayMs: number;
  private readonly todayDay: number;
  private readonly currentYear: number;
  private readonly productSlugs = new UniqueNames();
  private readonly skus = new UniqueNames();
  private readonly titles = new Set<string>();
  private readonly barcodes = new BarcodeSequence();
  private readonly book = new PeopleBook();
  private readonly popularity = new Map<string, number>();
  private readonly pools: Pools;
  private baseCatalog: Catalog | null = null;

  constructor(options: { today: Date }) {
    this.todayMs = options.today.getTime();
    if (!Number.isFinite(this.todayMs)) throw new RangeError('generateCatalog: today is not a valid date');
    this.todayDay = startOfUtcDay(this.todayMs);
    this.currentYear = new Date(this.todayDay).getUTCFullYear();
    for (const person of ANCHOR_PEOPLE) this.book.add(person.name, person.originalName ?? null, person.bio ?? null);
    this.pools = this.buildPools(rngFor('people'));
  }

  base(): Catalog {
    if (this.baseCatalog) return this.baseCatalog;
    const products: SeedProduct[] = [];
    for (const anchor of ANCHOR_PRODUCTS) {
      this.productSlugs.claim([anchor.slug]);
      this.titles.add(anchor.title);
    }
    for (const anchor of ANCHOR_PRODUCTS) products.push(this.anchorProduct(anchor));

    const films = this.films(rngFor('films'));
    products.push(...this.albums(rngFor('albums')));
    products.push(...this.classicalAlbums(rngFor('classical')));
    products.push(...this.soundtracks(rngFor('soundtracks'), films));
    products.push(...films);
    products.push(...this.series(rngFor('series')));
    products.push(...this.games(rngFor('games')));
    products.push(...this.cjkProducts(rngFor('cjk')));

    this.applyStatusMix(rngFor('status'), products);
    for (const product of products) this.finishProduct(product, rngFor(`finish:${product.slug}`), true);

    // Only people with at least one credit are part of the catalog (people pages are never empty).
    const credited = new Set(products.flatMap((p) => p.credits.map((c) => c.personSlug)));
    const people = this.book.people.filter((p) => credited.has(p.slug));
    this.restrictPools(credited);

    this.baseCatalog = {
      genres: GENRES.map((g) => ({ slug: g.slug, name: g.name, nameZh: g.nameZh })),
      people,
      products,
    };
    return this.baseCatalog;
  }

  // -------------------------------------------------------------------------------------------
  // People pools

  private buildPools(rng: Rng): Pools {
    const talent = (
      name: string,
      original: string | null,
      bio: string | null,
      region: Region,
      from: number,
    ): Talent => ({
      slug: this.book.add(name, original, bio),
      region,
      from,
      to: from + rng.int(18, 45),
      weight: rng.weighted([
        [1, 55],
        [2, 30],
        [3, 12],
        [5, 3],
      ] as const),
    });
    const west = (
      count: number,
      bio: (name: string, from: number) => string | null,
      minYear = 1950,
      maxYear = 2015,
    ): Talent[] =>
      Array.from({ length: count }, () => {
        const name = this.book.westernName(rng);
        const from = rng.int(minYear, maxYear);
        return talent(name, null, bio(name, from), 'west', from);
      });
    const cjk = (language: CjkLanguage, count: number, job: string, minYear = 1955): Talent[] =>
      Array.from({ length: count }, () => {
        const [name, original] = this.book.cjkName(rng, language);
        const from = rng.int(minYear, 2012);
        const bio = rng.chance(0.5) ? `${name} is a ${CJK_NATIONALITY[language]} ${job}.` : null;
        return talent(name, original, bio, language, from);
      });
    const nationality = () => rng.pick(NATIONALITIES);

    const directors = [
      ...west(
        46,
        (name, from) =>
          `${name} is a ${nationality()} film director who made a first feature in ${from + rng.int(0, 6)}.`,
        1935,
      ),
      ...cjk('zh', 3, 'film director', 1950),
      ...cjk('ja', 3, 'film director', 1950),
      ...cjk('ko', 3, 'film and television director', 1975),
    ];
    // Anchor directors and cast also work on generated titles, so their people pages have several entries.
    for (const name of ['Ines Albrecht', 'Desmond Keane', 'Rosalind Tate'])
      directors.push(talent(name, null, null, 'west', 1995));
    directors.push(talent('Kenji Morita', null, null, 'ja', 1985), talent('Park Seo-yeon', null, null, 'ko', 2005));

    const writers = [
      ...west(
        46,
        (name) => (rng.chance(0.4) ? `${name} is a ${nationality()} screenwriter and novelist.` : null),
        1935,
      ),
      ...cjk('zh', 2, 'screenwriter'),
      ...cjk('ja', 2, 'screenwriter'),
      ...cjk('ko', 2, 'screenwriter', 1980),
      talent('Theo Lindqvist', null, null, 'west', 1998),
      talent('Maren Sorensen', null, null, 'west', 2000),
    ];

    const actors = [
      ...west(
        210,
        (name) => (rng.chance(0.3) ? `${name} is a ${nationality()} actor of film and television.` : null),
        1945,
      ),
      ...cjk('zh', 10, 'actor'),
      ...cjk('ja', 10, 'actor'),
      ...cjk('ko', 10, 'actor', 1975),
    ];
    for (const name of [
      'Clara Whitfield',
      'Julian Harrow',
      'Nadia Okafor',
      'Rowan Ashdown',
      'Imogen Pryce',
      'Kofi Adeyemi',
    ]) {
      actors.push(talent(name, null, null, 'west', 1990));
    }

    const composers = [
      ...west(
        34,
        (name) => (rng.chance(0.6) ? `${name} is a ${nationality()} composer for film, television and games.` : null),
        1945,
      ),
      ...cjk('zh', 2, 'composer'),
      ...cjk('ja', 2, 'composer'),
      ...cjk('ko', 1, 'composer', 1985),
      talent('Stellan Marsh', null, null, 'west', 1990),
    ];

    const producers = [
      ...west(
        36,
        (name) => (rng.chance(0.3) ? `${name} is a ${nationality()} record producer and engineer.` : null),
        1950,
      ),
      ...cjk('zh', 2, 'record producer'),
      ...cjk('ja', 2, 'record producer'),
      ...cjk('ko', 2, 'record producer', 1990),
      talent('Ada Quill', null, null, 'west', 1978),
      talent('Chen Zhiyuan', null, null, 'zh', 2000),
    ];

    const classicalComposers = new Map(CLASSICAL_COMPOSERS.map((c) => [c.name, this.book.add(c.name, null, c.bio)]));
    const soloist = (instrument: string) => {
      const name = this.book.westernName(rng);
      return this.book.add(name, null, `${name} is a ${nationality()} ${instrument} and recording artist.`);
    };
    const classicalPerformers: Pools['classicalPerformers'] = {
      piano: [soloist('pianist'), soloist('pianist'), soloist('pianist')],
      cello: [soloist('cellist')],
      violin: [soloist('violinist')],
      quartet: CLASSICAL_ENSEMBLES.quartet.map((n) => this.book.add(n, null, `${n} is a string quartet.`)),
      orchestra: CLASSICAL_ENSEMBLES.orchestra.map((n) => this.book.add(n, null, `${n} is a chamber orchestra.`)),
    };

    const developers = GAME_DEVELOPERS.map((name) =>
      this.book.add(name, null, rng.chance(0.5) ? `${name} is an independent game developer.` : null),
    );
    const publishers = GAME_PUBLISHERS.map((company) => ({
      slug: this.book.add(company.name, null, `${company.name} publishes games for consoles and PC.`),
      company,
    }));

    return {
      artists: this.buildArtists(rng),
      cjkArtists: this.buildCjkArtists(rng),
      producers,
      composers,
      directors,
      writers,
      actors,
      classicalComposers,
      classicalPerformers,
      developers,
      publishers,
    };
  }

  /** Western artists (bands and solo acts) with 1–5 albums spread over their career. */
  private buildArtists(rng: Rng): Artist[] {
    const artists: Artist[] = [];
    let albums = 0;
    const target = 148;
    while (albums < target) {
      const genre = rng.weighted(weightedTable(MUSIC_GENRE_WEIGHTS));
      const band = rng.chance(0.4);
      let name = '';
      for (let attempt = 0; attempt < 100 && (!name || this.book.taken(name)); attempt++) {
        name = band
          ? `${rng.chance(0.5) ? 'The ' : ''}${rng.pick(BAND_ADJECTIVES)} ${rng.pick(BAND_NOUNS)}`
          : this.book.westernName(rng);
      }
      const count = Math.min(
        target - albums,
        rng.weighted([
          [1, 15],
          [2, 35],
          [3, 30],
          [4, 13],
          [5, 7],
        ] as const),
      );
      const decade = Number(rng.weighted(weightedTable(DECADE_WEIGHTS)));
      const gaps = Array.from({ length: count - 1 }, () => rng.int(1, 6));
      const span = gaps.reduce((a, b) => a + b, 0);
      const start = Math.min(
        Math.max(decade + rng.int(0, 9), GENRE_FIRST_YEAR[genre] ?? 1960),
        this.currentYear - 1 - span,
      );
      const years = [start];
      let year = start;
      for (const gap of gaps) years.push((year += gap));
      const from = start;
      const nationality = rng.pick(NATIONALITIES);
      const bio = band
        ? `${name} are a ${nationality} ${genreWord(genre)} band formed in ${from - rng.int(0, 3)}.`
        : `${name} is a ${nationality} ${genreWord(genre)} ${musicianWord(genre)} who released a first album in ${from}.`;
      artists.push({
        slug: this.book.add(name, null, bio),
        region: 'west',
        genre,
        label: rng.pick(RECORD_LABELS),
        years,
      });
      albums += count;
    }
    return artists;
  }

  private buildCjkArtists(rng: Rng): Record<CjkLanguage, string[]> {
    const result: Record<CjkLanguage, string[]> = { zh: [this.book.slugOf('Lin Yue')], ja: [], ko: [] };
    for (const act of CJK_ACTS) {
      const kind = act.name.includes(' ') || act.region === 'ko' ? 'group' : 'duo';
      result[act.region].push(
        this.book.add(act.name, act.originalName, `${act.name} is a ${CJK_NATIONALITY[act.region]} pop ${kind}.`),
      );
    }
    for (const language of ['zh', 'ja', 'ko'] as const) {
      for (let i = 0; i < (language === 'ko' ? 1 : 2); i++) {
        const [name, original] = this.book.cjkName(rng, language);
        result[language].push(
          this.book.add(name, original, `${name} is a ${CJK_NATIONALITY[language]} singer-songwriter.`),
        );
      }
    }
    return result;
  }

  /**
   * After the base catalog, benchmark products draw only on people who are actually in it, and only
   * on western talent (they are generated with English titles and casts).
   */
  private restrictPools(credited: ReadonlySet<string>): void {
    const keep = (list: Talent[]) => list.filter((t) => credited.has(t.slug) && t.region === 'west');
    this.pools.producers = keep(this.pools.producers);
    this.pools.composers = keep(this.pools.composers);
    this.pools.directors = keep(this.pools.directors);
    this.pools.writers = keep(this.pools.writers);
    this.pools.actors = keep(this.pools.actors);
    this.pools.developers = this.pools.developers.filter((s) => credited.has(s));
    this.pools.publishers = this.pools.publishers.filter((p) => credited.has(p.slug));
    this.pools.artists = this.pools.artists.filter((a) => credited.has(a.slug));
  }

  // -------------------------------------------------------------------------------------------
  // Shared product pieces

  private releaseDate(rng: Rng, year: number): string {
    const ms = Date.UTC(year, rng.int(0, 11), rng.int(1, 28));
    // Products of the current year must already be out; only planned pre-orders lie in the future.
    return isoDate(Math.min(ms, this.todayDay - rng.int(20, 90) * DAY_MS));
  }

  private preorderDate(rng: Rng): string {
    return isoDate(this.todayDay + rng.int(7, 120) * DAY_MS);
  }

  private yearFromDecades(rng: Rng, weights: Readonly<Record<number, number>>): number {
    const decade = Number(rng.weighted(Object.entries(weights).map(([d, w]) => [d, w] as const)));
    return Math.min(decade + rng.int(0, 9), this.currentYear);
  }

  private productSlug(title: string, year: string, hint: string | null): string {
    const base = slugify(title) || 'untitled';
    return this.productSlugs.claim([base, `${base}-${year}`, hint ? `${base}-${hint}` : '']);
  }

  private credit(list: SeedCredit[], personSlug: string, role: CreditRole, character: string | null = null): void {
    if (list.some((c) => c.personSlug === personSlug && c.role === role)) return;
    list.push({ personSlug, role, character, sortOrder: list.filter((c) => c.role === role).length });
  }

  private characterName(rng: Rng, region: Region): string {
    if (region !== 'west') {
      const [name] = this.book.cjkName(rng, region);
      return name;
    }
    const first = rng.pick(WESTERN_FIRST_NAMES);
    const last = rng.pick(WESTERN_LAST_NAMES);
    const roll = rng.int(0, 9);
    if (roll < 2) return `${rng.pick(CHARACTER_TITLES)} ${last}`;
    if (roll < 4) return first;
    return `${first} ${last}`;
  }

  private catalogNumber(rng: Rng, company: Company): string {
    return `${company.code}-${String(rng.int(100, 9899)).padStart(4, '0')}`;
  }

  /** An edition's release: the product's, or a later reissue when the format did not exist yet. */
  private editionDate(rng: Rng, productDate: string, formatKey: string): string {
    const introduced = FORMAT_INTRODUCED[formatKey];
    if (!introduced || productDate >= introduced) return productDate;
    const from = Math.max(dayMs(introduced), dayMs(productDate));
    const to = this.todayDay - 30 * DAY_MS;
    if (to <= from) return productDate;
    return isoDate(startOfUtcDay(from + rng.next() * (to - from)));
  }

  private edition(product: ProductShell, rng: Rng, draft: EditionDraft): SeedEdition {
    const { suffix, ...fields } = draft;
    const digital = isDigitalFormat(draft.format);
    const key = draft.platform ?? draft.format;
    const sku = this.skus.claim([
      draft.sku ?? `${product.slug.toUpperCase()}-${suffix ?? SKU_SUFFIX[key] ?? draft.format.toUpperCase()}`,
    ]);
    return {
      sku,
      name: null,
      barcode: digital ? null : this.barcodes.next(product.kind),
      ...noEditionDetails(),
      stock: 0,
      status: 'active',
      releaseDate: this.editionDate(rng, product.releaseDate, key),
      rentable: false,
      rentalPriceMinor: null,
      digital,
      availableFrom: null,
      availableUntil: null,
      territories: [],
      createdAt: new Date(0),
      ledger: [],
      ...fields,
    };
  }

  private media(product: { slug: string; title: string; kind: ProductKind }, gallery: number): SeedMedia[] {
    const { width, height } = coverAspect(product.kind);
    return Array.from({ length: gallery + 1 }, (_, i) => ({
      kind: i === 0 ? ('cover' as const) : ('gallery' as const),
      url: `/art/${product.slug}/${i}.svg`,
      alt: i === 0 ? product.title : `${product.title} (image ${i + 1})`,
      width,
      height,
      sortOrder: i,
    }));
  }

  private assemble(shell: ProductShell, editions: SeedEdition[], tracks: SeedTrack[], popularity: number): SeedProduct {
    this.popularity.set(shell.slug, popularity);
    return { ...shell, status: 'active', createdAt: new Date(0), editions, tracks, media: [] };
  }

  private popularityRoll(rng: Rng): number {
    // Most products sell a little; about one in twelve is a clear best seller.
    return rng.chance(0.08) ? rng.next() * 0.15 + 0.85 : Math.pow(rng.next(), 2.2) * 0.7;
  }

  // -------------------------------------------------------------------------------------------
  // Descriptions

  private albumDescription(rng: Rng, vars: Record<string, string>, genre: string): string {
    const sentences = [fill(rng.pick(usable(ALBUM_OPENERS, vars)), vars)];
    const lines = ALBUM_GENRE_LINES[genre] ?? ALBUM_GENRE_LINES.pop;
    sentences.push(...rng.sample(lines, rng.chance(0.4) ? 2 : 1));
    if (rng.chance(0.5)) sentences.push(fill(rng.pick(usable(ALBUM_CLOSERS, vars)), vars));
    return sentences.join(' ');
  }

  private screenDescription(
    rng: Rng,
    kind: 'film' | 'series',
    vars: Record<string, string>,
    genre: string,
    year: number,
  ): string {
    const sentences = [rng.pick(SCREEN_LOGLINES[genre] ?? SCREEN_LOGLINES.drama)];
    const middles = usable(kind === 'film' ? FILM_MIDDLES : SERIES_MIDDLES, vars);
    if (middles.length > 0) sentences.push(fill(rng.pick(middles), vars));
    if (rng.chance(0.55)) {
      const closers = kind === 'series' ? SERIES_CLOSERS : year < 1985 ? SCREEN_CLOSERS_CLASSIC : SCREEN_CLOSERS;
      const options = usable(closers, vars);
      if (options.length > 0) sentences.push(fill(rng.pick(options), vars));
    }
    return sentences.join(' ');
  }

  private gameDescription(rng: Rng, vars: Record<string, string>, genre: string): string {
    const sentences = [
      rng.pick(GAME_PREMISES[genre] ?? GAME_PREMISES.rpg),
      fill(rng.pick(usable(GAME_MIDDLES, vars)), vars),
    ];
    if (rng.chance(0.5)) sentences.push(rng.pick(GAME_CLOSERS));
    return sentences.join(' ');
  }

  // -------------------------------------------------------------------------------------------
  // Albums

  private albumEditions(
    shell: ProductShell,
    rng: Rng,
    o: { year: number; label: Company; double: boolean; cjk: boolean; preorder: boolean },
  ): SeedEdition[] {
    const number = this.catalogNumber(rng, o.label);
    const classic = o.year < 1990;
    const discs = o.double ? 2 : 1;
    const editions: SeedEdition[] = [];
    const wantCd = rng.chance(o.cjk ? 0.95 : 0.85);
    const wantVinyl = rng.chance(classic ? 0.8 : o.cjk ? 0.3 : 0.55);
    const wantCassette = rng.chance(o.year >= 1978 && o.year < 1998 ? 0.25 : 0.08);
    const wantDigital = !o.preorder && rng.chance(0.8);
    if (wantCd || (!wantVinyl && !wantCassette && !wantDigital)) {
      const remaster = classic && rng.chance(0.5);
      editions.push(
        this.edition(shell, rng, {
          format: 'cd',
          name: o.double ? (rng.chance(0.5) ? 'Deluxe Edition' : null) : remaster ? 'Remastered' : null,
          catalogNumber: number,
          discCount: discs,
          packaging: rng.weighted([
            ['jewel case', 5],
            ['digipak', 3],
            ['cardboard sleeve', 1],
          ] as const),
          priceMinor: price(rng, o.double ? 1299 : 999, o.double ? 1599 : 1399),
        }),
      );
    }
    if (wantVinyl) {
      const heavy = rng.chance(0.55);
      const lps = o.double ? 2 : rng.chance(0.1) ? 2 : 1;
      editions.push(
        this.edition(shell, rng, {
          format: 'vinyl',
          name: lps > 1 ? `Deluxe ${lps}×LP` : heavy ? '180 g Reissue' : null,
          catalogNumber: `${number}LP`,
          discCount: lps,
          packaging: lps > 1 || rng.chance(0.3) ? 'gatefold sleeve' : 'single sleeve',
          vinylWeightGrams: heavy ? 180 : 140,
          vinylSpeedRpm: rng.chance(0.1) ? 45 : 33,
          vinylColour: 'black',
          priceMinor: price(rng, lps > 1 ? 3299 : 2199, lps > 1 ? 4499 : 3299),
        }),
      );
      if (rng.chance(0.15)) {
        const colour = rng.pick(['clear', 'red marble', 'translucent blue', 'white', 'gold', 'splatter'] as const);
        editions.push(
          this.edition(shell, rng, {
            format: 'vinyl',
            suffix: `VINYL-${slugify(colour).toUpperCase()}`,
            name: `Limited ${colour.replace(/^./, (c) => c.toUpperCase())} Vinyl`,
            catalogNumber: `${number}LPX`,
            discCount: lps,
            packaging: 'gatefold sleeve',
            vinylWeightGrams: 180,
            vinylSpeedRpm: 33,
            vinylColour: colour,
            priceMinor: price(rng, 2999, 4499),
          }),
        );
      }
    }
    if (wantCassette && editions.length < 3) {
      editions.push(
        this.edition(shell, rng, {
          format: 'cassette',
          name: o.year >= 2010 ? 'Limited Cassette' : null,
          catalogNumber: `${number}MC`,
          discCount: 1,
          packaging: 'Norelco case',
          priceMinor: price(rng, 899, 1299),
        }),
      );
    }
    if (wantDigital && editions.length < 4) {
      editions.push(
        this.edition(shell, rng, {
          format: 'digital_audio',
          name: rng.chance(0.3) ? 'Hi-Res 24-bit FLAC' : 'FLAC + MP3',
          priceMinor: price(rng, 799, 1199),
        }),
      );
    }
    return editions;
  }

  private albumTracks(
    rng: Rng,
    slug: string,
    o: { year: number; genre: string; double: boolean; cjk: CjkLanguage | null; previews: boolean },
  ): SeedTrack[] {
    let titles: string[];
    if (o.cjk) {
      titles = rng.sample(CJK_TRACK_TITLES[o.cjk], rng.int(8, 12));
    } else {
      const count = o.double ? rng.int(14, 16) : rng.int(6, 13);
      const used = new Set<string>();
      titles = Array.from({ length: count }, () => trackTitle(rng, used));
    }
    const [min, max] =
      o.genre === 'ambient' || o.genre === 'jazz'
        ? [240, 540]
        : o.genre === 'hip-hop' || o.genre === 'metal'
          ? [150, 420]
          : [150, 330];
    const durations = titles.map(() => (rng.chance(0.06) ? rng.int(120, 540) : rng.int(min, max)));
    const positions = o.double ? 'discs' : o.year < 1986 && !o.cjk ? 'sides' : 'numbers';
    return tracklist({ slug, titles, durations, positions, previews: o.previews ? 3 : 0 });
  }

  private albums(rng: Rng): SeedProduct[] {
    const products: SeedProduct[] = [];
    const titles = new TitleSource(ALBUM_TITLES, rng, this.titles);
    for (const artist of this.pools.artists) {
      artist.years.forEach((year, index) => {
        products.push(this.westernAlbum(rng, titles, artist, year, index, false));
      });
    }
    // Eight artists have a new album on pre-order.
    for (const artist of rng.sample(this.pools.artists, 8)) {
      products.push(this.westernAlbum(rng, titles, artist, this.currentYear, artist.years.length, true));
    }
    return products;
  }

  private westernAlbum(
    rng: Rng,
    titles: TitleSource,
    artist: Artist,
    year: number,
    index: number,
    preorder: boolean,
  ): SeedProduct {
    const genres = secondaryGenres(rng, artist.genre, GENRES_BY_KIND.album);
    const title = titles.next(rng.chance(0.8) ? artist.genre : (genres.at(-1) ?? artist.genre));
    const label = rng.chance(0.75) ? artist.label : rng.pick(RECORD_LABELS);
    const releaseDate = preorder ? this.preorderDate(rng) : this.releaseDate(rng, year);
    const artistName = this.personName(artist.slug);
    const slug = this.productSlug(title, releaseDate.slice(0, 4), artist.slug);
    const credits: SeedCredit[] = [];
    this.credit(credits, artist.slug, 'artist');
    if (rng.chance(0.12)) {
      const guest = rng.pick(
        this.pools.artists.filter((a) => a.slug !== artist.slug && a.genre === artist.genre).concat(artist),
      );
      this.credit(credits, guest.slug, 'artist');
    }
    if (rng.chance(0.2)) this.credit(credits, artist.slug, 'producer');
    this.credit(credits, pickTalent(rng, this.pools.producers, 'west', year, new Set()), 'producer');
    if (rng.chance(0.15))
      this.credit(credits, pickTalent(rng, this.pools.composers, 'west', year, new Set()), 'composer');
    const vars = {
      title,
      artist: artistName,
      year: String(year),
      label: label.name,
      ordinal: ORDINALS[index] ?? 'latest',
    };
    const description = preorder
      ? `${title} is the new album by ${artistName}, out on ${label.name} this ${this.seasonOf(releaseDate)}. ${rng.pick(ALBUM_GENRE_LINES[artist.genre] ?? ALBUM_GENRE_LINES.pop)} Pre-order now: it ships on release day.`
      : this.albumDescription(rng, vars, artist.genre);
    const explicit = rng.chance(EXPLICIT_CHANCE[artist.genre] ?? 0.04);
    const shell: ProductShell = {
      slug,
      kind: 'album',
      title,
      originalTitle: null,
      description,
      releaseDate,
      ageRating: explicit ? 'Explicit' : null,
      label: label.name,
      genres,
      credits,
    };
    const double = rng.chance(0.08);
    const editions = this.albumEditions(shell, rng, { year, label, double, cjk: false, preorder });
    const tracks = this.albumTracks(rng, slug, {
      year,
      genre: artist.genre,
      double,
      cjk: null,
      previews: rng.chance(0.6),
    });
    return this.assemble(shell, editions, tracks, preorder ? rng.next() * 0.5 : this.popularityRoll(rng));
  }

  private personName(slug: string): string {
    return this.book.nameOf(slug);
  }

  private seasonOf(isoDay: string): string {
    const month = Number(isoDay.slice(5, 7));
    const season = [
      'winter',
      'winter',
      'spring',
      'spring',
      'spring',
      'summer',
      'summer',
      'summer',
      'autumn',
      'autumn',
      'autumn',
      'winter',
    ][month - 1];
    return must(season, `season of ${isoDay}`);
  }

  private classicalAlbums(rng: Rng): SeedProduct[] {
    return rng.sample(CLASSICAL_WORKS, 10).map((work) => {
      const composerName = work.composer.split(' ').pop() ?? work.composer;
      const title = `${composerName}: ${work.work}`;
      this.titles.add(title);
      const year = this.yearFromDecades(rng, DECADE_WEIGHTS);
      const releaseDate = this.releaseDate(rng, year);
      const performer = rng.pick(this.pools.classicalPerformers[work.performer]);
      const slug = this.productSlug(title, releaseDate.slice(0, 4), performer);
      const label = rng.pick(
        RECORD_LABELS.filter((l) => ['Kestrel Classics', 'Quiet Hours', 'Granite Music Group'].includes(l.name)),
      );
      const credits: SeedCredit[] = [];
      this.credit(credits, performer, 'artist');
      this.credit(credits, this.pools.classicalComposers.get(work.composer) ?? performer, 'composer');
      this.credit(credits, pickTalent(rng, this.pools.producers, 'west', year, new Set()), 'producer');
      const vars = { title, artist: this.personName(performer), year: String(year), label: label.name };
      const shell: ProductShell = {
        slug,
        kind: 'album',
        title,
        originalTitle: null,
        description: this.albumDescription(rng, vars, 'classical'),
        releaseDate,
        ageRating: null,
        label: label.name,
        genres: rng.chance(0.3) ? ['classical', 'ambient'] : ['classical'],
        credits,
      };
      const count = rng.int(6, 12);
      const titles = Array.from({ length: count }, (_, i) => `${work.piece} No. ${i + 1}`);
      const durations = titles.map(() => rng.int(180, 540));
      const tracks = tracklist({
        slug,
        titles,
        durations,
        positions: year < 1986 ? 'sides' : 'numbers',
        previews: rng.chance(0.6) ? 3 : 0,
      });
      const editions = this.albumEditions(shell, rng, { year, label, double: false, cjk: false, preorder: false });
      return this.assemble(shell, editions, tracks, this.popularityRoll(rng));
    });
  }

  /** Soundtrack albums of six generated films, credited to the film's composer. */
  private soundtracks(rng: Rng, films: readonly SeedProduct[]): SeedProduct[] {
    const candidates = films.filter(
      (f) => f.credits.some((c) => c.role === 'composer') && f.releaseDate < isoDate(this.todayDay),
    );
    return rng.sample(candidates, 6).map((film) => {
      const composer = film.credits.find((c) => c.role === 'composer')?.personSlug ?? '';
      const title = `${film.title} (Original Motion Picture Soundtrack)`;
      this.titles.add(title);
      const year = Number(film.releaseDate.slice(0, 4));
      const slug = this.productSlug(title, String(year), null);
      const label = rng.pick(RECORD_LABELS);
      const credits: SeedCredit[] = [];
      this.credit(credits, composer, 'artist');
      this.credit(credits, composer, 'composer');
      const vars = { title, artist: this.personName(composer), year: String(year), label: label.name };
      const shell: ProductShell = {
        slug,
        kind: 'album',
        title,
        originalTitle: null,
        description: [
          `The score for ${film.title}, composed by ${vars.artist}.`,
          rng.pick(ALBUM_GENRE_LINES.soundtrack),
          ...(rng.chance(0.5) ? ['Includes a booklet with notes by the composer.'] : []),
        ].join(' '),
        releaseDate: film.releaseDate,
        ageRating: null,
        label: label.name,
        genres: rng.chance(0.5) ? ['soundtrack', 'classical'] : ['soundtrack'],
        credits,
      };
      const used = new Set<string>(['Main Title', 'End Credits']);
      const titles = [
        'Main Title',
        ...Array.from({ length: rng.int(8, 14) }, () => trackTitle(rng, used)),
        'End Credits',
      ];
      const durations = titles.map(() => rng.int(120, 300));
      const tracks = tracklist({ slug, titles, durations, positions: 'numbers', previews: rng.chance(0.6) ? 3 : 0 });
      const editions = this.albumEditions(shell, rng, { year, label, double: false, cjk: false, preorder: false });
      return this.assemble(shell, editions, tracks, this.popularityRoll(rng) * 0.6);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Films and series

  private videoLanguages(rng: Rng, language: Region): { audio: string[]; subtitles: string[] } {
    if (language !== 'west') {
      const subtitles = Array.from(
        new Set(['en', 'zh', language, ...rng.sample(['fr', 'es', 'de', 'ko', 'ja'], rng.int(0, 2))]),
      );
      return { audio: [language], subtitles };
    }
    const audio = ['en', ...(rng.chance(0.4) ? rng.sample(EUROPEAN_DUBS, rng.int(1, 3)) : [])];
    const subtitles = ['en', ...rng.sample(SUBTITLE_POOL, rng.int(1, 5))];
    return { audio, subtitles };
  }

  private filmEditions(
    shell: ProductShell,
    rng: Rng,
    o: { year: number; studio: Company; language: Region; rentable: boolean },
  ): SeedEdition[] {
    const number = this.catalogNumber(rng, o.studio);
    const { audio, subtitles } = this.videoLanguages(rng, o.language);
    const dvdRegion =
      o.language === 'ja'
        ? '2'
        : o.language === 'west'
          ? rng.weighted([
              ['1', 50],
              ['2', 25],
              ['ALL', 20],
              ['3', 5],
            ] as const)
          : '3';
    const bdRegion =
      o.language === 'ja' || o.language === 'ko'
        ? 'A'
        : o.language === 'zh'
          ? 'C'
          : rng.weighted([
              ['A', 50],
              ['B', 25],
              ['ABC', 20],
              ['C', 5],
            ] as const);
    const video = { audioLanguages: audio, subtitleLanguages: subtitles };
    const editions: SeedEdition[] = [];
    const wantDvd = rng.chance(0.6);
    const wantBluray = rng.chance(0.75) || !wantDvd;
    if (wantDvd) {
      const special = rng.chance(0.2);
      editions.push(
        this.edition(shell, rng, {
          format: 'dvd',
          name: special ? '2-Disc Special Edition' : rng.chance(0.5) ? 'Standard Edition' : null,
          catalogNumber: number,
          discCount: special ? 2 : 1,
          packaging: 'keep case',
          regionCode: dvdRegion,
          priceMinor: price(rng, 799, special ? 1499 : 1299),
          ...video,
        }),
      );
    }
    if (wantBluray) {
      const steelbook = rng.chance(0.15);
      editions.push(
        this.edition(shell, rng, {
          format: 'bluray',
          name: steelbook ? 'Collector’s Steelbook' : o.year < 1990 && rng.chance(0.5) ? 'Remastered Edition' : null,
          catalogNumber: `${number}BD`,
          discCount: 1,
          packaging: steelbook ? 'steelbook' : rng.chance(0.3) ? 'keep case with slipcover' : 'keep case',
          regionCode: bdRegion,
          priceMinor: price(rng, 1299, steelbook ? 2499 : 1999),
          ...video,
        }),
      );
    }
    if (rng.chance(o.year < 1980 ? 0.35 : 0.3)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'uhd_bluray',
          name: o.year < 2000 ? '4K Restoration' : rng.chance(0.4) ? 'Collector’s Steelbook' : '4K Ultra HD',
          catalogNumber: `${number}UHD`,
          discCount: 1,
          packaging: rng.chance(0.35) ? 'steelbook' : 'keep case',
          // Ultra HD Blu-ray discs are region-free.
          regionCode: 'ABC',
          priceMinor: price(rng, 1999, 3499),
          ...video,
        }),
      );
    }
    if (o.rentable || rng.chance(0.7)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'digital_video',
          name: rng.chance(0.5) ? 'HD Digital' : '4K Digital',
          priceMinor: price(rng, 999, 1999),
          rentable: o.rentable,
          rentalPriceMinor: o.rentable ? price(rng, 299, 599) : null,
          ...video,
        }),
      );
    }
    return rentPhysicalDisc(editions);
  }

  private films(rng: Rng): SeedProduct[] {
    const products: SeedProduct[] = [];
    const titles = new TitleSource(SCREEN_TITLES, rng, this.titles);
    for (let i = 0; i < 98; i++) {
      const preorder = i >= 93;
      const genre = rng.weighted(weightedTable(FILM_GENRE_WEIGHTS));
      const year = preorder
        ? this.currentYear
        : this.yearFromDecades(rng, genre === 'western' ? WESTERN_DECADE_WEIGHTS : DECADE_WEIGHTS);
      products.push(
        this.film(rng, {
          title: titles.next(genre),
          originalTitle: null,
          genre,
          genres: secondaryGenres(rng, genre, GENRES_BY_KIND.film),
          year,
          region: 'west',
          studio: rng.pick(FILM_STUDIOS),
          preorder,
        }),
      );
    }
    return products;
  }

  private film(rng: Rng, o: ScreenTitle): SeedProduct {
    const releaseDate = o.preorder ? this.preorderDate(rng) : this.releaseDate(rng, o.year);
    const director = pickTalent(rng, this.pools.directors, o.region, o.year, new Set());
    const slug = this.productSlug(o.title, releaseDate.slice(0, 4), director);
    const credits: SeedCredit[] = [];
    const documentary = o.genre === 'documentary';
    this.credit(credits, director, 'director');
    if (rng.chance(0.35)) this.credit(credits, director, 'writer');
    if (!documentary || rng.chance(0.3)) {
      this.credit(credits, pickTalent(rng, this.pools.writers, o.region, o.year, new Set()), 'writer');
    }
    if (!documentary) {
      const cast = new Set<string>();
      const castSize = rng.int(3, 6);
      for (let i = 0; i < castSize; i++) {
        const actor = pickTalent(rng, this.pools.actors, o.region, o.year, cast);
        cast.add(actor);
        this.credit(credits, actor, 'cast', this.characterName(rng, o.region));
      }
    }
    if (rng.chance(0.9))
      this.credit(credits, pickTalent(rng, this.pools.composers, o.region, o.year, new Set()), 'composer');
    const vars = { title: o.title, director: this.personName(director), studio: o.studio.name, year: String(o.year) };
    const shell: ProductShell = {
      slug,
      kind: 'film',
      title: o.title,
      originalTitle: o.originalTitle,
      description: this.screenDescription(rng, 'film', vars, o.genre, o.year),
      releaseDate,
      ageRating: rng.pick(FILM_RATINGS[o.genre] ?? ['PG-13']),
      label: o.studio.name,
      genres: o.genres,
      credits,
    };
    const editions = this.filmEditions(shell, rng, {
      year: o.year,
      studio: o.studio,
      language: o.region,
      rentable: rng.chance(0.35),
    });
    return this.assemble(shell, editions, [], o.preorder ? rng.next() * 0.5 : this.popularityRoll(rng));
  }

  private series(rng: Rng): SeedProduct[] {
    const products: SeedProduct[] = [];
    const titles = new TitleSource(SCREEN_TITLES, rng, this.titles);
    for (let i = 0; i < 42; i++) {
      const preorder = i >= 40;
      const genre = rng.weighted(weightedTable(SERIES_GENRE_WEIGHTS));
      const year = preorder ? this.currentYear : this.yearFromDecades(rng, SERIES_DECADE_WEIGHTS);
      products.push(
        this.seriesProduct(rng, {
          title: titles.next(genre),
          originalTitle: null,
          genre,
          genres: secondaryGenres(rng, genre, GENRES_BY_KIND.series),
          year,
          region: 'west',
          studio: rng.pick(FILM_STUDIOS),
          preorder,
        }),
      );
    }
    return products;
  }

  private seriesProduct(rng: Rng, o: ScreenTitle): SeedProduct {
    const releaseDate = o.preorder ? this.preorderDate(rng) : this.releaseDate(rng, o.year);
    const creator = pickTalent(rng, this.pools.writers, o.region, o.year, new Set());
    const director = pickTalent(rng, this.pools.directors, o.region, o.year, new Set());
    const slug = this.productSlug(o.title, releaseDate.slice(0, 4), creator);
    const credits: SeedCredit[] = [];
    this.credit(credits, creator, 'writer');
    if (rng.chance(0.4))
      this.credit(credits, pickTalent(rng, this.pools.writers, o.region, o.year, new Set([creator])), 'writer');
    this.credit(credits, director, 'director');
    const cast = new Set<string>();
    for (let i = 0, n = rng.int(3, 6); i < n; i++) {
      const actor = pickTalent(rng, this.pools.actors, o.region, o.year, cast);
      cast.add(actor);
      this.credit(credits, actor, 'cast', this.characterName(rng, o.region));
    }
    if (rng.chance(0.6))
      this.credit(credits, pickTalent(rng, this.pools.composers, o.region, o.year, new Set()), 'composer');

    const seasons = o.region === 'west' && rng.chance(0.25) ? rng.int(2, 3) : 1;
    const perSeason = seasons > 1 ? rng.int(6, 8) : rng.int(6, 10);
    const total = seasons * perSeason;
    const pool = o.region === 'west' ? EPISODE_TITLES : CJK_EPISODE_TITLES[o.region];
    const shuffled = rng.shuffle(pool);
    const titles = Array.from({ length: total }, (_, i) => {
      const title = must(shuffled[i % shuffled.length], 'episode title');
      return i < shuffled.length ? title : `${title} (Part ${Math.floor(i / shuffled.length) + 1})`;
    });
    if (o.region === 'west' && rng.chance(0.5)) titles[0] = 'Pilot';
    const [min, max] = o.genre === 'comedy' || o.genre === 'animation' ? [1500, 1900] : [2600, 3600];
    const tracks = episodes(
      titles,
      titles.map(() => rng.int(min, max)),
      perSeason,
    );

    const vars = {
      title: o.title,
      writer: this.personName(creator),
      director: this.personName(director),
      episodes: numberWord(total),
      year: String(o.year),
    };
    const shell: ProductShell = {
      slug,
      kind: 'series',
      title: o.title,
      originalTitle: o.originalTitle,
      description: this.screenDescription(rng, 'series', vars, o.genre, o.year),
      releaseDate,
      ageRating: rng.pick(SERIES_RATINGS[o.genre] ?? ['TV-14']),
      label: o.studio.name,
      genres: o.genres,
      credits,
    };
    const boxName = seasons > 1 ? 'The Complete Series' : 'Season 1 Box Set';
    const number = this.catalogNumber(rng, o.studio);
    const { audio, subtitles } = this.videoLanguages(rng, o.region);
    const video = { audioLanguages: audio, subtitleLanguages: subtitles };
    const rentable = rng.chance(0.35);
    const editions: SeedEdition[] = [];
    const wantDvd = rng.chance(0.55);
    if (wantDvd) {
      editions.push(
        this.edition(shell, rng, {
          format: 'dvd',
          name: boxName,
          catalogNumber: number,
          discCount: Math.max(2, Math.ceil(total / 3)),
          packaging: rng.chance(0.5) ? 'box set' : 'multi-disc keep case',
          regionCode: o.region === 'west' ? rng.pick(['1', '2', 'ALL']) : o.region === 'ja' ? '2' : '3',
          priceMinor: price(rng, 2499, seasons > 1 ? 5999 : 3999),
          ...video,
        }),
      );
    }
    if (!wantDvd || rng.chance(0.6)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'bluray',
          name: boxName,
          catalogNumber: `${number}BD`,
          discCount: Math.max(2, Math.ceil(total / 4)),
          packaging: seasons > 1 ? 'box set' : rng.pick(['box set', 'digipak']),
          regionCode: o.region === 'west' ? rng.pick(['A', 'B', 'ABC']) : o.region === 'zh' ? 'C' : 'A',
          priceMinor: price(rng, 2999, seasons > 1 ? 7999 : 4999),
          ...video,
        }),
      );
    }
    if (rentable || rng.chance(0.7)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'digital_video',
          name: seasons > 1 ? 'Complete Series (HD)' : 'Season 1 (HD)',
          priceMinor: price(rng, 999, 1999),
          rentable,
          rentalPriceMinor: rentable ? price(rng, 299, 599) : null,
          ...video,
        }),
      );
    }
    return this.assemble(
      shell,
      rentPhysicalDisc(editions),
      tracks,
      o.preorder ? rng.next() * 0.5 : this.popularityRoll(rng),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Games

  private games(rng: Rng): SeedProduct[] {
    const products: SeedProduct[] = [];
    const titles = new TitleSource(GAME_TITLES, rng, this.titles);
    for (let i = 0; i < 59; i++) {
      const preorder = i >= 55;
      const genre = rng.weighted(weightedTable(GAME_GENRE_WEIGHTS));
      const year = preorder ? this.currentYear : this.yearFromDecades(rng, GAME_DECADE_WEIGHTS);
      products.push(this.game(rng, titles.next(genre), genre, year, preorder));
    }
    return products;
  }

  private game(rng: Rng, title: string, genre: string, year: number, preorder: boolean): SeedProduct {
    const releaseDate = preorder ? this.preorderDate(rng) : this.releaseDate(rng, year);
    const developer = rng.weighted(this.pools.developers.map((d, i) => [d, i % 4 === 0 ? 3 : 1] as const));
    const publisher = rng.pick(this.pools.publishers);
    const slug = this.productSlug(title, releaseDate.slice(0, 4), developer);
    const credits: SeedCredit[] = [];
    this.credit(credits, developer, 'developer');
    if (rng.chance(0.1)) this.credit(credits, rng.pick(this.pools.developers), 'developer');
    this.credit(credits, publisher.slug, 'publisher');
    if (rng.chance(0.8))
      this.credit(credits, pickTalent(rng, this.pools.composers, 'west', year, new Set()), 'composer');
    const vars = {
      title,
      developer: this.personName(developer),
      publisher: publisher.company.name,
      year: String(year),
    };
    const shell: ProductShell = {
      slug,
      kind: 'game',
      title,
      originalTitle: null,
      description: this.gameDescription(rng, vars, genre),
      releaseDate,
      ageRating: rng.pick(GAME_RATINGS[genre] ?? ['PEGI 12']),
      label: publisher.company.name,
      genres: secondaryGenres(rng, genre, GENRES_BY_KIND.game),
      credits,
    };
    return this.assemble(
      shell,
      this.gameEditions(shell, rng, { year, publisher: publisher.company }),
      [],
      preorder ? rng.next() * 0.5 : this.popularityRoll(rng),
    );
  }

  private gameEditions(shell: ProductShell, rng: Rng, o: { year: number; publisher: Company }): SeedEdition[] {
    const lastGen = o.year >= 2013 && o.year < 2020;
    const remaster = o.year < 2013;
    const standard = remaster ? (rng.chance(0.5) ? 'Remastered' : 'Classic Collection') : 'Standard Edition';
    const base = rng.int(19, 59);
    const discPlatforms =
      lastGen && rng.chance(0.5) ? ['PlayStation 4', 'Xbox One'] : ['PlayStation 5', 'Xbox Series X'];
    const editions: SeedEdition[] = [];
    const gamePrice = (bump: number) => Math.min(6999, Math.max(1999, (base + bump) * 100 + 99 - 100));
    for (const platform of rng.sample(
      discPlatforms,
      rng.weighted([
        [0, 15],
        [1, 55],
        [2, 30],
      ] as const),
    )) {
      editions.push(
        this.edition(shell, rng, {
          format: 'game_disc',
          platform,
          name: standard,
          catalogNumber: this.catalogNumber(rng, o.publisher),
          packaging: 'keep case',
          priceMinor: gamePrice(rng.int(0, 10)),
        }),
      );
    }
    if (rng.chance(o.year >= 2017 || remaster ? 0.55 : 0.3)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'game_cartridge',
          platform: 'Nintendo Switch',
          name: standard,
          catalogNumber: this.catalogNumber(rng, o.publisher),
          packaging: 'keep case',
          priceMinor: gamePrice(0),
        }),
      );
    }
    const [first] = editions;
    if (editions.length < 4 && first && rng.chance(0.12)) {
      editions.push(
        this.edition(shell, rng, {
          format: 'game_disc',
          platform: first.platform,
          suffix: `${SKU_SUFFIX[first.platform ?? 'PC'] ?? 'DISC'}-CE`,
          name: 'Collector’s Edition',
          catalogNumber: this.catalogNumber(rng, o.publisher),
          packaging: 'collector’s box',
          priceMinor: 6999,
        }),
      );
    }
    if (editions.length === 0 || (editions.length < 4 && rng.chance(0.7))) {
      editions.push(
        this.edition(shell, rng, {
          format: 'game_digital',
          platform: 'PC',
          name: rng.chance(0.2) ? 'Deluxe Edition' : 'Digital Edition',
          priceMinor: gamePrice(-5),
        }),
      );
    }
    return editions;
  }

  // -------------------------------------------------------------------------------------------
  // Chinese, Japanese and Korean titles

  private cjkProducts(rng: Rng): SeedProduct[] {
    const artistTurn: Record<CjkLanguage, number> = { zh: 0, ja: 0, ko: 0 };
    return CJK_TITLES.map((spec) => {
      this.titles.add(spec.title);
      const region: Region = spec.language;
      if (spec.kind === 'album') {
        const artists = this.pools.cjkArtists[spec.language];
        // Round-robin so each CJK act has two or more albums.
        const artist = must(artists[artistTurn[spec.language]++ % artists.length], `${spec.language} artist`);
        return this.cjkAlbum(rng, spec, artist);
      }
      const studio = rng.pick(CJK_STUDIOS[spec.language]);
      const o = {
        title: spec.title,
        originalTitle: spec.originalTitle,
        genre: spec.genres[0],
        genres: [...spec.genres],
        year: spec.year,
        region,
        studio,
        preorder: false,
      };
      return spec.kind === 'film' ? this.film(rng, o) : this.seriesProduct(rng, o);
    });
  }

  private cjkAlbum(rng: Rng, spec: CjkTitleSpec, artist: string): SeedProduct {
    const releaseDate = this.releaseDate(rng, spec.year);
    const slug = this.productSlug(spec.title, releaseDate.slice(0, 4), artist);
    const label = rng.pick(CJK_LABELS[spec.language]);
    const credits: SeedCredit[] = [];
    this.credit(credits, artist, 'artist');
    this.credit(credits, pickTalent(rng, this.pools.producers, spec.language, spec.year, new Set()), 'producer');
    const vars = { title: spec.title, artist: this.personName(artist), year: String(spec.year), label: label.name };
    const shell: ProductShell = {
      slug,
      kind: 'album',
      title: spec.title,
      originalTitle: spec.originalTitle,
      description: this.albumDescription(rng, vars, spec.genres[0]),
      releaseDate,
      ageRating: null,
      label: label.name,
      genres: [...spec.genres],
      credits,
    };
    const editions = this.albumEditions(shell, rng, {
      year: spec.year,
      label,
      double: false,
      cjk: true,
      preorder: false,
    });
    const tracks = this.albumTracks(rng, slug, {
      year: spec.year,
      genre: spec.genres[0],
      double: false,
      cjk: spec.language,
      previews: rng.chance(0.6),
    });
    return this.assemble(shell, editions, tracks, this.popularityRoll(rng));
  }

  // -------------------------------------------------------------------------------------------
  // Anchors

  private anchorProduct(spec: AnchorProduct): SeedProduct {
    const rng = rngFor(`anchor:${spec.slug}`);
    const releaseDate =
      typeof spec.releaseDate === 'string'
        ? spec.releaseDate
        : isoDate(this.todayDay + spec.releaseDate.daysFromToday * DAY_MS);
    const credits: SeedCredit[] = [];
    for (const c of spec.credits) this.credit(credits, this.book.slugOf(c.name), c.role, c.character ?? null);
    const shell: ProductShell = {
      slug: spec.slug,
      kind: spec.kind,
      title: spec.title,
      originalTitle: spec.originalTitle ?? null,
      description: spec.description,
      releaseDate,
      ageRating: spec.ageRating,
      label: spec.label,
      genres: [...spec.genres],
      credits,
    };
    const editions = spec.editions.map((e) => {
      const { stock, rentalPriceMinor, ...rest } = e;
      const edition = this.edition(shell, rng, {
        ...rest,
        audioLanguages: e.audioLanguages ?? [],
        subtitleLanguages: e.subtitleLanguages ?? [],
      });
      return {
        ...edition,
        name: e.name ?? null,
        catalogNumber: e.catalogNumber ?? null,
        discCount: e.discCount ?? null,
        packaging: e.packaging ?? null,
        vinylWeightGrams: e.vinylWeightGrams ?? null,
        vinylSpeedRpm: e.vinylSpeedRpm ?? null,
        vinylColour: e.vinylColour ?? null,
        regionCode: e.regionCode ?? null,
        platform: e.platform ?? null,
        stock: edition.digital ? 0 : stock,
        rentable: rentalPriceMinor !== undefined,
        rentalPriceMinor: rentalPriceMinor ?? null,
      };
    });
    const titles = spec.tracks.map(([title]) => title);
    const durations = spec.tracks.map(([, seconds]) => seconds);
    const tracks =
      spec.positions === 'episodes'
        ? episodes(titles, durations, titles.length)
        : tracklist({ slug: spec.slug, titles, durations, positions: spec.positions, previews: spec.previews });
    const product = this.assemble(shell, editions, tracks, spec.popularity);
    product.media = this.media(product, spec.galleryImages);
    if (product.kind === 'film' || product.kind === 'series')
      product.media.push(demoTrailer(product, product.media.length));
    return product;
  }

  // -------------------------------------------------------------------------------------------
  // Statuses, stock, ledger, media

  private isAnchor(slug: string): boolean {
    return ANCHOR_PRODUCTS.some((a) => a.slug === slug);
  }

  /**
   * Exactly three draft and two archived products (which the storefront must hide), plus about five
   * archived and three draft editions on otherwise active products.
   */
  private applyStatusMix(rng: Rng, products: SeedProduct[]): void {
    const today = isoDate(this.todayDay);
    const ordinary = products.filter(
      (p) => !this.isAnchor(p.slug) && p.releaseDate < today && p.originalTitle === null,
    );
    const picked = rng.sample(ordinary, 5);
    picked.forEach((product, i) => {
      const status: PublicationStatus = i < 3 ? 'draft' : 'archived';
      product.status = status;
      for (const edition of product.editions) edition.status = status;
    });
    const multi = ordinary.filter((p) => p.status === 'active' && p.editions.length >= 2);
    rng.sample(multi, 8).forEach((product, i) => {
      rng.pick(product.editions).status = i < 5 ? 'archived' : 'draft';
    });
  }

  private createdAt(rng: Rng, releaseDate: string): number {
    const release = dayMs(releaseDate);
    const hour = rng.int(7, 20) * HOUR_MS + rng.int(0, 59) * 60_000;
    if (release > this.todayDay) return this.todayDay - rng.int(1, 30) * DAY_MS + hour;
    if (release > this.todayDay - 150 * DAY_MS)
      return Math.min(this.todayMs - HOUR_MS, release - rng.int(0, 14) * DAY_MS + hour);
    return this.todayDay - rng.int(130, 900) * DAY_MS + hour;
  }

  /**
   * Stock levels, the ledger, rights windows and media. `full` is the base catalog's treatment (sales
   * history, rights windows, gallery images); benchmark products get an opening-stock row only, plus
   * one sale when they are sold out, which keeps 100,000 products quick to insert.
   */
  private finishProduct(product: SeedProduct, rng: Rng, full: boolean): void {
    const createdAt = this.createdAt(rng, product.releaseDate);
    product.createdAt = new Date(createdAt);
    const anchor = this.isAnchor(product.slug);
    const popularity = full ? (this.popularity.get(product.slug) ?? 0.2) : 0;
    const releaseMs = dayMs(product.releaseDate);
    const upcoming = releaseMs > this.todayDay;
    const salesFrom = Math.max(this.todayMs - SALES_WINDOW_DAYS * DAY_MS, releaseMs, createdAt + HOUR_MS);
    const salesTo = this.todayMs - HOUR_MS;
    const canSell = product.status !== 'draft' && !upcoming && salesTo - salesFrom > DAY_MS;
    const outOfStock = product.slug === 'paper-lanterns' || (full && !anchor && canSell && rng.chance(0.02));

    for (const edition of product.editions) {
      edition.createdAt = product.createdAt;
      if (edition.digital) {
        edition.stock = 0;
        if (full && !anchor && rng.chance(0.1)) this.rightsWindow(rng, edition, product);
        continue;
      }
      const sells = canSell && edition.status !== 'draft';
      if (!anchor) edition.stock = this.stockLevel(rng, sells, outOfStock);
      edition.ledger = buildDemoLedger(rng, {
        stock: edition.stock,
        popularity: sells ? popularity : 0,
        demand: FORMAT_DEMAND[edition.format],
        openedAt: createdAt,
        // A window of zero length means no sales (except the one a sold-out edition needs).
        salesFrom: sells && full ? salesFrom : salesTo,
        salesTo,
      });
    }
    if (product.media.length === 0) product.media = this.media(product, full && rng.chance(0.3) ? rng.int(1, 2) : 0);
  }

  private stockLevel(rng: Rng, canSell: boolean, outOfStock: boolean): number {
    if (!canSell) return rng.int(10, 60);
    if (outOfStock) return 0;
    const roll = rng.next();
    if (roll < 0.09) return 0;
    if (roll < 0.16) return rng.int(1, 3);
    return rng.int(4, 60);
  }

  private rightsWindow(rng: Rng, edition: SeedEdition, product: SeedProduct): void {
    edition.availableFrom = new Date(this.todayDay - rng.int(30, 700) * DAY_MS);
    edition.availableUntil = new Date(this.todayDay + rng.int(183, 730) * DAY_MS);
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(
      product.originalTitle ?? '',
    );
    edition.territories = cjk
      ? rng.pick([
          ['CN', 'HK', 'TW', 'SG'],
          ['JP', 'KR', 'TW'],
          ['CN', 'HK', 'MO'],
        ])
      : rng.pick([
          ['US', 'CA', 'GB'],
          ['US', 'CA'],
          ['GB', 'IE', 'AU', 'NZ'],
          ['US', 'CA', 'GB', 'AU'],
          ['DE', 'FR', 'NL', 'BE'],
        ]);
  }

  // -------------------------------------------------------------------------------------------
  // Benchmark-sized catalogs

  /**
   * Streams `count` further products for load tests: titles from the vocabularies with a number in
   * the slug, 1–3 editions, a few tracks, credits to people of the base catalog, a cover, and an
   * opening-stock ledger. Call after base(); each product is generated on demand.
   */
  *extra(count: number): Generator<SeedProduct> {
    this.base();
    for (let i = 0; i < count; i++) yield this.extraProduct(i);
  }

  private extraProduct(index: number): SeedProduct {
    const rng = rngFor(`extra:${index}`);
    const kind = rng.weighted<ProductKind>([
      ['album', 45],
      ['film', 27],
      ['series', 12],
      ['game', 16],
    ]);
    const year = rng.int(1960, this.currentYear - 1);
    const releaseDate = this.releaseDate(rng, year);
    const genre =
      kind === 'album'
        ? rng.weighted(weightedTable(MUSIC_GENRE_WEIGHTS))
        : kind === 'game'
          ? rng.weighted(weightedTable(GAME_GENRE_WEIGHTS))
          : kind === 'film'
            ? rng.weighted(weightedTable(FILM_GENRE_WEIGHTS))
            : rng.weighted(weightedTable(SERIES_GENRE_WEIGHTS));
    const banks = kind === 'album' ? ALBUM_TITLES : kind === 'game' ? GAME_TITLES : SCREEN_TITLES;
    const bank = bankFor(banks, genre);
    const title = rng.chance(0.3) ? rng.pick(bank.curated) : combineTitle(bank, rng);
    const slug = this.productSlugs.claim([`${slugify(title)}-${index + 1}`]);
    const credits: SeedCredit[] = [];
    const pick = (pool: readonly Talent[]) => rng.pick(pool).slug;
    let label: Company;
    let description: string;
    let editions: SeedEdition[];
    let tracks: SeedTrack[] = [];
    let ageRating: string | null = null;
    const shell: ProductShell = {
      slug,
      kind,
      title,
      originalTitle: null,
      description: '',
      releaseDate,
      ageRating,
      label: null,
      genres: secondaryGenres(rng, genre, GENRES_BY_KIND[kind]),
      credits,
    };
    if (kind === 'album') {
      const artist = rng.pick(this.pools.artists);
      label = artist.label;
      this.credit(credits, artist.slug, 'artist');
      this.credit(credits, pick(this.pools.producers), 'producer');
      description = this.albumDescription(
        rng,
        { title, artist: this.personName(artist.slug), year: String(year), label: label.name },
        genre,
      );
      const used = new Set<string>();
      const titles = Array.from({ length: rng.int(3, 5) }, () => trackTitle(rng, used));
      tracks = tracklist({
        slug,
        titles,
        durations: titles.map(() => rng.int(150, 330)),
        positions: 'numbers',
        previews: 0,
      });
      ageRating = rng.chance(EXPLICIT_CHANCE[genre] ?? 0.04) ? 'Explicit' : null;
      editions = this.albumEditions({ ...shell, label: label.name }, rng, {
        year,
        label,
        double: false,
        cjk: false,
        preorder: false,
      });
    } else if (kind === 'game') {
      const publisher = rng.pick(this.pools.publishers);
      label = publisher.company;
      const developer = rng.pick(this.pools.developers);
      this.credit(credits, developer, 'developer');
      this.credit(credits, publisher.slug, 'publisher');
      description = this.gameDescription(
        rng,
        { title, developer: this.personName(developer), publisher: label.name },
        genre,
      );
      ageRating = rng.pick(GAME_RATINGS[genre] ?? ['PEGI 12']);
      editions = this.gameEditions(shell, rng, { year, publisher: label });
    } else {
      label = rng.pick(FILM_STUDIOS);
      const director = pick(this.pools.directors);
      const writer = pick(this.pools.writers);
      this.credit(credits, director, 'director');
      this.credit(credits, writer, 'writer');
      for (let i = 0; i < 3; i++)
        this.credit(credits, pick(this.pools.actors), 'cast', this.characterName(rng, 'west'));
      const vars = {
        title,
        director: this.personName(director),
        writer: this.personName(writer),
        studio: label.name,
        year: String(year),
        episodes: '8',
      };
      description = this.screenDescription(rng, kind, vars, genre, year);
      ageRating = rng.pick((kind === 'film' ? FILM_RATINGS : SERIES_RATINGS)[genre] ?? ['PG-13']);
      editions = this.filmEditions(shell, rng, { year, studio: label, language: 'west', rentable: rng.chance(0.35) });
      if (kind === 'series') {
        const titles = rng.sample(EPISODE_TITLES, rng.int(2, 4));
        tracks = episodes(
          titles,
          titles.map(() => rng.int(1500, 3600)),
          titles.length,
        );
      }
    }
    const product = this.assemble(
      { ...shell, description, ageRating, label: label.name },
      editions,
      tracks,
      this.popularityRoll(rng) * 0.3,
    );
    this.finishProduct(product, rng, false);
    // Keep memory flat over 100,000 products: popularity is only needed while finishing.
    this.popularity.delete(slug);
    return product;
  }
}

/** The demo catalog for `today`, plus `extraProducts` generated products (default 0). */
export function generateCatalog(options: CatalogOptions): Catalog {
  const generator = new CatalogGenerator(options);
  const base = generator.base();
  const extra = options.extraProducts ?? 0;
  if (extra <= 0) return base;
  return { ...base, products: [...base.products, ...generator.extra(extra)] };
}
