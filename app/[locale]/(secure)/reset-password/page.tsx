import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps, LinkProblem } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { isResetTokenValid } from '@/lib/accounts/password-reset';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

export const generateMetadata = titleMetadata('auth', 'resetTitle');

export default async function ResetPasswordPage({ params, searchParams }: AuthPageProps) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  const token = [(await searchParams).token].flat()[0] ?? '';
  await connection(); // the token's validity depends on the time of the request
  const valid = await isResetTokenValid(token);
  return (
    <AuthCard title={t('resetTitle')}>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <LinkProblem message={t('errors.resetInvalid')} href="/forgot-password" action={t('requestNewLink')} />
      )}
    </AuthCard>
  );
}
