import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

// /robots.txt: everything public may be crawled; account, checkout, admin and the API may not.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/admin', '/account', '/checkout', '/cart', '/search'] },
    sitemap: new URL('/sitemap.xml', env.SITE_URL).toString(),
  };
}
