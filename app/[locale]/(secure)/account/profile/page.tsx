import { getTranslations } from 'next-intl/server';
import { ProfileForm } from '@/components/account/profile-form';
import { PersonalizationToggle } from '@/components/recommendations/personalization-toggle';
import { PageHeader } from '@/components/ui/page-header';
import type { FormState } from '@/lib/actions/registration';
import { userOrSignIn } from '@/lib/auth/guards';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('account.profile');

export default async function AccountProfilePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/profile');
  const t = await getTranslations({ locale, namespace: 'account.profile' });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <ProfileForm
        displayName={user.displayName}
        preferredLocale={user.preferredLocale === 'zh' || user.preferredLocale === 'en' ? user.preferredLocale : locale}
        initial={await formResult<FormState>('updateProfile')}
      />
      <PersonalizationToggle />
    </div>
  );
}
