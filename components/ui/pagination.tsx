import Link from 'next/link';

const LINK_CLASS = 'rounded-md px-3 py-1.5 ring-1 ring-stone-300 hover:bg-stone-100';

type Labels = { nav: string; previous: string; next: string } & (
  | {
      /** "Page 2 of 7": shown between previous and next instead of page numbers. */
      pageOf: string;
    }
  | {
      /** The word read before the current page's number ("Page"). */
      page: string;
      /** The name of a link to another page ("Go to page 3"). */
      goToPage: (page: number) => string;
    }
);

/**
 * Links to the pages of a list: previous, next, and between them either a few page numbers around
 * the current page (first and last included) or "page x of y". Nothing when there is one page.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  labels,
  className = 'mt-4 flex flex-wrap items-center gap-3',
  prefetch,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: Labels;
  className?: string;
  /** `false` for lists with many pages that are cheap to render on demand (the catalog). */
  prefetch?: false;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={labels.nav} className={`${className} text-sm`}>
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" prefetch={prefetch} className={LINK_CLASS}>
          {labels.previous}
        </Link>
      )}
      {'pageOf' in labels ? (
        <span aria-current="page">{labels.pageOf}</span>
      ) : (
        pagesAround(page, pageCount).map((p, index, pages) => (
          <span key={p} className="flex items-center gap-2">
            {index > 0 && pages[index - 1] !== p - 1 && <span aria-hidden>…</span>}
            {p === page ? (
              <span aria-current="page" className="rounded-md bg-stone-900 px-3 py-1.5 font-semibold text-white">
                <span className="sr-only">{labels.page} </span>
                {p}
              </span>
            ) : (
              <Link href={hrefFor(p)} prefetch={prefetch} className={LINK_CLASS} aria-label={labels.goToPage(p)}>
                {p}
              </Link>
            )}
          </span>
        ))
      )}
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" prefetch={prefetch} className={LINK_CLASS}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}

/** The first and last page and the neighbours of the current one, in order, without repeats. */
export function pagesAround(page: number, pageCount: number): number[] {
  return Array.from(new Set([1, page - 1, page, page + 1, pageCount]))
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
}
