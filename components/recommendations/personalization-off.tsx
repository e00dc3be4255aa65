import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

/** Says that recommendations are not personal because the shopper switched that off, and where to switch it on. */
export async function PersonalizationOff({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'recommendations' });
  return (
    <p className="mt-1 text-sm text-stone-600">
      {t('off')}{' '}
      <Link href="/account/profile" className="font-medium text-brand-700 hover:underline">
        {t('turnOn')}
      </Link>
    </p>
  );
}
