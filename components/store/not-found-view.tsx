import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';

/** The 404 page of both root layouts (catalog and per-user pages). */
export async function NotFoundView() {
  const t = await getTranslations('errors');
  return (
    <StatusPage code={404} title={t('notFoundTitle')} text={t('notFoundText')}>
      <Link href="/" className={buttonClass()}>
        {t('goHome')}
      </Link>
      <Link href="/search" className={buttonClass('secondary')}>
        {t('search')}
      </Link>
    </StatusPage>
  );
}
