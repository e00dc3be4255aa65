'use client';

import { Badge, type BadgeTone } from '@/components/ui/badge';

export type BadgeProps = { tone: BadgeTone; text: string };

/**
 * The markup of the edition list. A client component although it has no state, like the product
 * card: the page payload then carries each edition's texts rather than its markup. Texts come
 * translated; `action` is the edition's add-to-cart control.
 */
export function EditionListView({
  editions,
}: {
  editions: {
    id: number;
    /** "Vinyl" */
    format: string;
    name: string | null;
    price: string;
    /** "or rent from $3.99", or null when it cannot be rented. */
    rental: string | null;
    /** Joined with " · ", or empty. */
    facts: string;
    badges: BadgeProps[];
    /** Catalog number and barcode joined with " · ", or empty. */
    codes: string;
    action: React.ReactNode;
  }[];
}) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {editions.map((edition) => {
        const headingId = `edition-${edition.id}`;
        return (
          <li
            key={edition.id}
            aria-labelledby={headingId}
            className="flex flex-col rounded-xl border border-stone-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-3">
              <h3 id={headingId} className="font-semibold">
                {edition.format}
                {edition.name && <span className="block text-sm font-normal text-stone-600">{edition.name}</span>}
              </h3>
              <p className="text-right">
                <span className="text-lg font-bold">{edition.price}</span>
                {edition.rental && <span className="block text-xs text-stone-600">{edition.rental}</span>}
              </p>
            </div>
            {edition.facts && <p className="mt-2 text-xs leading-relaxed text-stone-600">{edition.facts}</p>}
            <div className="mt-3 flex flex-wrap items-center gap-1.5">
              {edition.badges.map((badge) => (
                <Badge key={badge.text} tone={badge.tone}>
                  {badge.text}
                </Badge>
              ))}
            </div>
            {edition.codes && <p className="mt-2 text-[11px] text-stone-500">{edition.codes}</p>}
            {edition.action && <div className="mt-auto pt-3">{edition.action}</div>}
          </li>
        );
      })}
    </ul>
  );
}
