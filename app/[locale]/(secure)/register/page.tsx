import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { RegisterForm } from '@/components/auth/register-form';
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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  return { title: t('registerTitle') };
}

export default async function RegisterPage({ params, searchParams }: Props) {
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
          {t('haveAccount')}{' '}
          <Link
            href={`/login?next=${encodeURIComponent(next)}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            {t('signIn')}
          </Link>
        </>
      }
    >
      <RegisterForm next={next} />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
    </AuthCard>
  );
}
