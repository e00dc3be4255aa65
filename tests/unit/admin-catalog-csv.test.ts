import { describe, expect, it } from 'vitest';
import { noEditionDetails } from '@/db/seed/catalog';
import { CsvSyntaxError, parseCsv, serializeCsv, UTF8_BOM } from '@/lib/admin/catalog/csv';
import {
  CSV_COLUMNS,
  escapeFormula,
  groupBySlug,
  parseBoolean,
  readHeader,
  readRow,
  unescapeFormula,
} from '@/lib/admin/catalog/csv-columns';
import { editionCells, exportRow, productCells } from '@/lib/admin/catalog/csv-cells';
import type { ExportEdition, ExportProduct } from '@/lib/admin/catalog/export-fields';
import { must } from '@/lib/must';

const cellsOf = (text: string) => parseCsv(text).map((record) => record.cells);

describe('CSV (RFC 4180)', () => {
  it('round-trips quotes, commas, line breaks, CJK, emoji and empty cells', () => {
    const rows = [
      ['slug', 'title', 'description', 'empty', 'number'],
      ['a', 'He said "hi", then left', 'line one\nline two\r\nline three', '', '12.99'],
      ['b', '月光小夜曲', 'こんにちは, 세계', '', '0'],
      ['c', '"', ',', '\r', ' leading and trailing '],
      ['d', 'emoji 🎵🎬', 'tab\there', '""', '-5'],
    ];
    const text = serializeCsv(rows, { bom: true });
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(cellsOf(text)).toEqual(rows);
    expect(cellsOf(serializeCsv(rows))).toEqual(rows);
  });

  it('quotes only what needs quoting and doubles quotes', () => {
    expect(serializeCsv([['plain', 'a,b', 'say "x"', 'two\nlines', '']])).toBe(
      'plain,"a,b","say ""x""","two\nlines",\r\n',
    );
  });

  it('reads LF, CRLF and lone CR line endings, skips blank lines and a trailing newline', () => {
    expect(cellsOf('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('a,b\r\n\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('a,,\n,,')).toEqual([
      ['a', '', ''],
      ['', '', ''],
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const records = parseCsv(`${UTF8_BOM}h1,h2\n"x\ny",1\nz,2\n`);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[0]?.cells).toEqual(['h1', 'h2']);
  });

  it('refuses an unterminated quote and a quote inside an unquoted field, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\nc,d\ne,"f"g\n');
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as CsvSyntaxError).reason).toBe('quoteInField');
    }
    expect(() => parseCsv('a,b"c\n')).toThrow(CsvSyntaxError);
  });

  it('parses a large file quickly', () => {
    const row = ['some-slug', 'album', 'A title, with a comma', 'Multi\nline', '2020-01-01', '12.99'];
    const text = serializeCsv(Array.from({ length: 20_000 }, () => row));
    const started = performance.now();
    const records = parseCsv(text);
    expect(records).toHaveLength(20_000);
    expect(records[19_999]?.cells).toEqual(row);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('catalog columns', () => {
  const product: ExportProduct = {
    slug: 'moonlight-serenade',
    kind: 'album',
    title: '=HYPERLINK("http://evil")',
    originalTitle: '月光小夜曲',
    description: 'Line 1\nLine 2, with "quotes"',
    releaseDate: '1999-04-01',
    label: null,
    ageRating: null,
    status: 'active',
    genres: ['jazz', 'pop'],
  };
  const edition: ExportEdition = {
    sku: 'MOON-CD',
    format: 'cd',
    name: null,
    barcode: '0123456789012',
    ...noEditionDetails(),
    discCount: 1,
    subtitleLanguages: ['en', 'zh-Hans'],
    priceMinor: 1299,
    status: 'active',
    releaseDate: null,
    rentable: false,
    rentalPriceMinor: null,
    digital: false,
    availableFrom: new Date('2024-01-01T00:00:00Z'),
    availableUntil: null,
    territories: ['GB', 'US'],
    stock: 7,
  };

  it('exports every column, escapes formulas, and reads back what it wrote', () => {
    const row = exportRow(productCells(product), editionCells(edition, 'USD', 100));
    expect(row).toHaveLength(CSV_COLUMNS.length);
    const header = readHeader([...CSV_COLUMNS]);
    expect(header.missing).toEqual([]);
    const text = serializeCsv([[...CSV_COLUMNS], row], { bom: true });
    const back = must(parseCsv(text)[1], 'the row read back');
    const cells = readRow(header, back.cells);
    expect(back.cells[CSV_COLUMNS.indexOf('title')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(cells.title).toBe(product.title);
    expect(cells.original_title).toBe('月光小夜曲');
    expect(cells.description).toBe(product.description);
    expect(cells.price).toBe('12.99');
    expect(cells.currency).toBe('USD');
    expect(cells.genres).toBe('jazz;pop');
    expect(cells.subtitle_languages).toBe('en;zh-Hans');
    expect(cells.available_from).toBe('2024-01-01T00:00:00Z');
    expect(cells.available_until).toBe('');
    expect(cells.stock).toBe('7');
    expect(cells.rentable).toBe('false');
  });

  it('only undoes the apostrophe it added', () => {
    for (const value of ['=1+1', '+44', '-5', '@cmd', "'quoted", 'plain', "it's"]) {
      expect(unescapeFormula(escapeFormula(value))).toBe(value);
    }
    expect(unescapeFormula("'plain")).toBe("'plain");
  });

  it('reads headers loosely and reports unknown, missing and repeated columns', () => {
    const header = readHeader(['Slug', ' Original Title ', 'SKU', 'colour', 'sku']);
    expect(header.index).toMatchObject({ slug: 0, original_title: 1, sku: 2 });
    expect(header.unknown).toEqual(['colour']);
    expect(header.duplicate).toEqual(['sku']);
    expect(readHeader(['title']).missing).toEqual(['slug', 'sku']);
  });

  it('groups rows by slug in file order, case-insensitively', () => {
    const groups = groupBySlug([
      { slug: 'a', n: 1 },
      { slug: 'b', n: 2 },
      { slug: 'A ', n: 3 },
    ]);
    expect(groups.map((g) => g.map((r) => r.n))).toEqual([[1, 3], [2]]);
  });

  it('reads booleans', () => {
    expect(['true', 'YES', 'y', '1'].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'no', 'N', '0', ''].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect(parseBoolean('maybe')).toBeUndefined();
  });
});
