import type { DigitalFileFormat } from './schema';

/** The file name extension of each format. */
const EXTENSION: Record<DigitalFileFormat, string> = {
  flac: 'flac',
  wav: 'wav',
  alac: 'm4a',
  mp3_320: 'mp3',
  aac: 'm4a',
  ogg: 'ogg',
  mp4: 'mp4',
  mkv: 'mkv',
  zip: 'zip',
};

/**
 * The name a downloaded file is saved under: its title with the format's extension, with nothing a
 * file system or a header could misread — no path separators, control characters, quotes, leading
 * dots or trailing dots and spaces, at most 150 characters before the extension.
 */
export function downloadFileName(title: string, format: DigitalFileFormat): string {
  const base = Array.from(
    title
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
      .replace(/[\\/:*?"<>|]+/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, ''),
  )
    .slice(0, 150)
    .join('')
    .trim();
  return `${base || 'download'}.${EXTENSION[format]}`;
}

/**
 * `Content-Disposition: attachment` for a file name: a plain ASCII `filename` (accents dropped, other
 * characters as `_`) for old clients, and the exact name as `filename*` (RFC 5987/6266, UTF-8).
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
