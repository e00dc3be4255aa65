import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { enabledOAuthProviders } from '@/lib/api/auth-options';
import { safeRedirectPath } from '@/lib/http/redirect';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const KNOWN_ERRORS = [
  'OAuthAccountNotLinked',
  'AccountDisabled',
  'CredentialsSignin',
  'TooManyAttempts',
  'EmailNotVerified',
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  return { title: t('signInTitle') };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const next = safeRedirectPath([query.next].flat()[0]);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations({ locale, namespace: 'auth' });
  const error = [query.error].flat()[0];
  const knownError = KNOWN_ERRORS.find((e) => e === error);
  return (
    <AuthCard
      title={t('signInTitle')}
      intro={query.reset ? <p role="status">{t('resetDone')}</p> : null}
      footer={
        <>
          {t('noAccount')}{' '}
          <Link
            href={`/register?next=${encodeURIComponent(next)}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            {t('createAccount')}
          </Link>
        </>
      }
    >
      <LoginForm
        next={next}
        initialError={knownError ? t(`errors.${knownError}`) : error ? t('errors.CredentialsSignin') : null}
      />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
    </AuthCard>
  );
}
