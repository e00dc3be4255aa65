import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { TextLink } from '@/components/ui/text-link';
import { enabledOAuthProviders } from '@/lib/api/auth-options';
import { CSRF_COOKIE, readCsrfToken } from '@/lib/auth/csrf';
import { callbackPath, safeRedirectPath } from '@/lib/http/redirect';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

const KNOWN_ERRORS = [
  'OAuthAccountNotLinked',
  'AccountDisabled',
  'CredentialsSignin',
  'TooManyAttempts',
  'EmailNotVerified',
] as const;

export const generateMetadata = titleMetadata('auth', 'signInTitle');

export default async function LoginPage({ params, searchParams }: AuthPageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  // next-auth's own redirects back here (an error, a refused CSRF token) name it callbackUrl.
  const callbackUrl = [query.callbackUrl].flat()[0];
  const next = query.next ? safeRedirectPath([query.next].flat()[0]) : callbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(next);
  // Without JavaScript the form posts to next-auth with the token of its CSRF cookie (issued by proxy.ts).
  const csrfToken = readCsrfToken((await cookies()).get(CSRF_COOKIE)?.value);
  const t = await getTranslations({ locale, namespace: 'auth' });
  const error = [query.error].flat()[0];
  const knownError = KNOWN_ERRORS.find((e) => e === error);
  return (
    <AuthCard
      title={t('signInTitle')}
      intro={query.reset ? <p role="status">{t('resetDone')}</p> : null}
      footer={
        <>
          {t('noAccount')} <TextLink href={`/register?next=${encodeURIComponent(next)}`}>{t('createAccount')}</TextLink>
        </>
      }
    >
      <LoginForm
        next={next}
        csrfToken={csrfToken}
        initialError={knownError ? t(`errors.${knownError}`) : error ? t('errors.CredentialsSignin') : null}
      />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
    </AuthCard>
  );
}
