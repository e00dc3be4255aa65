import { adminRoute } from '@/lib/admin/guard';
import { applyImport, IMPORT_LIMITS, importRequestSchema } from '@/lib/admin/catalog/import';
import { ImportInputError, previewImport } from '@/lib/admin/catalog/import-preview';
import { PREVIEW_CONTENT_TYPE } from '@/lib/admin/catalog/import-format';
import { expireTags } from '@/lib/admin/catalog/invalidate';
import { BodyTooLargeError, readBodyLimited, readLinesLimited } from '@/lib/admin/catalog/request-body';

/** A whole file for the dry run (the page refuses larger ones: 40 MB). */
const MAX_PREVIEW_BYTES = 48 * 1024 * 1024;
const MAX_LINE_LENGTH = 4 * 1024 * 1024;
/** One batch to save (the page sends 500 rows at a time). */
const MAX_APPLY_BYTES = 16 * 1024 * 1024;

const error = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { 'Cache-Control': 'no-store' } });

// POST /api/admin/products/import: the CSV import, admins only. The browser parses the file. The dry
// run sends every row as newline-delimited JSON (lib/admin/catalog/import-format.ts), read and checked
// as it arrives so that the server's memory does not grow with the file; "apply" sends one batch of
// whole products (at most 2,000 rows) as JSON `{mode: "apply", header, rows}`, saves it and expires
// the cache tags of what it saved.
export async function POST(request: Request) {
  return adminRoute(async (admin) => {
    if (request.headers.get('content-type')?.split(';')[0].trim() === PREVIEW_CONTENT_TYPE) {
      try {
        const report = await previewImport(
          admin,
          readLinesLimited(request, { maxBytes: MAX_PREVIEW_BYTES, maxLineLength: MAX_LINE_LENGTH }),
        );
        return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
      } catch (failure) {
        if (failure instanceof BodyTooLargeError) return error(413, 'fileTooLarge');
        if (failure instanceof ImportInputError) {
          return failure.code === 'tooManyRows' ? error(413, 'tooManyRows') : error(400, 'invalid');
        }
        throw failure;
      }
    }
    const body = await readBodyLimited(request, MAX_APPLY_BYTES);
    if (body === 'tooLarge') return error(413, 'batchTooLarge');
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return error(400, 'invalid');
    }
    const parsed = importRequestSchema.safeParse(json);
    if (!parsed.success || (json as { mode?: unknown }).mode !== 'apply') return error(400, 'invalid');
    if (parsed.data.rows.length > IMPORT_LIMITS.batchRows) return error(413, 'batchTooLarge');
    const { report, tags } = await applyImport(admin, parsed.data);
    expireTags(tags, 'route');
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
  });
}
