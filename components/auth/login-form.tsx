'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';

/** next-auth's credentials endpoint: it takes this form as posted by a browser without JavaScript. */
const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';

/**
 * Email-or-username and password sign-in through next-auth's credentials endpoint. Unknown
 * accounts and wrong passwords get the same message.
 *
 * Without JavaScript the browser posts the form to that endpoint with next-auth's CSRF token (read
 * from its cookie by the page); next-auth then redirects to `next`, or back to the sign-in page with
 * an error the page shows. With JavaScript, `signIn` does the same without leaving the page.
 */
export function LoginForm({
  next,
  csrfToken,
  initialError,
}: {
  next: string;
  csrfToken: string | null;
  initialError?: string | null;
}) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      login: String(form.get('login') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every part of the page (header, cart) renders as the signed-in user.
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(result?.error === 'TooManyAttempts' ? t('errors.throttled') : t('errors.invalidCredentials'));
  }

  return (
    <form action={CREDENTIALS_CALLBACK} method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken ?? ''} />
      <input type="hidden" name="callbackUrl" value={next} />
      <Field label={t('login')} name="login" autoComplete="username" required maxLength={320} />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <FormError>{error}</FormError>
      <SubmitButton pending={pending} pendingLabel={t('signingIn')} className="w-full">
        {t('signIn')}
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          {t('forgotLink')}
        </Link>
      </p>
    </form>
  );
}
