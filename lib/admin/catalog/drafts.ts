/**
 * The product editor's form state, all text as typed (the CSV import builds the same shapes), and
 * the limits and field-error shape the checks in ./validation.ts share. Pure data and types: the
 * editor's client components read them.
 */

export const LIMITS = {
  editions: 50,
  tracks: 500,
  credits: 200,
  genres: 20,
  gallery: 20,
  priceMinor: 100_000_000,
  initialStock: 1_000_000,
} as const;

/** Field errors by path ("title", "editions.0.sku", "tracks.3.duration") → message key. */
export type FieldErrors = Record<string, string>;

export type EditionDraft = {
  id: number | null;
  sku: string;
  format: string;
  name: string;
  barcode: string;
  catalogNumber: string;
  discCount: string;
  packaging: string;
  vinylWeightGrams: string;
  vinylSpeedRpm: string;
  vinylColour: string;
  regionCode: string;
  audioLanguages: string;
  subtitleLanguages: string;
  platform: string;
  price: string;
  status: string;
  releaseDate: string;
  rentable: boolean;
  rentalPrice: string;
  digital: boolean;
  availableFrom: string;
  availableUntil: string;
  territories: string;
  /** Only for a new edition: written to the stock ledger as an `initial` movement. */
  initialStock: string;
};

export type TrackDraft = {
  position: string;
  discNumber: string;
  title: string;
  duration: string;
  previewUrl: string;
};

export type CreditDraft = { personId: number; role: string; character: string };

export type MediaDraft = { kind: string; url: string; alt: string; width: number | null; height: number | null };

export type ProductDraft = {
  id: number | null;
  /** updated_at of the product when the editor loaded it: a save over someone else's change is refused. */
  version: string | null;
  slug: string;
  kind: string;
  title: string;
  originalTitle: string;
  description: string;
  releaseDate: string;
  ageRating: string;
  label: string;
  status: string;
  genreIds: number[];
  editions: EditionDraft[];
  tracks: TrackDraft[];
  credits: CreditDraft[];
  media: MediaDraft[];
};
