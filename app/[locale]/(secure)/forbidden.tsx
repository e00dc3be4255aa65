import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';

/** 403: signed in, but not allowed here (a customer opening /admin). */
export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <StatusPage code={403} title={t('forbiddenTitle')} text={t('forbiddenText')}>
      <Link href="/" className={buttonClass()}>
        {t('goHome')}
      </Link>
    </StatusPage>
  );
}
