'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

/**
 * Email-or-username and password sign-in through next-auth's credentials endpoint. Unknown
 * accounts and wrong passwords get the same message.
 */
export function LoginForm({ next, initialError }: { next: string; initialError?: string | null }) {
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
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t('login')} name="login" autoComplete="username" required maxLength={320} />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-brand-700">
        {error}
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('signingIn') : t('signIn')}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          {t('forgotLink')}
        </Link>
      </p>
    </form>
  );
}
