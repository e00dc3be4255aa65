/**
 * Storage keys of catalog uploads. An image is stored twice, as WebP: catalog/images/{id}.webp
 * (at most 1200 px) and catalog/images/{id}.thumb.webp (400 px), so the thumbnail of any stored
 * image URL can be derived from it without a column for it. No Node imports: the editor uses the
 * thumbnail rule in the browser.
 */

export const IMAGE_MAX_PX = 1200;
export const THUMBNAIL_PX = 400;
export const IMAGE_MAX_BYTES = 15 * 1024 * 1024;
export const CLIP_MAX_BYTES = 50 * 1024 * 1024;

export function newImageKeys(): { image: string; thumbnail: string } {
  const id = crypto.randomUUID();
  return { image: `catalog/images/${id}.webp`, thumbnail: `catalog/images/${id}.thumb.webp` };
}

export function newClipKey(extension: string): string {
  return `catalog/clips/${crypto.randomUUID()}.${extension}`;
}

/** The thumbnail key of an image key, or null for anything that is not a stored image. */
export function thumbnailKeyOf(key: string): string | null {
  return /^catalog\/images\/[0-9a-f-]{36}\.webp$/.test(key) ? key.replace(/\.webp$/, '.thumb.webp') : null;
}

/** The thumbnail URL of a stored image URL (same rule on the URL). */
export function thumbnailUrlOf(url: string): string | null {
  return /\/catalog\/images\/[0-9a-f-]{36}\.webp$/.test(url) ? url.replace(/\.webp$/, '.thumb.webp') : null;
}
