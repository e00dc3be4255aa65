'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/** Unexpected failures land here; expected ones are shown beside the control that caused them. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="container-page py-20 text-center">
      <h1 className="text-2xl font-bold">{t('errorTitle')}</h1>
      <p className="mt-2 text-stone-600">{t('errorText')}</p>
      {error.digest && <p className="mt-1 text-xs text-stone-500">{t('errorReference', { digest: error.digest })}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-full bg-stone-900 px-5 py-2 text-sm font-semibold text-white hover:bg-stone-700"
      >
        {t('retry')}
      </button>
    </div>
  );
}
