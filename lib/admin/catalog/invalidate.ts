import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { CATALOG_TAG, personTag, productTag } from '@/lib/catalog/tags';

/** The cache tags a catalog change touches: the whole catalog, the products and the people. */
export function catalogTags({
  productSlugs = [],
  personSlugs = [],
}: {
  productSlugs?: Iterable<string>;
  personSlugs?: Iterable<string>;
}): string[] {
  return Array.from(
    new Set([CATALOG_TAG, ...Array.from(productSlugs, productTag), ...Array.from(personSlugs, personTag)]),
  );
}

/**
 * Expires tags so the next storefront request reads fresh data (read-your-own-writes). Server
 * actions use updateTag; route handlers cannot, and use revalidateTag with expire 0, which has the
 * same effect (https://nextjs.org/docs/app/api-reference/functions/revalidateTag).
 */
export function expireTags(tags: readonly string[], from: 'action' | 'route'): void {
  for (const tag of tags) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
}
