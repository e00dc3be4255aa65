import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** 403: signed in, but not allowed here (a customer opening /admin). */
export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <div className="container-page py-20 text-center">
      <p className="text-6xl font-black text-brand-600">403</p>
      <h1 className="mt-4 text-2xl font-bold">{t('forbiddenTitle')}</h1>
      <p className="mt-2 text-stone-600">{t('forbiddenText')}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-full bg-stone-900 px-5 py-2 text-sm font-semibold text-white hover:bg-stone-700"
      >
        {t('goHome')}
      </Link>
    </div>
  );
}
