'use client';

import { useId, useState } from 'react';

/**
 * Holds the facets: always shown beside the results on wide screens, behind a toggle on phones.
 * The facets are rendered once (server side) and passed in as children.
 */
export function FacetDrawer({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center justify-between rounded-lg border border-stone-200 bg-white px-3 py-2 font-semibold lg:hidden"
      >
        {label}
        <span aria-hidden>{open ? '−' : '+'}</span>
      </button>
      <div id={id} className={`${open ? 'mt-3 block' : 'hidden'} lg:mt-0 lg:block`}>
        {children}
      </div>
    </div>
  );
}
