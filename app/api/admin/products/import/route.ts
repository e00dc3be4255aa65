import { adminRoute } from '@/lib/admin/guard';
import { applyImport, IMPORT_LIMITS, importRequestSchema, previewImport } from '@/lib/admin/catalog/import';
import { expireTags } from '@/lib/admin/catalog/invalidate';
import { readBodyLimited } from '@/lib/admin/catalog/request-body';

const MAX_BODY_BYTES = 40 * 1024 * 1024;

const error = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { 'Cache-Control': 'no-store' } });

// POST /api/admin/products/import {mode: "preview" | "apply", header, rows}: the CSV import. The
// browser parses the file; "preview" is the dry run over all rows, "apply" saves one batch of whole
// products (at most 2,000 rows) and expires the cache tags of what it saved. Admins only.
export async function POST(request: Request) {
  return adminRoute(async (admin) => {
    const body = await readBodyLimited(request, MAX_BODY_BYTES);
    if (body === 'tooLarge') return error(413, 'fileTooLarge');
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return error(400, 'invalid');
    }
    const mode = (json as { mode?: unknown } | null)?.mode;
    const parsed = importRequestSchema.safeParse(json);
    if (!parsed.success || (mode !== 'preview' && mode !== 'apply')) return error(400, 'invalid');
    if (mode === 'preview') {
      return Response.json(await previewImport(admin, parsed.data), { headers: { 'Cache-Control': 'no-store' } });
    }
    if (parsed.data.rows.length > IMPORT_LIMITS.batchRows) return error(413, 'batchTooLarge');
    const { report, tags } = await applyImport(admin, parsed.data);
    expireTags(tags, 'route');
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
  });
}
