import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthCard, type AuthPageProps, LinkProblem } from '@/components/auth/auth-card';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { readRegistrationLink, SIGNUP_COOKIE } from '@/lib/accounts/registration';
import { CSRF_COOKIE, readCsrfToken } from '@/lib/auth/csrf';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// The link in a registration mail. Per request: the link's validity and the browser's cookie decide
// what it shows. Following the link (the button) creates the account and signs it in.
export const instant = false;

export const generateMetadata = titleMetadata('auth', 'verifyTitle');

export default async function VerifyEmailPage({ params, searchParams }: AuthPageProps) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'auth' });
  const token = [(await searchParams).token].flat()[0] ?? '';
  const jar = await cookies();
  const link = await readRegistrationLink(token, jar.get(SIGNUP_COOKIE)?.value);
  if (link.status === 'invalid' && (await getCurrentUser())) redirect('/account');
  return (
    <AuthCard title={t('verifyTitle')}>
      {link.status === 'ready' ? (
        <VerifyEmailForm
          token={token}
          email={link.email}
          sameBrowser={link.sameBrowser}
          next={link.next}
          csrfToken={readCsrfToken(jar.get(CSRF_COOKIE)?.value)}
        />
      ) : (
        <LinkProblem message={t('verifyInvalid')} href="/register" action={t('registerAgain')} />
      )}
    </AuthCard>
  );
}
