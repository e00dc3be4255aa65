import 'server-only';
import sharp, { type OutputInfo } from 'sharp';
import { putObject } from '@/lib/storage';
import { type AdminUser, assertAdmin } from './admin-user';
import { EXTENSIONS, isClipType, isImageType, sniffType } from './magic-bytes';
import { CLIP_MAX_BYTES, IMAGE_MAX_BYTES, IMAGE_MAX_PX, newClipKey, newImageKeys, THUMBNAIL_PX } from './uploads-keys';

/**
 * Uploads for the product editor. Files are checked by their first bytes (not their name or the
 * browser's word), images are re-encoded by sharp (which also drops metadata such as GPS tags),
 * and everything goes through the storage adapter. A result is a URL to put in the product's form;
 * nothing is attached to a product until the product is saved.
 */

export type UploadError = { ok: false; error: 'empty' | 'tooLarge' | 'imageType' | 'imageUnreadable' | 'clipType' };
export type ImageUpload = { ok: true; url: string; thumbnailUrl: string; width: number; height: number };
export type ClipUpload = { ok: true; url: string; contentType: string };

/** Resizes to at most 1200 px (and a 400 px thumbnail), converts to WebP and stores both. */
export async function uploadCatalogImage(admin: AdminUser, bytes: Uint8Array): Promise<ImageUpload | UploadError> {
  assertAdmin(admin);
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > IMAGE_MAX_BYTES) return { ok: false, error: 'tooLarge' };
  if (!isImageType(sniffType(bytes))) return { ok: false, error: 'imageType' };
  let image: { data: Buffer; info: OutputInfo };
  let thumbnail: Buffer;
  try {
    // limitInputPixels refuses decompression bombs; rotate() applies the EXIF orientation.
    const source = () => sharp(bytes, { limitInputPixels: 100_000_000, failOn: 'error' }).rotate();
    image = await source()
      .resize(IMAGE_MAX_PX, IMAGE_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    thumbnail = await source()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
  } catch {
    return { ok: false, error: 'imageUnreadable' };
  }
  const keys = newImageKeys();
  const [stored, storedThumbnail] = await Promise.all([
    putObject(keys.image, image.data, 'image/webp'),
    putObject(keys.thumbnail, thumbnail, 'image/webp'),
  ]);
  return {
    ok: true,
    url: stored.url,
    thumbnailUrl: storedThumbnail.url,
    width: image.info.width,
    height: image.info.height,
  };
}

/** Stores an audio or video clip (MP3, OGG, WAV, MP4, WebM) as it is. */
export async function uploadCatalogClip(admin: AdminUser, bytes: Uint8Array): Promise<ClipUpload | UploadError> {
  assertAdmin(admin);
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > CLIP_MAX_BYTES) return { ok: false, error: 'tooLarge' };
  const type = sniffType(bytes);
  if (!isClipType(type)) return { ok: false, error: 'clipType' };
  const stored = await putObject(newClipKey(EXTENSIONS[type]), bytes, type);
  return { ok: true, url: stored.url, contentType: type };
}
