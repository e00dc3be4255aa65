'use client';

import { AudioPreview } from './audio-preview';

type Row = { id: number; position: string; title: string; previewUrl: string | null; duration: string };

/**
 * The markup of a tracklist. A client component although it has no state of its own, like the
 * product card: the page payload then carries each track's few fields rather than its table row
 * (albums have dozens of tracks, series dozens of episodes). Texts come translated.
 */
export function TracklistView({
  heading,
  summary,
  columns,
  discs,
}: {
  heading: string;
  /** "10 tracks · 42 min" */
  summary: string;
  /** Headings of the position, title, preview and duration columns, for screen readers. */
  columns: [string, string, string, string];
  discs: { caption: string | null; rows: Row[] }[];
}) {
  return (
    <section aria-labelledby="tracklist-heading" className="mt-10">
      <div className="flex items-baseline justify-between">
        <h2 id="tracklist-heading" className="text-lg font-bold">
          {heading}
        </h2>
        <p className="text-sm text-stone-600">{summary}</p>
      </div>
      {discs.map((disc, index) => (
        <table key={index} className="mt-3 w-full text-sm">
          {disc.caption && <caption className="py-1 text-left font-semibold text-stone-700">{disc.caption}</caption>}
          <thead className="sr-only">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 [&_td]:py-2 [&_td:not(:last-child)]:pr-2">
            {disc.rows.map((row) => (
              <tr key={row.id}>
                <td className="w-16 tabular-nums text-stone-500">{row.position}</td>
                <td>{row.title}</td>
                <td className="w-28">{row.previewUrl && <AudioPreview src={row.previewUrl} title={row.title} />}</td>
                <td className="w-16 text-right tabular-nums text-stone-600">{row.duration}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
