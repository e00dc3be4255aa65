/** Product kinds, their browse paths and the formats each kind is sold in. Pure data, no I/O. */

export const PRODUCT_KINDS = ['album', 'film', 'series', 'game'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Whether a product or edition is shown: the publication_status enum's values. */
export const PUBLICATION_STATUSES = ['draft', 'active', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** What a person did on a product: the credit_role enum's values. */
export const CREDIT_ROLES = [
  'artist',
  'composer',
  'producer',
  'director',
  'writer',
  'cast',
  'developer',
  'publisher',
] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** A product's pictures and clips: the media_kind enum's values. */
export const MEDIA_KINDS = ['cover', 'gallery', 'trailer'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Browse sections as they appear in URLs (/music, /film, /tv, /games). */
export const BROWSE_SECTIONS = {
  music: 'album',
  film: 'film',
  tv: 'series',
  games: 'game',
} as const satisfies Record<string, ProductKind>;
export type BrowseSection = keyof typeof BROWSE_SECTIONS;

export function sectionForKind(kind: ProductKind): BrowseSection {
  return (Object.keys(BROWSE_SECTIONS) as BrowseSection[]).find((s) => BROWSE_SECTIONS[s] === kind)!;
}

export function isBrowseSection(value: string): value is BrowseSection {
  return Object.hasOwn(BROWSE_SECTIONS, value);
}

export const EDITION_FORMATS = [
  'cd',
  'vinyl',
  'cassette',
  'digital_audio',
  'dvd',
  'bluray',
  'uhd_bluray',
  'digital_video',
  'game_disc',
  'game_cartridge',
  'game_digital',
] as const;
export type EditionFormat = (typeof EDITION_FORMATS)[number];

export const FORMATS_BY_KIND: Record<ProductKind, readonly EditionFormat[]> = {
  album: ['cd', 'vinyl', 'cassette', 'digital_audio'],
  film: ['dvd', 'bluray', 'uhd_bluray', 'digital_video'],
  series: ['dvd', 'bluray', 'uhd_bluray', 'digital_video'],
  game: ['game_disc', 'game_cartridge', 'game_digital'],
};

export const AVAILABILITIES = ['in_stock', 'preorder', 'rentable'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Price ranges of the price facet, in major units of the store currency; `max` is exclusive. */
export const PRICE_RANGES = [
  { id: '0-10', min: 0, max: 10 },
  { id: '10-20', min: 10, max: 20 },
  { id: '20-30', min: 20, max: 30 },
  { id: '30-50', min: 30, max: 50 },
  { id: '50-', min: 50, max: null },
] as const;
export type PriceRangeId = (typeof PRICE_RANGES)[number]['id'];

export const SORTS = ['newest', 'price_asc', 'price_desc', 'title', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

export const PAGE_SIZE = 24;
