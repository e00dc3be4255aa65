/**
 * Fixed "anchor" products of the demo catalog. Unit, integration and end-to-end tests (and the
 * README's screenshots) rely on these exact titles, slugs, people, dates, editions and prices:
 * keep them stable forever. Everything else in the demo catalog is generated around them.
 */
import type { ProductKind } from './genres';

export type AnchorPerson = { name: string; originalName?: string; bio?: string };

export type AnchorCredit = {
  name: string;
  role: 'artist' | 'composer' | 'producer' | 'director' | 'writer' | 'cast' | 'developer' | 'publisher';
  character?: string;
};

export type AnchorEdition = {
  sku: string;
  format:
    | 'cd'
    | 'vinyl'
    | 'cassette'
    | 'digital_audio'
    | 'dvd'
    | 'bluray'
    | 'uhd_bluray'
    | 'digital_video'
    | 'game_disc'
    | 'game_cartridge'
    | 'game_digital';
  name?: string;
  catalogNumber?: string;
  discCount?: number;
  packaging?: string;
  vinylWeightGrams?: number;
  vinylSpeedRpm?: number;
  vinylColour?: string;
  regionCode?: string;
  audioLanguages?: string[];
  subtitleLanguages?: string[];
  platform?: string;
  priceMinor: number;
  /** Units in stock for physical editions; digital editions always have 0. */
  stock: number;
  /** Makes the edition rentable at this price. */
  rentalPriceMinor?: number;
};

export type AnchorProduct = {
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle?: string;
  description: string;
  /** A fixed date, or a number of days after the seed's `today` (pre-orders). */
  releaseDate: string | { daysFromToday: number };
  label: string;
  ageRating: string | null;
  genres: string[];
  credits: AnchorCredit[];
  /** Track or episode titles and durations in seconds, in order. */
  tracks: [string, number][];
  /** How positions are printed: vinyl sides (A1…), plain numbers, or episodes (S01E01…). */
  positions: 'sides' | 'numbers' | 'episodes';
  /** How many of the first tracks carry a preview clip. */
  previews: number;
  /** 0–1: drives the demo sales history, so that some anchors are best sellers. */
  popularity: number;
  galleryImages: number;
  editions: AnchorEdition[];
};

export const ANCHOR_PEOPLE: readonly AnchorPerson[] = [
  {
    name: 'Marlow Vance',
    bio: 'Marlow Vance is an English synth-pop songwriter and producer whose records blend drum machines, harbour-town melancholy and big pop choruses.',
  },
  {
    name: 'Ines Albrecht',
    bio: 'Ines Albrecht is a German-born director and screenwriter known for patient, luminous family dramas.',
  },
  { name: 'Theo Lindqvist' },
  { name: 'Clara Whitfield' },
  { name: 'Julian Harrow' },
  { name: 'Nadia Okafor' },
  { name: 'Bastian Moreau' },
  { name: 'Stellan Marsh', bio: 'Stellan Marsh is a composer of film and television scores.' },
  { name: 'Maren Sorensen', bio: 'Maren Sorensen is a screenwriter and showrunner.' },
  { name: 'Desmond Keane' },
  { name: 'Rowan Ashdown' },
  { name: 'Imogen Pryce' },
  { name: 'Kofi Adeyemi' },
  { name: 'Greta Holm' },
  {
    name: 'Blue Comet Studio',
    bio: 'Blue Comet Studio is an independent game developer specialising in tactics games.',
  },
  { name: 'Halcyon Interactive', bio: 'Halcyon Interactive publishes strategy and role-playing games.' },
  { name: 'Ada Quill' },
  {
    name: 'Lin Yue',
    originalName: '林月',
    bio: 'Lin Yue is a Mandopop singer-songwriter celebrated for her moonlit ballads.',
  },
  { name: 'Chen Zhiyuan', originalName: '陈志远' },
  {
    name: 'Kenji Morita',
    originalName: '森田健二',
    bio: 'Kenji Morita is a Japanese film director whose quiet dramas are set in small railway towns.',
  },
  { name: 'Haruka Aoki', originalName: '青木遥' },
  { name: 'Ryo Nishimura', originalName: '西村涼' },
  { name: 'Sayuri Kondo', originalName: '近藤小百合' },
  { name: 'Park Seo-yeon', originalName: '박서연', bio: 'Park Seo-yeon is a South Korean television director.' },
  { name: 'Han Ji-ho', originalName: '한지호' },
  { name: 'Kang Min-jun', originalName: '강민준' },
  { name: 'Yoon Ha-eun', originalName: '윤하은' },
  { name: 'Rosalind Tate', bio: 'Rosalind Tate is an American director of intimate romantic dramas.' },
  { name: 'Elena Castellano' },
  { name: 'Hugo Fairweather' },
];

