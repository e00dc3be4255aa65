import type { Availability, EditionFormat, PriceRangeId, ProductKind } from './formats';
import type { credits, editions, media, people, products, tracks } from './schema';

/** The small, serializable shapes the storefront renders. Never whole rows. */

export type ProductCard = {
  id: number;
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle: string | null;
  year: number | null;
  credit: string | null;
  coverUrl: string | null;
  fromPriceMinor: number | null;
  preorder: boolean;
  inStock: boolean;
  /** An edition can be rented now (rentable, a rental price, a copy in service). */
  rentable: boolean;
};

export type FacetValue<T extends string | number = string> = {
  value: T;
  count: number;
  label?: string;
  labelZh?: string;
};

export type Facets = {
  formats: FacetValue<EditionFormat>[];
  genres: FacetValue<string>[];
  decades: FacetValue<number>[];
  prices: FacetValue<PriceRangeId>[];
  availability: FacetValue<Availability>[];
};

export type ProductList = {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  facets: Facets;
  /** For searches: a corrected query when the typed one looks misspelt. */
  didYouMean: string | null;
  /** For searches: true when nothing matched exactly and the results come from `didYouMean`. */
  corrected: boolean;
};

type Product = typeof products.$inferSelect;
type Edition = typeof editions.$inferSelect;
type Track = typeof tracks.$inferSelect;
type Credit = typeof credits.$inferSelect;
type Person = typeof people.$inferSelect;
type Media = typeof media.$inferSelect;

/** A sellable edition on the product page; `availableUntil` as the database prints it. */
export type EditionView = Pick<
  Edition,
  | 'id'
  | 'sku'
  | 'format'
  | 'name'
  | 'barcode'
  | 'catalogNumber'
  | 'discCount'
  | 'packaging'
  | 'vinylWeightGrams'
  | 'vinylSpeedRpm'
  | 'vinylColour'
  | 'regionCode'
  | 'audioLanguages'
  | 'subtitleLanguages'
  | 'platform'
  | 'priceMinor'
  | 'stock'
  | 'releaseDate'
  | 'rentable'
  | 'rentalPriceMinor'
  | 'digital'
  | 'territories'
> & { preorder: boolean; availableUntil: string | null };

export type TrackView = Pick<Track, 'id' | 'position' | 'discNumber' | 'title' | 'durationSeconds' | 'previewUrl'>;

export type CreditView = Pick<Credit, 'role' | 'character'> &
  Pick<Person, 'name' | 'originalName'> & { personSlug: Person['slug'] };

export type MediaView = Pick<Media, 'kind' | 'url' | 'alt' | 'width' | 'height'>;

export type ProductDetail = Pick<
  Product,
  'id' | 'slug' | 'kind' | 'title' | 'originalTitle' | 'description' | 'releaseDate' | 'ageRating' | 'label'
> & {
  genres: { slug: string; name: string; nameZh: string }[];
  editions: EditionView[];
  tracks: TrackView[];
  credits: CreditView[];
  media: MediaView[];
  moreBy: { person: { slug: string; name: string }; items: ProductCard[] } | null;
  updatedAt: string;
};

export type PersonDetail = {
  slug: string;
  name: string;
  originalName: string | null;
  bio: string | null;
  roles: { role: string; items: ProductCard[] }[];
};

export type HomeRails = {
  newReleases: ProductCard[];
  comingSoon: ProductCard[];
  bestSellers: ProductCard[];
  byKind: { kind: ProductKind; items: ProductCard[] }[];
};
