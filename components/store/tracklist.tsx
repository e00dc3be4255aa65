import { getTranslations } from 'next-intl/server';
import { formatDuration, totalMinutes } from '@/lib/catalog/display';
import type { TrackView } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { TracklistView } from './tracklist-view';

/** Tracklist (albums) or episode list (series), grouped by disc, with durations and previews. */
export async function Tracklist({
  tracks,
  locale,
  episodes,
}: {
  tracks: TrackView[];
  locale: Locale;
  episodes: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'product' });
  const discs = Array.from(new Set(tracks.map((track) => track.discNumber)));
  return (
    <TracklistView
      heading={episodes ? t('episodes') : t('tracklist')}
      summary={t('trackSummary', {
        count: tracks.length,
        minutes: totalMinutes(tracks.map((track) => track.durationSeconds)),
      })}
      columns={[t('position'), t('trackTitle'), t('preview'), t('duration')]}
      discs={discs.map((disc) => ({
        caption: discs.length > 1 ? t('disc', { number: disc }) : null,
        rows: tracks
          .filter((track) => track.discNumber === disc)
          .map((track) => ({
            id: track.id,
            position: track.position,
            title: track.title,
            previewUrl: track.previewUrl,
            duration: formatDuration(track.durationSeconds),
          })),
      }))}
    />
  );
}