export const ANCHOR_PRODUCTS: readonly AnchorProduct[] = [
  {
    slug: 'neon-harbour',
    kind: 'album',
    title: 'Neon Harbour',
    description:
      'Neon Harbour is the album that made Marlow Vance a star: ten glistening synth-pop songs about night ferries, sodium lights and the people who wait on the pier. Drum machines and chiming guitars carry choruses that still sound huge. This edition is newly remastered from the original tapes.',
    releaseDate: '1984-06-15',
    label: 'Lanternfish Records',
    ageRating: null,
    genres: ['electronic', 'pop'],
    credits: [
      { name: 'Marlow Vance', role: 'artist' },
      { name: 'Marlow Vance', role: 'producer' },
      { name: 'Ada Quill', role: 'producer' },
    ],
    tracks: [
      ['Neon Harbour', 262],
      ['Lanternfish', 228],
      ['Tide Tables', 301],
      ['Night Ferry to Nowhere', 274],
      ['Chrome & Salt', 215],
      ['Signal Lights', 247],
      ['Undertow Dancing', 289],
      ['Harbour Master', 236],
      ['Breakwater', 318],
      ['Last Light on the Pier', 355],
    ],
    positions: 'sides',
    previews: 3,
    popularity: 0.97,
    galleryImages: 2,
    editions: [
      {
        sku: 'NEON-HARBOUR-CD',
        format: 'cd',
        name: 'Remastered',
        catalogNumber: 'LFR-0423',
        discCount: 1,
        packaging: 'jewel case',
        priceMinor: 1299,
        stock: 24,
      },
      {
        sku: 'NEON-HARBOUR-VINYL',
        format: 'vinyl',
        name: '180 g Black Vinyl',
        catalogNumber: 'LFR-0423LP',
        discCount: 1,
        packaging: 'gatefold sleeve',
        vinylWeightGrams: 180,
        vinylSpeedRpm: 33,
        vinylColour: 'black',
        priceMinor: 2899,
        stock: 12,
      },
      { sku: 'NEON-HARBOUR-DIGITAL', format: 'digital_audio', name: 'FLAC + MP3', priceMinor: 1099, stock: 0 },
    ],
  },
  {
    slug: 'the-cartographers-daughter',
    kind: 'film',
    title: "The Cartographer's Daughter",
    description:
      'When her estranged father, a celebrated mapmaker, goes missing on the Baltic coast, Edda Lind follows the annotations in his last unfinished atlas. Ines Albrecht directs with patience and a sharp eye for small gestures. Includes a commentary by the director and a behind-the-scenes featurette.',
    releaseDate: '2019-10-04',
    label: 'Northlight Pictures',
    ageRating: 'PG-13',
    genres: ['drama'],
    credits: [
      { name: 'Ines Albrecht', role: 'director' },
      { name: 'Ines Albrecht', role: 'writer' },
      { name: 'Theo Lindqvist', role: 'writer' },
      { name: 'Clara Whitfield', role: 'cast', character: 'Edda Lind' },
      { name: 'Julian Harrow', role: 'cast', character: 'Anders Lind' },
      { name: 'Nadia Okafor', role: 'cast', character: 'Ruth Adler' },
      { name: 'Bastian Moreau', role: 'cast', character: 'The Harbourmaster' },
      { name: 'Stellan Marsh', role: 'composer' },
    ],
    tracks: [],
    positions: 'numbers',
    previews: 0,
    popularity: 0.85,
    galleryImages: 2,
    editions: [
      {
        sku: 'THE-CARTOGRAPHERS-DAUGHTER-DVD',
        format: 'dvd',
        name: 'Standard Edition',
        catalogNumber: 'NLP-1902',
        discCount: 1,
        packaging: 'keep case',
        regionCode: '2',
        audioLanguages: ['en', 'de'],
        subtitleLanguages: ['en', 'zh', 'fr'],
        priceMinor: 1299,
        stock: 18,
      },
      {
        sku: 'THE-CARTOGRAPHERS-DAUGHTER-BD',
        format: 'bluray',
        name: 'Standard Edition',
        catalogNumber: 'NLP-1902BD',
        discCount: 1,
        packaging: 'keep case',
        regionCode: 'B',
        audioLanguages: ['en', 'de'],
        subtitleLanguages: ['en', 'zh', 'fr'],
        priceMinor: 1999,
        stock: 9,
        rentalPriceMinor: 399,
      },
      {
        sku: 'THE-CARTOGRAPHERS-DAUGHTER-UHD',
        format: 'uhd_bluray',
        name: 'Collector’s Steelbook',
        catalogNumber: 'NLP-1902UHD',
        discCount: 1,
        packaging: 'steelbook',
        regionCode: 'ABC',
        audioLanguages: ['en', 'de'],
        subtitleLanguages: ['en', 'zh', 'fr', 'de', 'es'],
        priceMinor: 2999,
        stock: 5,
      },
      {
        sku: 'THE-CARTOGRAPHERS-DAUGHTER-DIGITAL',
        format: 'digital_video',
        name: 'HD Digital',
        audioLanguages: ['en', 'de'],
        subtitleLanguages: ['en', 'zh', 'fr'],
        priceMinor: 1499,
        stock: 0,
      },
    ],
  },
  {
    slug: 'northern-signal',
    kind: 'series',
    title: 'Northern Signal',
    description:
      'At a remote radio relay station above the Arctic Circle, an engineer picks up a distress call that was sent thirty years ago. Created by Maren Sorensen, the season unfolds over eight gripping episodes. The box set includes every episode plus cast interviews.',
    releaseDate: '2021-03-12',
    label: 'Meridian Pictures',
    ageRating: 'TV-14',
    genres: ['thriller', 'drama'],
    credits: [
      { name: 'Maren Sorensen', role: 'writer' },
      { name: 'Desmond Keane', role: 'director' },
      { name: 'Rowan Ashdown', role: 'cast', character: 'Signe Holt' },
      { name: 'Imogen Pryce', role: 'cast', character: 'Dr. Vera Lund' },
      { name: 'Kofi Adeyemi', role: 'cast', character: 'Tomas Berg' },
      { name: 'Clara Whitfield', role: 'cast', character: 'Agnes Holt' },
      { name: 'Stellan Marsh', role: 'composer' },
    ],
    tracks: [
      ['Static on the Line', 3120],
      ['The Relay Station', 2940],
      ['Whiteout', 3005],
      ['Call Sign', 2870],
      ['Dead Air', 3060],
      ['Aurora', 2915],
      ['The Listener', 3180],
      ['Signal Lost', 3420],
    ],
    positions: 'episodes',
    previews: 0,
    popularity: 0.8,
    galleryImages: 1,
    editions: [
      {
        sku: 'NORTHERN-SIGNAL-BD',
        format: 'bluray',
        name: 'Season 1 Box Set',
        catalogNumber: 'MRP-2103BD',
        discCount: 3,
        packaging: 'box set',
        regionCode: 'B',
        audioLanguages: ['en', 'no'],
        subtitleLanguages: ['en', 'no', 'sv', 'zh'],
        priceMinor: 3999,
        stock: 14,
      },
      {
        sku: 'NORTHERN-SIGNAL-DIGITAL',
        format: 'digital_video',
        name: 'Season 1 (HD)',
        audioLanguages: ['en'],
        subtitleLanguages: ['en', 'zh'],
        priceMinor: 1999,
        stock: 0,
      },
    ],
  },
  {
    slug: 'starfall-tactics',
    kind: 'game',
    title: 'Starfall Tactics',
    description:
      'Command a fleet of salvaged starships across a collapsing star cluster in a turn-based tactics game where every move counts. Developed by Blue Comet Studio, it rewards careful play without ever feeling punishing. Includes a code for the digital soundtrack.',
    releaseDate: '2023-09-21',
    label: 'Halcyon Interactive',
    ageRating: 'PEGI 12',
    genres: ['strategy'],
    credits: [
      { name: 'Blue Comet Studio', role: 'developer' },
      { name: 'Halcyon Interactive', role: 'publisher' },
      { name: 'Greta Holm', role: 'composer' },
    ],
    tracks: [],
    positions: 'numbers',
    previews: 0,
    popularity: 0.9,
    galleryImages: 2,
    editions: [
      {
        sku: 'STARFALL-TACTICS-PS5',
        format: 'game_disc',
        name: 'Standard Edition',
        catalogNumber: 'HAL-2301',
        packaging: 'keep case',
        platform: 'PlayStation 5',
        priceMinor: 5999,
        stock: 20,
      },
      {
        sku: 'STARFALL-TACTICS-SWITCH',
        format: 'game_cartridge',
        name: 'Standard Edition',
        catalogNumber: 'HAL-2302',
        packaging: 'keep case',
        platform: 'Nintendo Switch',
        priceMinor: 4999,
        stock: 15,
      },
      {
        sku: 'STARFALL-TACTICS-PC',
        format: 'game_digital',
        name: 'Digital Edition',
        platform: 'PC',
        priceMinor: 3999,
        stock: 0,
      },
    ],
  },
  {
    slug: 'moonlight-serenade',
    kind: 'album',
    title: 'Moonlight Serenade',
    originalTitle: '月光小夜曲',
    description:
      'Lin Yue’s fourth album is a set of moonlit Mandopop ballads, sung with warmth and restraint over piano, strings and brushed drums. Its title song became a karaoke staple from Taipei to Shanghai.',
    releaseDate: '2015-05-20',
    label: 'Jade Pavilion Music',
    ageRating: null,
    genres: ['c-pop', 'pop'],
    credits: [
      { name: 'Lin Yue', role: 'artist' },
      { name: 'Chen Zhiyuan', role: 'producer' },
      { name: 'Chen Zhiyuan', role: 'composer' },
    ],
    tracks: [
      ['月光小夜曲', 254],
      ['晚风', 231],
      ['海边的信', 268],
      ['旧时光', 242],
      ['不说再见', 275],
      ['星空下', 223],
      ['回家的路', 259],
      ['夏天的尾巴', 236],
      ['慢慢喜欢你', 281],
    ],
    positions: 'numbers',
    previews: 3,
    popularity: 0.75,
    galleryImages: 1,
    editions: [
      {
        sku: 'MOONLIGHT-SERENADE-CD',
        format: 'cd',
        catalogNumber: 'JPM-1505',
        discCount: 1,
        packaging: 'digipak',
        priceMinor: 1499,
        stock: 30,
      },
      { sku: 'MOONLIGHT-SERENADE-DIGITAL', format: 'digital_audio', name: 'FLAC + MP3', priceMinor: 999, stock: 0 },
    ],
  },
  {
    slug: 'rain-station',
    kind: 'film',
    title: 'Rain Station',
    originalTitle: '雨の駅',
    description:
      'Every evening a retired stationmaster waits on the platform of a small mountain station for a train that stopped running years ago. Kenji Morita’s quiet, rain-soaked drama is a film about memory, routine and unexpected kindness. Presented in a new restoration.',
    releaseDate: '1998-11-07',
    label: 'Hikari Films',
    ageRating: 'PG',
    genres: ['drama'],
    credits: [
      { name: 'Kenji Morita', role: 'director' },
      { name: 'Kenji Morita', role: 'writer' },
      { name: 'Ryo Nishimura', role: 'cast', character: 'Shigeo Hara' },
      { name: 'Haruka Aoki', role: 'cast', character: 'Mika' },
      { name: 'Sayuri Kondo', role: 'cast', character: 'Mrs. Hara' },
      { name: 'Haruka Aoki', role: 'composer' },
    ],
    tracks: [],
    positions: 'numbers',
    previews: 0,
    popularity: 0.6,
    galleryImages: 1,
    editions: [
      {
        sku: 'RAIN-STATION-DVD',
        format: 'dvd',
        catalogNumber: 'HKF-9811',
        discCount: 1,
        packaging: 'keep case',
        regionCode: '2',
        audioLanguages: ['ja'],
        subtitleLanguages: ['en', 'zh', 'ja'],
        priceMinor: 1199,
        stock: 7,
      },
      {
        sku: 'RAIN-STATION-BD',
        format: 'bluray',
        name: 'Restored Edition',
        catalogNumber: 'HKF-9811BD',
        discCount: 1,
        packaging: 'keep case',
        regionCode: 'A',
        audioLanguages: ['ja'],
        subtitleLanguages: ['en', 'zh', 'ja'],
        priceMinor: 1899,
        stock: 11,
      },
    ],
  },
  {
    slug: 'blue-night',
    kind: 'series',
    title: 'Blue Night',
    originalTitle: '푸른 밤',
    description:
      'A night-shift radio host in Busan and a lonely ferry mechanic fall for each other through the songs he requests every night at two in the morning. Across ten episodes, the series balances humour and heartbreak. The box set includes every episode of the season plus cast interviews.',
    releaseDate: '2020-09-04',
    label: 'Namsan Pictures',
    ageRating: 'TV-14',
    genres: ['romance', 'drama'],
    credits: [
      { name: 'Han Ji-ho', role: 'writer' },
      { name: 'Park Seo-yeon', role: 'director' },
      { name: 'Kang Min-jun', role: 'cast', character: 'Jung Tae-oh' },
      { name: 'Yoon Ha-eun', role: 'cast', character: 'Seo Yu-ri' },
    ],
    tracks: [
      ['첫 만남', 3480],
      ['비밀', 3390],
      ['엇갈린 마음', 3520],
      ['고백', 3310],
      ['폭풍전야', 3450],
      ['진실', 3560],
      ['재회', 3400],
      ['이별', 3380],
      ['새벽', 3470],
      ['약속', 3590],
    ],
    positions: 'episodes',
    previews: 0,
    popularity: 0.7,
    galleryImages: 1,
    editions: [
      {
        sku: 'BLUE-NIGHT-DVD',
        format: 'dvd',
        name: 'Season 1 Box Set',
        catalogNumber: 'NSP-2009',
        discCount: 4,
        packaging: 'box set',
        regionCode: '3',
        audioLanguages: ['ko'],
        subtitleLanguages: ['en', 'zh', 'ko'],
        priceMinor: 3499,
        stock: 8,
        rentalPriceMinor: 499,
      },
      {
        sku: 'BLUE-NIGHT-DIGITAL',
        format: 'digital_video',
        name: 'Season 1 (HD)',
        audioLanguages: ['ko'],
        subtitleLanguages: ['en', 'zh', 'ko'],
        priceMinor: 1799,
        stock: 0,
      },
    ],
  },
  {
    slug: 'afterglow-sessions',
    kind: 'album',
    title: 'Afterglow Sessions',
    description:
      'Marlow Vance’s first album in a decade revisits the harbour-town synth-pop of Neon Harbour with a live band and a string quartet. Recorded in four days at Lanternfish’s old studio. Pre-order now: it ships on release day.',
    releaseDate: { daysFromToday: 45 },
    label: 'Lanternfish Records',
    ageRating: null,
    genres: ['electronic', 'pop'],
    credits: [
      { name: 'Marlow Vance', role: 'artist' },
      { name: 'Ada Quill', role: 'producer' },
    ],
    tracks: [
      ['Afterglow', 284],
      ['Pier Lights (Live)', 301],
      ['Slow Ferry', 266],
      ['The Harbour Remembers', 322],
      ['Quartet for Sodium Lamps', 247],
      ['Breakwater, Again', 295],
      ['Lanternfish (Strings Version)', 238],
      ['Goodnight, Neon', 356],
    ],
    positions: 'numbers',
    previews: 0,
    popularity: 0.5,
    galleryImages: 0,
    editions: [
      {
        sku: 'AFTERGLOW-SESSIONS-CD',
        format: 'cd',
        catalogNumber: 'LFR-0611',
        discCount: 1,
        packaging: 'digipak',
        priceMinor: 1399,
        stock: 40,
      },
      {
        sku: 'AFTERGLOW-SESSIONS-VINYL',
        format: 'vinyl',
        name: 'Clear Vinyl LP',
        catalogNumber: 'LFR-0611LP',
        discCount: 1,
        packaging: 'gatefold sleeve',
        vinylWeightGrams: 180,
        vinylSpeedRpm: 33,
        vinylColour: 'clear',
        priceMinor: 3299,
        stock: 25,
      },
    ],
  },
  {
    slug: 'paper-lanterns',
    kind: 'film',
    title: 'Paper Lanterns',
    description:
      'Two strangers keep meeting at the same lantern festival, one night a year, for ten years. Rosalind Tate’s bittersweet romance became a word-of-mouth hit, and its first pressing sold out quickly.',
    releaseDate: '2011-02-11',
    label: 'Silver Birch Films',
    ageRating: 'PG-13',
    genres: ['romance', 'drama'],
    credits: [
      { name: 'Rosalind Tate', role: 'director' },
      { name: 'Rosalind Tate', role: 'writer' },
      { name: 'Elena Castellano', role: 'cast', character: 'Lucia' },
      { name: 'Hugo Fairweather', role: 'cast', character: 'Daniel' },
      { name: 'Nadia Okafor', role: 'cast', character: 'Mrs. Abara' },
      { name: 'Stellan Marsh', role: 'composer' },
    ],
    tracks: [],
    positions: 'numbers',
    previews: 0,
    popularity: 0.9,
    galleryImages: 0,
    editions: [
      {
        sku: 'PAPER-LANTERNS-DVD',
        format: 'dvd',
        catalogNumber: 'SBF-1102',
        discCount: 1,
        packaging: 'keep case',
        regionCode: '1',
        audioLanguages: ['en'],
        subtitleLanguages: ['en', 'es'],
        priceMinor: 999,
        stock: 0,
      },
      {
        sku: 'PAPER-LANTERNS-BD',
        format: 'bluray',
        catalogNumber: 'SBF-1102BD',
        discCount: 1,
        packaging: 'keep case',
        regionCode: 'A',
        audioLanguages: ['en'],
        subtitleLanguages: ['en', 'es', 'fr'],
        priceMinor: 1599,
        stock: 0,
      },
      {
        sku: 'PAPER-LANTERNS-DIGITAL',
        format: 'digital_video',
        name: 'HD Digital',
        audioLanguages: ['en'],
        subtitleLanguages: ['en', 'es'],
        priceMinor: 1299,
        stock: 0,
      },
    ],
  },
];
