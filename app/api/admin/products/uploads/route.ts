import { adminRoute } from '@/lib/admin/guard';
import { readBodyLimited } from '@/lib/admin/catalog/request-body';
import { uploadCatalogClip, uploadCatalogImage } from '@/lib/admin/catalog/uploads';
import { CLIP_MAX_BYTES, IMAGE_MAX_BYTES } from '@/lib/admin/catalog/uploads-keys';

// POST /api/admin/products/uploads?kind=image|clip with the file as the raw body: stores an image
// (checked, resized and converted to WebP with a thumbnail) or an audio/video clip, and answers its
// URL. A route handler rather than a server action, whose body limit is 1 MB. Admins only.
export async function POST(request: Request) {
  return adminRoute(async (admin) => {
    const kind = new URL(request.url).searchParams.get('kind');
    if (kind !== 'image' && kind !== 'clip') {
      return Response.json({ ok: false, error: 'invalid' }, { status: 400 });
    }
    const body = await readBodyLimited(request, kind === 'image' ? IMAGE_MAX_BYTES : CLIP_MAX_BYTES);
    if (body === 'tooLarge') return Response.json({ ok: false, error: 'tooLarge' }, { status: 413 });
    const result = kind === 'image' ? await uploadCatalogImage(admin, body) : await uploadCatalogClip(admin, body);
    return Response.json(result, { status: result.ok ? 201 : 422, headers: { 'Cache-Control': 'no-store' } });
  });
}
