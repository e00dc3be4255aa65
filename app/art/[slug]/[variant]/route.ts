import { z } from 'zod';
import { renderCoverSvg } from '@/lib/catalog/cover-art';
import { getCurrentUser } from '@/lib/auth/session';
import { getCoverArtInfo } from '@/lib/catalog/queries';
import { HttpError } from '@/lib/http/errors';
import { slugSchema } from '@/lib/catalog/api-params';
import { route } from '@/lib/api/route';

const params = z.object({ slug: slugSchema, variant: z.string().regex(/^[0-9]\.svg$/) });

// GET /art/{slug}/{n}.svg: the generated cover (n = 0) and gallery images (n > 0) of a product. A
// draft's or an archived product's (it carries the title and artist) only for admins, who preview
// it in the back office, and never cached; anyone else gets 404.
export const GET = route({ params }, async ({ params: { slug, variant } }) => {
  const info = await getCoverArtInfo(slug);
  if (!info || (!info.active && (await getCurrentUser())?.role !== 'admin')) {
    throw HttpError.of('notFound', 'not found');
  }
  const svg = renderCoverSvg({
    slug,
    title: info.title,
    subtitle: info.subtitle,
    kind: info.kind,
    variant: Number(variant[0]),
  });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': info.active ? 'public, max-age=3600, stale-while-revalidate=86400' : 'private, no-store',
      // An SVG opened on its own must not be able to run script.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
