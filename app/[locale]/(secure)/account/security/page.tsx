import { getTranslations } from 'next-intl/server';
import { EmailForm } from '@/components/account/email-form';
import { PasswordForm } from '@/components/account/password-form';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request, so it may block a navigation (loading.tsx shows meanwhile).
export const instant = false;

export const generateMetadata = titleMetadata('account.security');

const card = 'space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-6';

export default async function AccountSecurityPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/security');
  const t = await getTranslations({ locale, namespace: 'account.security' });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>

      <section aria-labelledby="security-email" className={card}>
        <h2 id="security-email" className="text-lg font-semibold">
          {t('emailTitle')}
        </h2>
        <p className="text-sm text-stone-600">{t('emailIntro')}</p>
        <p className="break-words text-sm font-medium">
          {user.email ? t('currentEmail', { email: user.email }) : t('noEmail')}
        </p>
        {user.hasPassword ? <EmailForm /> : <p className="text-sm text-stone-600">{t('emailNeedsPassword')}</p>}
      </section>

      <section aria-labelledby="security-password" className={card}>
        <h2 id="security-password" className="text-lg font-semibold">
          {user.hasPassword ? t('passwordTitle') : t('setPassword')}
        </h2>
        <p className="text-sm text-stone-600">{user.hasPassword ? t('passwordIntro') : t('setPasswordIntro')}</p>
        <PasswordForm hasPassword={user.hasPassword} />
      </section>

      <section aria-labelledby="security-sessions" className={card}>
        <h2 id="security-sessions" className="text-lg font-semibold">
          {t('signOutTitle')}
        </h2>
        <p className="text-sm text-stone-600">{t('signOutIntro')}</p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
