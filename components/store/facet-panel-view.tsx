'use client';

import Link from 'next/link';

export type FacetGroup = {
  key: string;
  title: string;
  options: { label: string; count: number; href: string; selected: boolean }[];
};

/**
 * The markup of the facet panel. A client component although it has no state, like the product
 * card: a page's payload then carries each option's label, count and link rather than its markup
 * (dozens of options on every browse and search page). Texts come translated.
 */
export function FacetPanelView({
  label,
  selectedLabel,
  clear,
  groups,
}: {
  label: string;
  /** Read by screen readers after a chosen option ("selected"). */
  selectedLabel: string;
  clear: { label: string; href: string } | null;
  groups: FacetGroup[];
}) {
  return (
    <nav aria-label={label} className="space-y-6 text-sm">
      {clear && (
        <Link prefetch={false} href={clear.href} className="inline-block font-medium text-brand-700 hover:underline">
          {clear.label}
        </Link>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`facet-${group.key}`}>
          <h3 id={`facet-${group.key}`} className="mb-2 font-semibold">
            {group.title}
          </h3>
          <ul className="space-y-1">
            {group.options.map((option) => (
              <li key={option.href}>
                <Link
                  href={option.href}
                  aria-current={option.selected ? 'true' : undefined}
                  rel="nofollow"
                  prefetch={false}
                  className="facet-option"
                >
                  <span>
                    <span aria-hidden className="facet-box">
                      {option.selected ? '✓' : ''}
                    </span>
                    <span>
                      {option.label}
                      {option.selected && <span className="sr-only"> ({selectedLabel})</span>}
                    </span>
                  </span>
                  <span>{option.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
