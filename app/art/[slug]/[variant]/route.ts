import { renderCoverSvg } from '@/lib/catalog/cover-art';
import { getCoverArtInfo } from '@/lib/catalog/queries';

// GET /art/{slug}/{n}.svg: the generated cover (n = 0) and gallery images (n > 0) of a product.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; variant: string }> }) {
  const { slug, variant } = await params;
  const match = /^([0-9])\.svg$/.exec(variant);
  const info = match && /^[a-z0-9-]{1,200}$/.test(slug) ? await getCoverArtInfo(slug) : null;
  if (!match || !info) return new Response('Not found', { status: 404 });
  const svg = renderCoverSvg({
    slug,
    title: info.title,
    subtitle: info.subtitle,
    kind: info.kind,
    variant: Number(match[1]),
  });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
      // An SVG opened on its own must not be able to run script.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
