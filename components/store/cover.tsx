import type { ProductKind } from '@/lib/catalog/formats';

/**
 * Product artwork at the aspect ratio of its kind (square sleeves, 2:3 posters). Generated SVGs and
 * uploaded WebP images are small, so a plain lazy <img> beats the image optimizer here.
 */
export function Cover({
  url,
  kind,
  alt,
  priority = false,
  className = '',
}: {
  url: string | null;
  kind: ProductKind;
  alt: string;
  priority?: boolean;
  className?: string;
}) {
  const poster = kind === 'film' || kind === 'series';
  return (
    <div className={`cover-frame ${poster ? 'aspect-[2/3]' : 'aspect-square'} ${className}`}>
      {url && (
        // eslint-disable-next-line @next/next/no-img-element -- generated SVG / pre-sized WebP; see above
        <img
          src={url}
          alt={alt}
          loading={priority ? 'eager' : 'lazy'}
          decoding="async"
          fetchPriority={priority ? 'high' : undefined}
          className="cover-image"
        />
      )}
    </div>
  );
}
