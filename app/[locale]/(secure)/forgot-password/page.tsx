import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps } from '@/components/auth/auth-card';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { TextLink } from '@/components/ui/text-link';
import type { FormState } from '@/lib/actions/registration';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

export const generateMetadata = titleMetadata('auth', 'forgotTitle');

export default async function ForgotPasswordPage({ params }: Pick<AuthPageProps, 'params'>) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  return (
    <AuthCard
      title={t('forgotTitle')}
      intro={t('forgotIntro')}
      footer={<TextLink href="/login">{t('backToSignIn')}</TextLink>}
    >
      <ForgotPasswordForm initial={await formResult<FormState>('forgotPassword')} />
    </AuthCard>
  );
}
