import { getTranslations } from 'next-intl/server';
import { EmailForm } from '@/components/account/email-form';
import { PasswordForm } from '@/components/account/password-form';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { Section } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { FormState } from '@/lib/actions/registration';
import { userOrSignIn } from '@/lib/auth/guards';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('account.security');

const CARD = 'space-y-4 p-4 sm:p-6';

export default async function AccountSecurityPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/security');
  const t = await getTranslations({ locale, namespace: 'account.security' });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} />

      <Section id="security-email" title={t('emailTitle')} className={CARD} headingClassName="text-lg font-semibold">
        <p className="text-sm text-stone-600">{t('emailIntro')}</p>
        <p className="break-words text-sm font-medium">
          {user.email ? t('currentEmail', { email: user.email }) : t('noEmail')}
        </p>
        {user.hasPassword ? (
          <EmailForm initial={await formResult<FormState>('changeEmail')} />
        ) : (
          <p className="text-sm text-stone-600">{t('emailNeedsPassword')}</p>
        )}
      </Section>

      <Section
        id="security-password"
        title={user.hasPassword ? t('passwordTitle') : t('setPassword')}
        className={CARD}
        headingClassName="text-lg font-semibold"
      >
        <p className="text-sm text-stone-600">{user.hasPassword ? t('passwordIntro') : t('setPasswordIntro')}</p>
        <PasswordForm hasPassword={user.hasPassword} initial={await formResult<FormState>('changePassword')} />
      </Section>

      <Section
        id="security-sessions"
        title={t('signOutTitle')}
        className={CARD}
        headingClassName="text-lg font-semibold"
      >
        <p className="text-sm text-stone-600">{t('signOutIntro')}</p>
        <SignOutEverywhereForm />
      </Section>
    </div>
  );
}
