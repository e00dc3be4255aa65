import { getTranslations } from 'next-intl/server';
import { formatDuration, totalMinutes } from '@/lib/catalog/display';
import type { TrackView } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { AudioPreview } from './audio-preview';

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
  const heading = episodes ? t('episodes') : t('tracklist');
  return (
    <section aria-labelledby="tracklist-heading" className="mt-10">
      <div className="flex items-baseline justify-between">
        <h2 id="tracklist-heading" className="text-lg font-bold">
          {heading}
        </h2>
        <p className="text-sm text-stone-600">
          {t('trackSummary', { count: tracks.length, minutes: totalMinutes(tracks.map((tr) => tr.durationSeconds)) })}
        </p>
      </div>
      {discs.map((disc) => (
        <table key={disc} className="mt-3 w-full text-sm">
          {discs.length > 1 && (
            <caption className="py-1 text-left font-semibold text-stone-700">{t('disc', { number: disc })}</caption>
          )}
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('position')}</th>
              <th scope="col">{t('trackTitle')}</th>
              <th scope="col">{t('preview')}</th>
              <th scope="col">{t('duration')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 [&_td]:py-2 [&_td:not(:last-child)]:pr-2">
            {tracks
              .filter((track) => track.discNumber === disc)
              .map((track) => (
                <tr key={track.id}>
                  <td className="w-16 tabular-nums text-stone-500">{track.position}</td>
                  <td>{track.title}</td>
                  <td className="w-28">
                    {track.previewUrl && <AudioPreview src={track.previewUrl} title={track.title} />}
                  </td>
                  <td className="w-16 text-right tabular-nums text-stone-600">
                    {formatDuration(track.durationSeconds)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
