import { hasGeneratedPreview } from '@/lib/catalog/queries';
import { synthesizePreviewWav } from '@/lib/catalog/preview-audio';

// GET /previews/{slug}/{n}.wav: the generated preview clip of track n of a demo product.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const match = /^([0-9]{1,3})\.wav$/.exec(file);
  if (!match || !/^[a-z0-9-]{1,200}$/.test(slug) || !(await hasGeneratedPreview(slug, Number(match[1])))) {
    return new Response('Not found', { status: 404 });
  }
  const wav = synthesizePreviewWav(`${slug}:${match[1]}`);
  return new Response(Buffer.from(wav), {
    headers: {
      'Content-Type': 'audio/wav',
      'Content-Length': String(wav.byteLength),
      'Cache-Control': 'public, max-age=86400, immutable',
    },
  });
}
