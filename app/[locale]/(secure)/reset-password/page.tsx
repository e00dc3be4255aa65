import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps, LinkProblem } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { isResetTokenValid } from '@/lib/accounts/password-reset';
import type { FormState } from '@/lib/actions/registration';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

export const generateMetadata = titleMetadata('auth', 'resetTitle');

export default async function ResetPasswordPage({ params, searchParams }: AuthPageProps) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  const token = [(await searchParams).token].flat()[0] ?? '';
  await connection(); // the token's validity depends on the time of the request
  // Posted without JavaScript, the page comes back with the form's answer; after a reset the token is
  // used up, so the answer, not the token, decides that the form (saying it is done) still shows.
  const answer = await formResult<FormState>('resetPassword');
  const valid = answer?.ok === true || (await isResetTokenValid(token));
  return (
    <AuthCard title={t('resetTitle')}>
      <ResetPasswordForm
        token={token}
        valid={valid}
        initial={answer}
        problem={
          <LinkProblem message={t('errors.resetInvalid')} href="/forgot-password" action={t('requestNewLink')} />
        }
      />
    </AuthCard>
  );
}
