'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { thumbnailUrlOf } from '@/lib/admin/catalog/uploads-keys';
import { type EditorMediaState, move, newKey } from './editor-state';
import { Field } from '@/components/ui/field';
import { EditorSection, ItemButtons, SmallButton, useErrorText } from './fields';
import { UploadButton, type UploadedImage } from './upload-button';

/**
 * Media: the cover, gallery images (uploaded; the server resizes them to WebP with a thumbnail) and
 * a trailer (an uploaded video or a URL). Nothing is attached to the product until it is saved.
 */
export function MediaSection({
  media,
  onChange,
  errors,
  title,
}: {
  media: EditorMediaState[];
  onChange: (media: EditorMediaState[], structural?: boolean) => void;
  errors: Record<string, string>;
  title: string;
}) {
  const t = useTranslations('admin.catalog.media');
  const errorText = useErrorText();
  const [announcement, setAnnouncement] = useState('');
  const cover = media.find((m) => m.kind === 'cover');
  const gallery = media.filter((m) => m.kind === 'gallery');
  const trailer = media.find((m) => m.kind === 'trailer');
  const indexOf = (item: EditorMediaState) => media.indexOf(item);
  const error = (item: EditorMediaState | undefined, field: string) =>
    item ? errorText(errors[`media.${indexOf(item)}.${field}`]) : null;

  const fromUpload = (kind: 'cover' | 'gallery', image: UploadedImage): EditorMediaState => ({
    key: newKey('media'),
    kind,
    url: image.url,
    thumbnailUrl: image.thumbnailUrl,
    alt: kind === 'cover' ? title : '',
    width: image.width,
    height: image.height,
  });
  const patch = (item: EditorMediaState, values: Partial<EditorMediaState>) =>
    onChange(media.map((m) => (m === item ? { ...m, ...values } : m)));
  const remove = (item: EditorMediaState, label: string) => {
    onChange(
      media.filter((m) => m !== item),
      true,
    );
    setAnnouncement(t('removed', { item: label }));
  };
  const moveGallery = (item: EditorMediaState, delta: number) => {
    const order = move(gallery, gallery.indexOf(item), delta);
    onChange([...media.filter((m) => m.kind !== 'gallery'), ...order], true);
  };

  return (
    <EditorSection
      id="media-heading"
      title={t('title')}
      intro={t('intro')}
      announcement={announcement}
      error={errorText(errors.media)}
    >
      <h3 className="mt-4 font-semibold">{t('cover')}</h3>
      <div className="mt-2 flex flex-wrap items-start gap-4">
        {cover ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- an uploaded WebP, already sized */}
            <img
              src={cover.thumbnailUrl ?? thumbnailUrlOf(cover.url) ?? cover.url}
              alt={t('coverPreview')}
              className="size-32 rounded-lg bg-stone-100 object-cover ring-1 ring-stone-200"
            />
            <div className="min-w-0 flex-1 space-y-2">
              <Field
                label={t('alt')}
                hint={t('altHint')}
                value={cover.alt}
                onChange={(e) => patch(cover, { alt: e.target.value })}
                error={error(cover, 'alt')}
              />
              <div className="flex flex-wrap gap-2">
                <UploadButton
                  kind="image"
                  label={t('replaceCover')}
                  onUploaded={(image) =>
                    onChange(media.map((m) => (m === cover ? { ...fromUpload('cover', image), alt: m.alt } : m)))
                  }
                />
                <SmallButton tone="danger" onClick={() => remove(cover, t('cover'))}>
                  {t('removeCover')}
                </SmallButton>
              </div>
            </div>
          </>
        ) : (
          <UploadButton
            kind="image"
            label={t('uploadCover')}
            onUploaded={(image) => onChange([fromUpload('cover', image), ...media], true)}
          />
        )}
      </div>

      <h3 className="mt-6 font-semibold">{t('gallery')}</h3>
      {gallery.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t('galleryEmpty')}</p>
      ) : (
        <ol className="mt-2 grid gap-3 sm:grid-cols-2">
          {gallery.map((item, index) => {
            const label = t('galleryImage', { number: index + 1 });
            return (
              <li key={item.key} className="flex gap-3 rounded-lg border border-stone-200 p-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- an uploaded WebP, already sized */}
                <img
                  src={item.thumbnailUrl ?? thumbnailUrlOf(item.url) ?? item.url}
                  alt={label}
                  className="size-20 shrink-0 rounded-md bg-stone-100 object-cover"
                />
                <div className="min-w-0 flex-1 space-y-2">
                  <Field
                    label={t('altOf', { item: label })}
                    value={item.alt}
                    onChange={(e) => patch(item, { alt: e.target.value })}
                    error={error(item, 'alt')}
                  />
                  <ItemButtons
                    t={t}
                    onMove={(delta) => moveGallery(item, delta)}
                    index={index}
                    values={{ item: label }}
                    count={gallery.length}
                    onRemove={() => remove(item, label)}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mt-2">
        <UploadButton
          kind="image"
          multiple
          label={t('uploadGallery')}
          onUploaded={(image) => onChange([...media, fromUpload('gallery', image)], true)}
        />
      </div>

      <h3 className="mt-6 font-semibold">{t('trailer')}</h3>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <Field
          className="min-w-0 flex-1"
          label={t('trailerUrl')}
          hint={t('trailerHint')}
          inputMode="url"
          value={trailer?.url ?? ''}
          error={error(trailer, 'url')}
          onChange={(e) => {
            const url = e.target.value;
            if (trailer) {
              if (url) patch(trailer, { url });
              else
                onChange(
                  media.filter((m) => m !== trailer),
                  true,
                );
            } else if (url) {
              onChange(
                [...media, { key: newKey('media'), kind: 'trailer', url, alt: '', width: null, height: null }],
                true,
              );
            }
          }}
        />
        <UploadButton
          kind="clip"
          label={t('uploadTrailer')}
          onUploaded={(clip) =>
            trailer
              ? patch(trailer, { url: clip.url })
              : onChange(
                  [
                    ...media,
                    { key: newKey('media'), kind: 'trailer', url: clip.url, alt: '', width: null, height: null },
                  ],
                  true,
                )
          }
        />
      </div>
    </EditorSection>
  );
}
