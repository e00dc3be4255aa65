import type { ExportEdition, ExportProduct } from './export-fields';
import {
  CSV_COLUMNS,
  type CsvColumn,
  type EditionColumn,
  escapeFormula,
  joinList,
  type ProductColumn,
} from './csv-columns';
import { formatMoneyInput } from './field-parsers';

/**
 * The export's side of the CSV format (./csv-columns.ts): a product's and an edition's cells as
 * text, and a row of them in column order. Pure: the import compares a file's cells with these.
 */

/** A timestamp as the export writes it: 2025-01-31T18:00:00Z. */
export function formatMoment(value: Date | string | null): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const str = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A product's cells as plain text (before formula escaping), by column. */
export function productCells(product: ExportProduct): Record<ProductColumn, string> {
  return {
    slug: product.slug,
    kind: product.kind,
    title: product.title,
    original_title: str(product.originalTitle),
    description: product.description,
    release_date: str(product.releaseDate),
    label: str(product.label),
    age_rating: str(product.ageRating),
    status: product.status,
    genres: joinList(product.genres),
  };
}

/** An edition's cells as plain text, by column; prices in major units of `currency`. */
export function editionCells(
  edition: ExportEdition,
  currency: string,
  minorPerMajor: number,
): Record<EditionColumn, string> {
  return {
    sku: edition.sku,
    format: edition.format,
    edition_name: str(edition.name),
    barcode: str(edition.barcode),
    catalog_number: str(edition.catalogNumber),
    disc_count: str(edition.discCount),
    packaging: str(edition.packaging),
    vinyl_weight_grams: str(edition.vinylWeightGrams),
    vinyl_speed_rpm: str(edition.vinylSpeedRpm),
    vinyl_colour: str(edition.vinylColour),
    region_code: str(edition.regionCode),
    audio_languages: joinList(edition.audioLanguages),
    subtitle_languages: joinList(edition.subtitleLanguages),
    platform: str(edition.platform),
    currency,
    price: formatMoneyInput(edition.priceMinor, minorPerMajor),
    edition_status: edition.status,
    edition_release_date: str(edition.releaseDate),
    rentable: String(edition.rentable),
    rental_price: formatMoneyInput(edition.rentalPriceMinor, minorPerMajor),
    digital: String(edition.digital),
    available_from: formatMoment(edition.availableFrom),
    available_until: formatMoment(edition.availableUntil),
    territories: joinList(edition.territories),
    stock: String(edition.stock),
  };
}

/** One export row, in CSV_COLUMNS order, with formula escaping. */
export function exportRow(product: Record<ProductColumn, string>, edition: Record<EditionColumn, string>): string[] {
  const cells: Record<CsvColumn, string> = { ...product, ...edition };
  return CSV_COLUMNS.map((column) => escapeFormula(cells[column]));
}
