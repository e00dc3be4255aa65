import 'server-only';
import { FORMATS_BY_KIND } from '@/lib/catalog/formats';
import {
  type CsvColumn,
  EDITION_COLUMNS,
  EDITION_FIELD_COLUMNS,
  type EditionColumn,
  parseBoolean,
} from './csv-columns';
import { editionCells } from './csv-cells';
import type { ExistingEdition, ExistingProduct } from './import-existing';
import type { Action, ProductFields, RowPlan } from './import-rows';
import type { ImportIssue } from './types';
import type { EditionDraft } from './drafts';
import { editionSchema } from './part-schemas';
import type { EditionInput } from './validation';

/**
 * The CSV import's check of one row's edition against the catalog (a step of planRows in
 * ./import-plan.ts): what the row would create or update, and its problems. Reads, never writes.
 */

/** A row of the file, its cells read by column. */
export type ImportRecord = { line: number; cells: Partial<Record<CsvColumn, string>>; slug: string; width: number };

/** What the steps of one planRows call share: the file's columns, where problems go, the store's currency. */
export type PlanContext = {
  has: (column: CsvColumn) => boolean;
  addError: (line: number, column: CsvColumn | null, message: string, params?: Record<string, string>) => void;
  warnings: ImportIssue[];
  currency: string;
  minorPerMajor: number;
};

const EMPTY_EDITION = Object.fromEntries(EDITION_COLUMNS.map((c) => [c, ''])) as Record<EditionColumn, string>;
const EDITION_COLUMN_OF = EDITION_FIELD_COLUMNS as Record<string, CsvColumn>;

function draftOf(cells: Record<EditionColumn, string>, id: number | null, initialStock: string): EditionDraft {
  return {
    id,
    sku: cells.sku,
    format: cells.format,
    name: cells.edition_name,
    barcode: cells.barcode,
    catalogNumber: cells.catalog_number,
    discCount: cells.disc_count,
    packaging: cells.packaging,
    vinylWeightGrams: cells.vinyl_weight_grams,
    vinylSpeedRpm: cells.vinyl_speed_rpm,
    vinylColour: cells.vinyl_colour,
    regionCode: cells.region_code,
    audioLanguages: cells.audio_languages,
    subtitleLanguages: cells.subtitle_languages,
    platform: cells.platform,
    price: cells.price,
    status: cells.edition_status,
    releaseDate: cells.edition_release_date,
    rentable: parseBoolean(cells.rentable) ?? false,
    rentalPrice: cells.rental_price,
    digital: parseBoolean(cells.digital) ?? false,
    availableFrom: cells.available_from,
    availableUntil: cells.available_until,
    territories: cells.territories,
    initialStock,
  };
}

/** Comparable form of a validated edition (what an update would write). */
const editionKey = ({ id: _id, initialStock: _stock, ...rest }: EditionInput) =>
  JSON.stringify({
    ...rest,
    availableFrom: rest.availableFrom?.getTime(),
    availableUntil: rest.availableUntil?.getTime(),
  });

/**
 * What one row would do to its edition: the edition's current cells (when the SKU is already this
 * product's) overlaid with the row's columns, validated, and compared with what is stored. A SKU of
 * another product, a currency other than the store's, a format of another kind and a barcode of
 * another edition are errors; a changed stock of an existing edition is a warning (stock is not
 * imported over existing editions).
 */
export function planEditionRow(
  ctx: PlanContext,
  record: ImportRecord,
  existing: ExistingProduct | null,
  fields: ProductFields | null,
  catalog: { editionsBySku: Map<string, ExistingEdition>; barcodeOwners: Map<string, string> },
): RowPlan {
  const { has, addError, currency, minorPerMajor } = ctx;
  const sku = (record.cells.sku ?? '').trim();
  const found = catalog.editionsBySku.get(sku.toUpperCase());
  if (found && (!existing || found.productId !== existing.id)) {
    addError(record.line, 'sku', 'skuTaken', { slug: found.productSlug });
  }
  const own = found && existing && found.productId === existing.id ? found : null;
  const baseCells = own ? editionCells(own, currency, minorPerMajor) : EMPTY_EDITION;
  const cells = { ...baseCells };
  for (const column of EDITION_COLUMNS) if (has(column)) cells[column] = record.cells[column] ?? '';
  if (!own && !cells.edition_status.trim()) cells.edition_status = 'draft';
  if (has('currency') && cells.currency.trim() && cells.currency.trim().toUpperCase() !== currency) {
    addError(record.line, 'currency', 'currencyMismatch', { currency });
  }
  for (const column of ['rentable', 'digital'] as const) {
    if (parseBoolean(cells[column]) === undefined) addError(record.line, column, 'booleanInvalid');
  }
  let initialStock = '';
  if (own) {
    const stock = cells.stock.trim();
    if (has('stock') && stock !== '' && stock !== String(own.stock)) {
      ctx.warnings.push({ line: record.line, column: 'stock', message: 'stockIgnored' });
    }
  } else {
    initialStock = cells.stock;
  }
  const parsedEdition = editionSchema(minorPerMajor).safeParse(draftOf(cells, own?.id ?? null, initialStock));
  if (!parsedEdition.success) {
    for (const issue of parsedEdition.error.issues) {
      const column = EDITION_COLUMN_OF[String(issue.path[0])] ?? null;
      addError(record.line, column, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid');
    }
    return { line: record.line, slug: record.slug, sku, edition: null };
  }
  const input = parsedEdition.data;
  if (fields && !FORMATS_BY_KIND[fields.kind].includes(input.format)) {
    addError(record.line, 'format', 'formatWrongKind');
  }
  if (input.barcode) {
    const owner = catalog.barcodeOwners.get(input.barcode);
    if (owner !== undefined && owner !== input.sku) addError(record.line, 'barcode', 'barcodeTaken');
  }
  let action: Action = 'create';
  if (own) {
    const before = editionSchema(minorPerMajor).safeParse(draftOf(baseCells, own.id, ''));
    action = before.success && editionKey(before.data) === editionKey(input) ? 'unchanged' : 'update';
  }
  return {
    line: record.line,
    slug: record.slug,
    sku: input.sku,
    edition: { action, input, existingId: own?.id ?? null },
  };
}
