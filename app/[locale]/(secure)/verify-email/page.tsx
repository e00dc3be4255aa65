import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth/auth-card';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { readRegistrationLink, SIGNUP_COOKIE } from '@/lib/accounts/registration';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveLocale } from '@/lib/i18n/server';

// The link in a registration mail. Per request: the link's validity and the browser's cookie decide
// what it shows. Following the link (the button) creates the account and signs it in.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  return { title: t('verifyTitle') };
}

export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  const token = [(await searchParams).token].flat()[0] ?? '';
  const link = await readRegistrationLink(token, (await cookies()).get(SIGNUP_COOKIE)?.value);
  if (link.status === 'invalid' && (await getCurrentUser())) redirect('/account');
  return (
    <AuthCard title={t('verifyTitle')}>
      {link.status === 'ready' ? (
        <VerifyEmailForm token={token} email={link.email} sameBrowser={link.sameBrowser} next={link.next} />
      ) : (
        <div className="space-y-4 text-sm">
          <p role="alert" className="rounded-lg bg-brand-50 p-4 text-brand-700">
            {t('verifyInvalid')}
          </p>
          <Link href="/register" className="font-semibold text-brand-700 hover:underline">
            {t('registerAgain')}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
