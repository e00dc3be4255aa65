import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The 404 page of both root layouts (catalog and per-user pages). */
export async function NotFoundView() {
  const t = await getTranslations('errors');
  return (
    <div className="container-page py-20 text-center">
      <p className="text-6xl font-black text-brand-600">404</p>
      <h1 className="mt-4 text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-stone-600">{t('notFoundText')}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link
          href="/"
          className="rounded-full bg-stone-900 px-5 py-2 text-sm font-semibold text-white hover:bg-stone-700"
        >
          {t('goHome')}
        </Link>
        <Link
          href="/search"
          className="rounded-full px-5 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
        >
          {t('search')}
        </Link>
      </div>
    </div>
  );
}
