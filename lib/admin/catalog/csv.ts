/**
 * CSV as RFC 4180 says (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas, records
 * by CRLF (LF and lone CR are accepted on input), a field that holds a comma, a quote or a line break
 * is quoted, and a quote inside a quoted field is doubled. Pure: the browser (import preview) and the
 * server (export, import) share it.
 */

export const UTF8_BOM = '\uFEFF';

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminatedQuote' | 'quoteInField',
  ) {
    super(`CSV syntax error on line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** One record with the physical line it starts on (1-based, counting the header), for error messages. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Parses CSV text into records. A leading byte-order mark is dropped; a trailing line break does
 * not make an empty record; blank lines are skipped. Throws CsvSyntaxError for an unterminated quote
 * or a quote in the middle of an unquoted field.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false;
  const endField = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty cell: skip it rather than import an empty row.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  const n = input.length;
  while (i < n) {
    const char = input[i];
    if (char === '"' && !fieldStarted && field === '') {
      // A quoted field: read to the closing quote, unescaping "" as ".
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startLine, 'unterminatedQuote');
        const next = input.indexOf('"', i);
        if (next === -1) throw new CsvSyntaxError(startLine, 'unterminatedQuote');
        const chunk = input.slice(i, next);
        field += chunk;
        line += countLineBreaks(chunk);
        if (input[next + 1] === '"') {
          field += '"';
          i = next + 2;
          continue;
        }
        i = next + 1;
        break;
      }
      fieldStarted = true;
      const after = input[i];
      if (i < n && after !== ',' && after !== '\n' && after !== '\r') {
        throw new CsvSyntaxError(line, 'quoteInField');
      }
      continue;
    }
    if (char === ',') {
      endField();
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (char === '"') throw new CsvSyntaxError(line, 'quoteInField');
    // Plain characters up to the next delimiter, in one slice.
    let end = i;
    while (end < n) {
      const c = input[end];
      if (c === ',' || c === '\r' || c === '\n' || c === '"') break;
      end += 1;
    }
    field += input.slice(i, end);
    fieldStarted = true;
    i = end;
  }
  if (fieldStarted || field !== '' || cells.length > 0) endRecord();
  return records;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') count += 1;
    else if (c === '\r' && text[i + 1] !== '\n') count += 1;
  }
  return count;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when it must be. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading space or tab survives spreadsheets better quoted.
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF terminator. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Records to CSV text (CRLF line breaks); `bom` prepends a UTF-8 byte-order mark for Excel. */
export function serializeCsv(
  records: readonly (readonly (string | number | boolean | null | undefined)[])[],
  { bom = false } = {},
): string {
  return (bom ? UTF8_BOM : '') + records.map(csvLine).join('');
}
