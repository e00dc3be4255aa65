import type { EditorCredit, EditorEdition, ProductEditorData } from '@/lib/admin/catalog/types';
import type { EditionDraft, MediaDraft, TrackDraft } from '@/lib/admin/catalog/drafts';

/** The editor's state: the product as form text, each list item with a stable key for React and focus. */
type Keyed<T> = T & { key: string };
export type EditorEditionState = Keyed<EditorEdition>;
export type EditorTrackState = Keyed<TrackDraft>;
export type EditorCreditState = Keyed<EditorCredit>;
export type EditorMediaState = Keyed<MediaDraft & { thumbnailUrl?: string | null }>;

export type EditorState = Omit<ProductEditorData, 'editions' | 'tracks' | 'credits' | 'media'> & {
  editions: EditorEditionState[];
  tracks: EditorTrackState[];
  credits: EditorCreditState[];
  media: EditorMediaState[];
};

let counter = 0;
/** A key for an item added in the browser (initial items get deterministic keys, for hydration). */
export const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

export function toEditorState(data: ProductEditorData): EditorState {
  const keyed = <T>(prefix: string, items: T[]) => items.map((item, i) => ({ ...item, key: `${prefix}-${i}` }));
  return {
    ...data,
    editions: keyed('edition', data.editions),
    tracks: keyed('track', data.tracks),
    credits: keyed('credit', data.credits),
    media: keyed('media', data.media),
  };
}

export const emptyEdition = (format: string): EditorEditionState => ({
  key: newKey('edition'),
  id: null,
  sku: '',
  format,
  name: '',
  barcode: '',
  catalogNumber: '',
  discCount: '',
  packaging: '',
  vinylWeightGrams: '',
  vinylSpeedRpm: '',
  vinylColour: '',
  regionCode: '',
  audioLanguages: '',
  subtitleLanguages: '',
  platform: '',
  price: '',
  status: 'draft',
  releaseDate: '',
  rentable: false,
  rentalPrice: '',
  digital: format.startsWith('digital') || format === 'game_digital',
  availableFrom: '',
  availableUntil: '',
  territories: '',
  initialStock: '',
  stock: 0,
  locked: false,
});

export const emptyTrack = (position: string, discNumber = '1'): EditorTrackState => ({
  key: newKey('track'),
  position,
  discNumber,
  title: '',
  duration: '',
  previewUrl: '',
});

/** A new product's editor data. */
export function newProductData(): ProductEditorData {
  return {
    id: null,
    version: null,
    slug: '',
    kind: 'album',
    title: '',
    originalTitle: '',
    description: '',
    releaseDate: '',
    ageRating: '',
    label: '',
    status: 'draft',
    genreIds: [],
    editions: [],
    tracks: [],
    credits: [],
    media: [],
  };
}

/** Moves item `index` by `delta` places (−1 up, +1 down); the same list when it cannot move. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return list.slice();
  const next = list.slice();
  const [item] = next.splice(index, 1);
  if (item === undefined) return next;
  next.splice(target, 0, item);
  return next;
}

/** The next track position: "4" after "3", "A5" after "A4", "1-04" after "1-03"; else the count. */
export function nextPosition(tracks: readonly { position: string }[]): string {
  const last = tracks[tracks.length - 1]?.position ?? '';
  const match = /^(.*?)(\d+)$/.exec(last);
  if (!match) return String(tracks.length + 1);
  const [, prefix = '', digits = ''] = match;
  const number = String(Number(digits) + 1).padStart(digits.length, '0');
  return `${prefix}${number}`;
}

/** What the save action receives: the state without the browser-only keys and read-only facts. */
export function toDraftPayload(state: EditorState) {
  const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;
  return {
    ...state,
    editions: state.editions.map(
      ({ key: _key, stock: _stock, locked: _locked, ...edition }) => edition as EditionDraft,
    ),
    tracks: state.tracks.map(strip),
    credits: state.credits.map(({ key: _key, personName: _name, personSlug: _slug, ...credit }) => credit),
    media: state.media.map(({ key: _key, thumbnailUrl: _thumb, ...item }) => item),
  };
}
