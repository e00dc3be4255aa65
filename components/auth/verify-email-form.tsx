'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

/** next-auth's endpoint of the registration provider: it takes this form as posted without JavaScript. */
const REGISTRATION_CALLBACK = '/api/auth/callback/registration';

const KNOWN_ERRORS = [
  'RegistrationInvalid',
  'RegistrationEmailTaken',
  'RegistrationUsernameTaken',
  'TooManyAttempts',
] as const;

/**
 * Finishes a registration from its mailed link, through next-auth's "registration" provider: the
 * account is created and signed in, then the page goes on to where the shopper was heading. In the
 * browser that registered this happens at once; in any other the password chosen at registration is
 * asked for first.
 *
 * Without JavaScript the button posts the form to next-auth's endpoint with its CSRF token (the
 * cookie comes with this page, as with the sign-in page); next-auth then redirects to `next`, or to
 * the sign-in page with the error.
 */
export function VerifyEmailForm({
  token,
  email,
  sameBrowser,
  next,
  csrfToken,
}: {
  token: string;
  email: string;
  sameBrowser: boolean;
  next: string;
  csrfToken: string | null;
}) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const started = useRef(false);

  async function confirm(password: string) {
    setPending(true);
    setError(null);
    const result = await signIn('registration', { token, password, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so every part of the page (header, cart) renders as the new account.
      window.location.assign(next);
      return;
    }
    setPending(false);
    const known = KNOWN_ERRORS.find((e) => e === result?.error);
    setError(known ? t(`errors.${known}`) : t('errors.registrationPassword'));
  }

  useEffect(() => {
    if (!sameBrowser || started.current) return;
    started.current = true;
    void confirm('');
    // Runs once, when the registering browser opens the link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void confirm(String(new FormData(event.currentTarget).get('password') ?? ''));
  }

  return (
    <form action={REGISTRATION_CALLBACK} method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken ?? ''} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={next} />
      <p className="text-sm text-stone-700">{t('verifyIntro', { email })}</p>
      {!sameBrowser && (
        <>
          <p className="text-sm text-stone-700">{t('verifyOtherBrowser')}</p>
          <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
        </>
      )}
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-brand-700">
        {error}
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('verifying') : t('verifyAction')}
      </Button>
    </form>
  );
}
