import { applyImport, IMPORT_LIMITS, importRequestSchema } from '@/lib/admin/catalog/import';
import { ImportInputError, previewImport } from '@/lib/admin/catalog/import-preview';
import { PREVIEW_CONTENT_TYPE } from '@/lib/admin/catalog/import-format';
import { expireTags } from '@/lib/admin/catalog/invalidate';
import { isJsonContentType, mediaType, readJsonObject, readLines } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';

/** A whole file for the dry run (the page refuses larger ones: 40 MB). */
const MAX_PREVIEW_BYTES = 48 * 1024 * 1024;
const MAX_LINE_LENGTH = 4 * 1024 * 1024;
/** One batch to save (the page sends 500 rows at a time). */
const MAX_APPLY_BYTES = 16 * 1024 * 1024;

const invalid = () => HttpError.of('invalidRequest', 'the rows could not be read');
const noStore = { headers: { 'Cache-Control': 'no-store' } };

// POST /api/admin/products/import: the CSV import, admins only. The browser parses the file. The dry
// run sends every row as newline-delimited JSON (lib/admin/catalog/import-format.ts), read and checked
// as it arrives so that the server's memory does not grow with the file; "apply" sends one batch of
// whole products (at most 2,000 rows) as JSON `{mode: "apply", header, rows}`, saves it and expires
// the cache tags of what it saved. Errors: 413 tooLarge (file, line or batch), 413 tooManyRows (the
// dry run's file), 400 invalidRequest, 415 for any other content type.
export const POST = route({ auth: 'admin' }, async ({ request, user: admin }) => {
  if (mediaType(request) === PREVIEW_CONTENT_TYPE) {
    try {
      const lines = readLines(request, { maxBytes: MAX_PREVIEW_BYTES, maxLineLength: MAX_LINE_LENGTH });
      return Response.json(await previewImport(admin, lines), noStore);
    } catch (failure) {
      if (!(failure instanceof ImportInputError)) throw failure;
      if (failure.code === 'tooManyRows') throw new HttpError(413, 'tooManyRows', 'the file has too many rows');
      throw invalid();
    }
  }
  if (!isJsonContentType(request)) {
    throw HttpError.of('unsupportedMediaType', `send ${PREVIEW_CONTENT_TYPE} (dry run) or application/json (apply)`);
  }
  const json = await readJsonObject(request, MAX_APPLY_BYTES);
  const parsed = importRequestSchema.safeParse(json);
  if (!parsed.success || json.mode !== 'apply') throw invalid();
  if (parsed.data.rows.length > IMPORT_LIMITS.batchRows) throw HttpError.of('tooLarge', 'the batch has too many rows');
  const { report, tags } = await applyImport(admin, parsed.data);
  expireTags(tags, 'route');
  return Response.json(report, noStore);
});
