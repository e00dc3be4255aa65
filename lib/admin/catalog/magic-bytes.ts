/**
 * What a file really is, from its first bytes rather than its name or the browser's claim. Only the
 * formats the catalog accepts are recognised. Pure.
 */

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;
export const CLIP_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/wav', 'video/mp4', 'video/webm'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export type ClipType = (typeof CLIP_TYPES)[number];
export type SniffedType = ImageType | ClipType;

/** File extension to store each accepted type under. */
export const EXTENSIONS: Record<SniffedType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

const ascii = (bytes: Uint8Array, offset: number, length: number) =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/** The MIME type of the bytes, or null when they are none of the accepted formats. */
/** The byte at `index`, or 0 past the end (a short file matches no signature that needs it). */
const byteAt = (bytes: Uint8Array, index: number): number => bytes[index] ?? 0;

export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'audio/wav';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    // ISO base media: the major brand (and compatible brands) tell AVIF from MP4.
    const boxSize = Math.min(
      bytes.length,
      Math.max(16, (byteAt(bytes, 0) << 24) | (byteAt(bytes, 1) << 16) | (byteAt(bytes, 2) << 8) | byteAt(bytes, 3)),
    );
    const brands: string[] = [ascii(bytes, 8, 4)];
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, 4));
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'image/avif';
    if (brands.some((brand) => /^(isom|iso[2-9]|mp4[12]|avc1|M4V |M4A |dash|mmp4|f4v )$/.test(brand)))
      return 'video/mp4';
    return null;
  }
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame header: 11 sync bits, MPEG version not "reserved", layer III.
  if (byteAt(bytes, 0) === 0xff && (byteAt(bytes, 1) & 0xe0) === 0xe0 && (byteAt(bytes, 1) & 0x18) !== 0x08) {
    if ((byteAt(bytes, 1) & 0x06) === 0x02) return 'audio/mpeg';
  }
  return null;
}

export function isImageType(type: string | null): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type ?? '');
}

export function isClipType(type: string | null): type is ClipType {
  return (CLIP_TYPES as readonly string[]).includes(type ?? '');
}
