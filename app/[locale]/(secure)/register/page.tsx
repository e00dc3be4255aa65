import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps } from '@/components/auth/auth-card';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { RegisterForm } from '@/components/auth/register-form';
import { TextLink } from '@/components/ui/text-link';
import type { FormState } from '@/lib/actions/registration';
import { enabledOAuthProviders } from '@/lib/api/auth-options';
import { formResult } from '@/lib/http/form-result';
import { safeRedirectPath } from '@/lib/http/redirect';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

export const generateMetadata = titleMetadata('auth', 'registerTitle');

export default async function RegisterPage({ params, searchParams }: AuthPageProps) {
  const locale = await resolveLocale(params);
  const next = safeRedirectPath([(await searchParams).next].flat()[0]);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations({ locale, namespace: 'auth' });
  return (
    <AuthCard
      title={t('registerTitle')}
      intro={t('registerIntro')}
      footer={
        <>
          {t('haveAccount')} <TextLink href={`/login?next=${encodeURIComponent(next)}`}>{t('signIn')}</TextLink>
        </>
      }
    >
      <RegisterForm next={next} initial={await formResult<FormState>('register')} />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
    </AuthCard>
  );
}
