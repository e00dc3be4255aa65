'use client';

import { useTranslations } from 'next-intl';
import { useId, useOptimistic, useState, useTransition } from 'react';
import { updatePersonalizationAction } from '@/lib/actions/personalization';

/**
 * The switch itself: flips at once (optimistic), saves through the server action, and announces
 * the outcome in a live region; on failure it flips back and says so.
 */
export function PersonalizationSwitch({ enabled }: { enabled: boolean }) {
  const t = useTranslations('account.personalization');
  const [saved, setSaved] = useState(enabled);
  const [shown, setShown] = useOptimistic(saved);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const labelId = useId();
  const descriptionId = useId();

  function toggle() {
    const next = !shown;
    startTransition(async () => {
      setShown(next);
      const result = await updatePersonalizationAction(next);
      if (result.ok) {
        setSaved(result.enabled);
        setMessage({ error: false, text: result.enabled ? t('savedOn') : t('savedOff') });
      } else {
        setMessage({ error: true, text: t('failed') });
      }
    });
  }

  return (
    <section aria-labelledby={`${labelId}-title`} className="max-w-md space-y-2">
      <h2 id={`${labelId}-title`} className="text-lg font-semibold">
        {t('title')}
      </h2>
      <div className="flex items-center justify-between gap-4">
        <span id={labelId} className="text-sm font-medium">
          {t('label')}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={shown}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          aria-busy={pending || undefined}
          onClick={toggle}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 ${shown ? 'bg-brand-700' : 'bg-stone-300'}`}
        >
          <span
            aria-hidden
            className={`inline-block size-5 rounded-full bg-white shadow transition ${shown ? 'translate-x-5' : 'translate-x-0.5'}`}
          />
          <span className="sr-only">{shown ? t('on') : t('off')}</span>
        </button>
      </div>
      <p id={descriptionId} className="text-sm text-stone-600">
        {t('description')}
      </p>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm font-medium ${message?.error ? 'text-brand-700' : 'text-emerald-800'}`}
      >
        {message?.text}
      </p>
    </section>
  );
}
