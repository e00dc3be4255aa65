/**
 * The CSV format of products and editions: one row per edition, the product's columns repeated on
 * each of its rows. Export writes every column; an import may leave columns out (they then keep
 * their current values) but needs `slug` and `sku`, which match rows to existing products and
 * editions. Pure: shared by the export route, the import and the browser's import preview.
 */

export const PRODUCT_COLUMNS = [
  'slug',
  'kind',
  'title',
  'original_title',
  'description',
  'release_date',
  'label',
  'age_rating',
  'status',
  'genres',
] as const;

export const EDITION_COLUMNS = [
  'sku',
  'format',
  'edition_name',
  'barcode',
  'catalog_number',
  'disc_count',
  'packaging',
  'vinyl_weight_grams',
  'vinyl_speed_rpm',
  'vinyl_colour',
  'region_code',
  'audio_languages',
  'subtitle_languages',
  'platform',
  'currency',
  'price',
  'edition_status',
  'edition_release_date',
  'rentable',
  'rental_price',
  'digital',
  'available_from',
  'available_until',
  'territories',
  'stock',
] as const;

export const CSV_COLUMNS = [...PRODUCT_COLUMNS, ...EDITION_COLUMNS] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type EditionColumn = (typeof EDITION_COLUMNS)[number];
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns an import file must have. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['slug', 'sku'];

/** Product fields (as the validation schema names them) ⇄ CSV columns. */
export const PRODUCT_FIELD_COLUMNS = {
  slug: 'slug',
  kind: 'kind',
  title: 'title',
  originalTitle: 'original_title',
  description: 'description',
  releaseDate: 'release_date',
  label: 'label',
  ageRating: 'age_rating',
  status: 'status',
} as const satisfies Record<string, ProductColumn>;

/** Edition fields ⇄ CSV columns. */
export const EDITION_FIELD_COLUMNS = {
  sku: 'sku',
  format: 'format',
  name: 'edition_name',
  barcode: 'barcode',
  catalogNumber: 'catalog_number',
  discCount: 'disc_count',
  packaging: 'packaging',
  vinylWeightGrams: 'vinyl_weight_grams',
  vinylSpeedRpm: 'vinyl_speed_rpm',
  vinylColour: 'vinyl_colour',
  regionCode: 'region_code',
  audioLanguages: 'audio_languages',
  subtitleLanguages: 'subtitle_languages',
  platform: 'platform',
  price: 'price',
  status: 'edition_status',
  releaseDate: 'edition_release_date',
  rentable: 'rentable',
  rentalPrice: 'rental_price',
  digital: 'digital',
  availableFrom: 'available_from',
  availableUntil: 'available_until',
  territories: 'territories',
  initialStock: 'stock',
} as const satisfies Record<string, EditionColumn>;

/** Header cells normalised: "Original Title " → "original_title". */
export function normalizeHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula
 * (https://owasp.org/www-community/attacks/CSV_Injection): export prefixes such text with an
 * apostrophe, and import removes exactly that apostrophe again, so a round trip is lossless.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Lists in cells are separated by semicolons: "en;fr;zh-Hans". */
export const joinList = (items: readonly string[]) => items.join(';');

/** "true"/"false", and on import also yes/no, y/n, 1/0 (empty is false). */
export function parseBoolean(value: string): boolean | undefined {
  const normalized = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(normalized)) return true;
  if (['false', 'no', 'n', '0', ''].includes(normalized)) return false;
  return undefined;
}

export type HeaderMap = {
  /** Column name → index in the row, for the known columns present. */
  index: Partial<Record<CsvColumn, number>>;
  unknown: string[];
  missing: CsvColumn[];
  duplicate: string[];
};

/** Reads a header row: which known columns are where, and which are unknown, missing or repeated. */
export function readHeader(cells: readonly string[]): HeaderMap {
  const index: Partial<Record<CsvColumn, number>> = {};
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (!name) return;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) unknown.push(cell.trim());
    else if (index[name as CsvColumn] !== undefined) duplicate.push(name);
    else index[name as CsvColumn] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((column) => index[column] === undefined);
  return { index, unknown, missing, duplicate };
}

/** The cells of a row by column (only the columns the header has), formula escaping undone. */
export function readRow(header: HeaderMap, cells: readonly string[]): Partial<Record<CsvColumn, string>> {
  const out: Partial<Record<CsvColumn, string>> = {};
  for (const [column, i] of Object.entries(header.index) as [CsvColumn, number][]) {
    out[column] = unescapeFormula(cells[i] ?? '');
  }
  return out;
}

/**
 * Rows grouped by product slug, in file order (rows of one product need not be adjacent). The
 * import applies each group all or nothing; the browser splits a file into batches of whole groups.
 */
export function groupBySlug<T extends { slug: string }>(rows: readonly T[]): [T, ...T[]][] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const row of rows) {
    const key = row.slug.trim().toLowerCase();
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return Array.from(groups.values());
}

/**
 * Splits a file's rows into import batches of at most about `maxRows` rows, never splitting a
 * product (all rows with one slug go in the same batch, so each product is saved all or nothing).
 */
export function importBatches<T extends { cells: readonly string[] }>(
  headerCells: readonly string[],
  rows: readonly T[],
  maxRows = 500,
): T[][] {
  const slugIndex = readHeader(headerCells).index.slug ?? -1;
  const groups = groupBySlug(rows.map((row) => ({ row, slug: row.cells[slugIndex] ?? '' })));
  const batches: T[][] = [];
  let current: T[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > maxRows) {
      batches.push(current);
      current = [];
    }
    current.push(...group.map((entry) => entry.row));
  }
  if (current.length) batches.push(current);
  return batches;
}
