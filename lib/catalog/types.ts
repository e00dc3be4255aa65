import type { Availability, EditionFormat, PriceRangeId, ProductKind } from './formats';

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
  rentable: boolean;
  digital: boolean;
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

export type EditionView = {
  id: number;
  sku: string;
  format: EditionFormat;
  name: string | null;
  barcode: string | null;
  catalogNumber: string | null;
  discCount: number | null;
  packaging: string | null;
  vinylWeightGrams: number | null;
  vinylSpeedRpm: number | null;
  vinylColour: string | null;
  regionCode: string | null;
  audioLanguages: string[];
  subtitleLanguages: string[];
  platform: string | null;
  priceMinor: number;
  stock: number;
  releaseDate: string | null;
  preorder: boolean;
  rentable: boolean;
  rentalPriceMinor: number | null;
  digital: boolean;
  availableUntil: string | null;
  territories: string[];
};

export type TrackView = {
  id: number;
  position: string;
  discNumber: number;
  title: string;
  durationSeconds: number | null;
  previewUrl: string | null;
};

export type CreditView = {
  personSlug: string;
  name: string;
  originalName: string | null;
  role: string;
  character: string | null;
};

export type MediaView = {
  kind: 'cover' | 'gallery' | 'trailer';
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
};

export type ProductDetail = {
  id: number;
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle: string | null;
  description: string;
  releaseDate: string | null;
  ageRating: string | null;
  label: string | null;
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
