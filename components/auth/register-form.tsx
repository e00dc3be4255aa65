'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { registerAction } from '@/lib/actions/registration';
import { usePasswordErrorText } from './password-error';
import { useFormAction } from './use-form-action';

/**
 * Registration. A valid form always ends on "check your email": the account is created, and this
 * browser signed in, by the link mailed to the address (an address that already has an account gets
 * a note to its owner instead, and the page says the same).
 */
export function RegisterForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const passwordError = usePasswordErrorText();
  const [email, setEmail] = useState('');
  const { state, pending, onSubmit, errors } = useFormAction(registerAction, (formData) =>
    setEmail(String(formData.get('email') ?? '').trim()),
  );
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  if (state?.ok) {
    return (
      <div role="status" aria-live="polite" className="space-y-3 text-sm text-stone-700">
        <h2 className="text-lg font-semibold text-stone-900">{t('checkEmailTitle')}</h2>
        <p>{t('checkEmailBody', { email })}</p>
        <p>{t('checkEmailHelp')}</p>
        <p>
          <Link
            href={`/login?next=${encodeURIComponent(next)}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            {t('backToSignIn')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Field
        label={t('username')}
        name="username"
        autoComplete="username"
        required
        maxLength={32}
        hint={t('usernameHint')}
        error={error('username')}
      />
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={error('email')}
      />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={passwordError(errors.password, state?.passwordFeedback)}
      />
      <Field
        label={t('displayName')}
        name="displayName"
        autoComplete="name"
        maxLength={80}
        error={error('displayName')}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-brand-700">
        {error('form')}
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t('creatingAccount') : t('createAccount')}
      </Button>
    </form>
  );
}
