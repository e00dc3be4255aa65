'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MediaView } from '@/lib/catalog/types';

/** The cover, with thumbnails of the other images that swap into the main view. */
export function Gallery({ images, title, poster }: { images: MediaView[]; title: string; poster: boolean }) {
  const t = useTranslations('common');
  const [index, setIndex] = useState(0);
  const shown = images[index];
  if (!shown) return <div className={`rounded-xl bg-stone-200 ${poster ? 'aspect-[2/3]' : 'aspect-square'}`} />;
  return (
    <div>
      <div
        className={`overflow-hidden rounded-xl bg-stone-200 shadow-md ring-1 ring-black/5 ${poster ? 'aspect-[2/3]' : 'aspect-square'}`}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG / pre-sized WebP */}
        <img src={shown.url} alt={shown.alt || title} className="size-full object-cover" fetchPriority="high" />
      </div>
      {images.length > 1 && (
        <ul className="mt-3 flex gap-2" aria-label={t('gallery')}>
          {images.map((image, i) => (
            <li key={image.url}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={t('showImage', { number: i + 1, total: images.length })}
                aria-current={i === index ? 'true' : undefined}
                className={`block size-16 overflow-hidden rounded-md ring-2 ${i === index ? 'ring-brand-600' : 'ring-transparent hover:ring-stone-300'}`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of the images above */}
                <img src={image.url} alt="" className="size-full object-cover" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
