import { z } from 'zod';
import { hasGeneratedPreview } from '@/lib/catalog/queries';
import { synthesizePreviewWav } from '@/lib/catalog/preview-audio';
import { HttpError } from '@/lib/http/errors';
import { slugSchema } from '@/lib/catalog/api-params';
import { route } from '@/lib/api/route';

const params = z.object({ slug: slugSchema, file: z.string().regex(/^[0-9]{1,3}\.wav$/) });

// GET /previews/{slug}/{n}.wav: the generated preview clip of track n of an active demo product.
export const GET = route({ params }, async ({ params: { slug, file } }) => {
  const track = Number.parseInt(file, 10);
  if (!(await hasGeneratedPreview(slug, track))) throw HttpError.of('notFound', 'not found');
  const wav = synthesizePreviewWav(`${slug}:${track}`);
  return new Response(Buffer.from(wav), {
    headers: {
      'Content-Type': 'audio/wav',
      'Content-Length': String(wav.byteLength),
      'Cache-Control': 'public, max-age=86400, immutable',
    },
  });
});
