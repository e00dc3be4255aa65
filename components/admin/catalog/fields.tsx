'use client';

import { useTranslations } from 'next-intl';
import { Section } from '@/components/ui/card';

/** Helpers of the catalog editor (its form controls are components/ui/field.tsx). */

/** Turns an error key ("skuTaken", "editionInUse:AB-1, AB-2") into a sentence. */
export function useErrorText() {
  const t = useTranslations('admin.catalog.errors');
  return (value: string | null | undefined): string | null => {
    if (!value) return null;
    const at = value.indexOf(':');
    const key = at === -1 ? value : value.slice(0, at);
    const detail = at === -1 ? '' : value.slice(at + 1);
    return t.has(key) ? t(key, { detail }) : t('invalid');
  };
}

/** A small secondary button (move, remove, add) with an accessible name. */
export function SmallButton({
  className = '',
  tone = 'plain',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'plain' | 'danger' }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm ring-1 ring-inset disabled:cursor-not-allowed disabled:opacity-40 ${tone === 'danger' ? 'text-brand-700 ring-brand-100 hover:bg-brand-50' : 'text-stone-700 ring-stone-300 hover:bg-stone-100'} ${className}`}
      {...props}
    />
  );
}

/**
 * A part of the catalog editor (details, editions, tracks, credits, media): a card named by its
 * heading, with an introduction, a live region that announces additions and removals, and the
 * error that concerns the part as a whole.
 */
export function EditorSection({
  id,
  title,
  aside,
  intro,
  announcement,
  error,
  className,
  children,
}: {
  id: string;
  title: React.ReactNode;
  /** Beside the heading: a summary (a tracklist's length). */
  aside?: React.ReactNode;
  intro?: React.ReactNode;
  /** Read out by screen readers when it changes. */
  announcement?: string;
  error?: string | null;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Section id={id} title={title} aside={aside} headingClassName="text-lg font-bold" className={className}>
      {intro && <p className="mt-1 text-sm text-stone-600">{intro}</p>}
      {announcement !== undefined && (
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-brand-700">
          {error}
        </p>
      )}
      {children}
    </Section>
  );
}

/**
 * Move up, move down and remove: the buttons of one item of an ordered list in the editor. Their
 * names come from the part's `moveUp`, `moveDown`, `remove` and `removeShort` texts, given `values`
 * that name the item.
 */
export function ItemButtons({
  t,
  onMove,
  index,
  values,
  count,
  onRemove,
  idPrefix,
}: {
  t: (key: 'moveUp' | 'moveDown' | 'remove' | 'removeShort', values?: Record<string, string | number>) => string;
  onMove: (delta: -1 | 1) => void;
  index: number;
  values: Record<string, string | number>;
  /** How many items the list has. */
  count: number;
  onRemove: () => void;
  /** Gives the move buttons the ids `${idPrefix}-up` and `${idPrefix}-down` (focus returns there after a move). */
  idPrefix?: string;
}) {
  return (
    <div className="flex gap-1">
      {([-1, 1] as const).map((delta) => {
        const up = delta === -1;
        return (
          <SmallButton
            key={delta}
            id={idPrefix ? `${idPrefix}-${up ? 'up' : 'down'}` : undefined}
            onClick={() => onMove(delta)}
            disabled={up ? index === 0 : index === count - 1}
            aria-label={t(up ? 'moveUp' : 'moveDown', values)}
          >
            {up ? '↑' : '↓'}
          </SmallButton>
        );
      })}
      <SmallButton tone="danger" onClick={onRemove} aria-label={t('remove', values)}>
        {t('removeShort')}
      </SmallButton>
    </div>
  );
}
