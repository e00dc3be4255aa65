import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { isResetTokenValid } from '@/lib/accounts/password-reset';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  return { title: t('resetTitle') };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  const token = [(await searchParams).token].flat()[0] ?? '';
  await connection(); // the token's validity depends on the time of the request
  const valid = await isResetTokenValid(token);
  return (
    <AuthCard title={t('resetTitle')}>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4 text-sm">
          <p role="alert" className="rounded-lg bg-brand-50 p-4 text-brand-700">
            {t('errors.resetInvalid')}
          </p>
          <Link href="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            {t('requestNewLink')}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
