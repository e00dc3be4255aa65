import type { MetadataRoute } from 'next';
import { listSitemapEntries } from '@/lib/catalog/queries';
import { env } from '@/lib/env';

// /sitemap.xml: home, sections, help, every active product and every credited person.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { products, people } = await listSitemapEntries();
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  return [
    { url: url('/'), changeFrequency: 'daily', priority: 1 },
    ...['/music', '/film', '/tv', '/games'].map((path) => ({
      url: url(path),
      changeFrequency: 'daily' as const,
      priority: 0.8,
    })),
    { url: url('/help'), changeFrequency: 'monthly', priority: 0.3 },
    ...products.map((p) => ({ url: url(`/products/${p.slug}`), lastModified: p.updatedAt, priority: 0.6 })),
    ...people.map((slug) => ({ url: url(`/people/${slug}`), priority: 0.4 })),
  ];
}
