import { z } from 'zod';
import { uploadCatalogClip, uploadCatalogImage } from '@/lib/admin/catalog/uploads';
import { CLIP_MAX_BYTES, IMAGE_MAX_BYTES } from '@/lib/admin/catalog/uploads-keys';
import { readBody } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';

const UPLOAD_MESSAGES = {
  empty: 'the file is empty',
  tooLarge: 'the file is too large',
  imageType: 'not a JPEG, PNG, WebP, GIF or AVIF image',
  imageUnreadable: 'the image could not be read',
  clipType: 'not an MP3, OGG, WAV, MP4 or WebM file',
} as const;

// POST /api/admin/products/uploads?kind=image|clip with the file as the raw body: stores an image
// (checked, resized and converted to WebP with a thumbnail) or an audio/video clip, and answers 201
// with its URL; 413 tooLarge, 422 with the reason as the code (empty, imageType, imageUnreadable,
// clipType). A route handler rather than a server action, whose body limit is 1 MB. Admins only.
export const POST = route(
  { auth: 'admin', query: z.object({ kind: z.enum(['image', 'clip']) }) },
  async ({ request, user: admin, query: { kind } }) => {
    const body = await readBody(request, kind === 'image' ? IMAGE_MAX_BYTES : CLIP_MAX_BYTES);
    const result = kind === 'image' ? await uploadCatalogImage(admin, body) : await uploadCatalogClip(admin, body);
    if (!result.ok) {
      throw new HttpError(result.error === 'tooLarge' ? 413 : 422, result.error, UPLOAD_MESSAGES[result.error]);
    }
    return Response.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  },
);
