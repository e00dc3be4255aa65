import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ProfileForm } from '@/components/account/profile-form';
import { PersonalizationToggle } from '@/components/recommendations/personalization-toggle';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request, so it may block a navigation (loading.tsx shows meanwhile).
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'account.profile' });
  return { title: t('title') };
}

export default async function AccountProfilePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/profile');
  const t = await getTranslations({ locale, namespace: 'account.profile' });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
        <p className="mt-2 text-sm text-stone-600">{t('intro')}</p>
      </div>
      <ProfileForm
        displayName={user.displayName}
        preferredLocale={user.preferredLocale === 'zh' || user.preferredLocale === 'en' ? user.preferredLocale : locale}
      />
      <PersonalizationToggle />
    </div>
  );
}
