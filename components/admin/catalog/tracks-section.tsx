'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { must } from '@/lib/must';
import { emptyTrack, type EditorTrackState, move, nextPosition } from './editor-state';
import { Field } from '@/components/ui/field';
import { EditorSection, ItemButtons, SmallButton, useErrorText } from './fields';
import { UploadButton } from './upload-button';

/**
 * Tracks (or episodes): add, remove and reorder with buttons (keyboard and screen-reader friendly,
 * no drag and drop), positions as printed on the sleeve, durations typed as m:ss, preview clips
 * uploaded or given as a URL.
 */
export function TracksSection({
  tracks,
  onChange,
  errors,
  episodes,
}: {
  tracks: EditorTrackState[];
  onChange: (tracks: EditorTrackState[], structural?: boolean) => void;
  errors: Record<string, string>;
  episodes: boolean;
}) {
  const t = useTranslations('admin.catalog.tracks');
  const errorText = useErrorText();
  const [focus, setFocus] = useState<{ key: string; action: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // After a move, keep the keyboard on the moved track's button (or its other move button at an end).
  useEffect(() => {
    if (!focus) return;
    const target = document.getElementById(`track-${focus.key}-${focus.action}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `track-${focus.key}-${focus.action === 'up' ? 'down' : 'up'}`,
    ) as HTMLButtonElement | null;
    (target && !target.disabled ? target : other)?.focus();
  }, [focus, tracks]);

  const set = (index: number, patch: Partial<EditorTrackState>) =>
    onChange(tracks.map((track, i) => (i === index ? { ...track, ...patch } : track)));

  // The sleeve positions (1, 2… or A1, A2, B1) stay where they are; the tracks move through them.
  const moveTrack = (index: number, delta: number) => {
    const track = tracks[index];
    if (!track) return;
    const moved = move(tracks, index, delta).map((item, i) => {
      const slot = must(tracks[i], `track slot ${i}`);
      return { ...item, position: slot.position, discNumber: slot.discNumber };
    });
    onChange(moved, true);
    setFocus({ key: track.key, action: delta < 0 ? 'up' : 'down' });
    setAnnouncement(t('moved', { title: track.title || track.position, position: index + delta + 1 }));
  };

  const remove = (index: number) => {
    const track = tracks[index];
    if (!track) return;
    onChange(
      tracks.filter((_, i) => i !== index),
      true,
    );
    setAnnouncement(t('removed', { title: track.title || track.position }));
  };

  const add = () => {
    const last = tracks[tracks.length - 1];
    const track = emptyTrack(nextPosition(tracks), last?.discNumber || '1');
    onChange([...tracks, track], true);
    setAnnouncement(t('added', { position: track.position }));
    requestAnimationFrame(() => document.getElementById(`track-${track.key}-title`)?.focus());
  };

  const error = (index: number, field: string) => errorText(errors[`tracks.${index}.${field}`]);
  const totalSeconds = tracks.reduce((sum, track) => {
    const match = /^(?:(\d+):)?(\d+):(\d{2})$/.exec(track.duration.trim());
    return match ? sum + Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]) : sum;
  }, 0);

  return (
    <EditorSection
      id="tracks-heading"
      title={episodes ? t('episodesTitle') : t('title')}
      aside={
        tracks.length > 0 && (
          <p className="text-sm text-stone-600">
            {t('summary', {
              count: tracks.length,
              minutes: Math.floor(totalSeconds / 60),
              seconds: String(totalSeconds % 60).padStart(2, '0'),
            })}
          </p>
        )
      }
      intro={t('intro')}
      announcement={announcement}
      error={errorText(errors.tracks)}
    >
      {tracks.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {tracks.map((track, index) => {
            const name = track.title || t('untitled', { number: index + 1 });
            return (
              <li key={track.key} className="rounded-lg border border-stone-200 p-3">
                <fieldset>
                  <legend className="sr-only">{t('legend', { number: index + 1, title: name })}</legend>
                  <div className="grid grid-cols-2 gap-3 sm:grid-cols-[6rem_4rem_1fr_6rem]">
                    <Field
                      label={t('position')}
                      value={track.position}
                      onChange={(e) => set(index, { position: e.target.value })}
                      error={error(index, 'position')}
                      maxLength={20}
                    />
                    <Field
                      label={t('disc')}
                      value={track.discNumber}
                      inputMode="numeric"
                      onChange={(e) => set(index, { discNumber: e.target.value })}
                      error={error(index, 'discNumber')}
                    />
                    <Field
                      id={`track-${track.key}-title`}
                      className="col-span-2 sm:col-span-1"
                      label={episodes ? t('episodeTitle') : t('trackTitle')}
                      value={track.title}
                      onChange={(e) => set(index, { title: e.target.value })}
                      error={error(index, 'title')}
                      maxLength={300}
                    />
                    <Field
                      label={t('duration')}
                      hint={t('durationHint')}
                      placeholder="3:45"
                      value={track.duration}
                      onChange={(e) => set(index, { duration: e.target.value })}
                      error={error(index, 'duration')}
                    />
                  </div>
                  <div className="mt-3 flex flex-wrap items-end gap-3">
                    <Field
                      className="min-w-0 flex-1"
                      label={t('preview')}
                      hint={t('previewHint')}
                      value={track.previewUrl}
                      onChange={(e) => set(index, { previewUrl: e.target.value })}
                      error={error(index, 'previewUrl')}
                      inputMode="url"
                    />
                    <UploadButton
                      kind="clip"
                      label={t('uploadPreview')}
                      onUploaded={(clip) => set(index, { previewUrl: clip.url })}
                    />
                    <ItemButtons
                      t={t}
                      onMove={(delta) => moveTrack(index, delta)}
                      index={index}
                      values={{ title: name }}
                      count={tracks.length}
                      onRemove={() => remove(index)}
                      idPrefix={`track-${track.key}`}
                    />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mt-3">
        <SmallButton onClick={add}>{episodes ? t('addEpisode') : t('add')}</SmallButton>
      </div>
    </EditorSection>
  );
}
