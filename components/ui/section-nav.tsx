'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { LinkPending } from './link-pending';

/**
 * The sub-navigation of an area (the account centre, the back office): a scrolling row on phones, a
 * column beside the page on wide screens. A link is current on its page and the pages under it; the
 * area's first link (its overview) only on its own page. Inside a `LinkPendingArea` (the account
 * centre), a pending link shows the area's skeleton in place of the page.
 */
export function SectionNav({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  const pathname = usePathname();
  const root = links[0]?.href;
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 overflow-x-auto pb-1 text-sm lg:flex-col lg:pb-0">
        {links.map(({ href, text }) => {
          const current = pathname === href || (href !== root && pathname.startsWith(`${href}/`));
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 ${current ? 'bg-stone-900 text-white' : 'hover:bg-stone-100'}`}
              >
                {text}
                <LinkPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
