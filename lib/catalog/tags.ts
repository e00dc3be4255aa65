/**
 * Cache tags of catalog reads. Anything that changes the catalog invalidates CATALOG_TAG (lists,
 * facets, search, home); a change to one product or person also invalidates its own tag.
 */
export const CATALOG_TAG = 'catalog';
export const productTag = (slug: string) => `product:${slug}`;
export const personTag = (slug: string) => `person:${slug}`;
