'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { registerAction } from '@/lib/accounts/actions';
import { useFormAction } from './use-form-action';

/** Registration; on success the new account is signed in and sent on. */
export function RegisterForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const { pending, onSubmit, errors } = useFormAction(registerAction, async (formData) => {
    const result = await signIn('credentials', {
      login: String(formData.get('email')),
      password: String(formData.get('password')),
      redirect: false,
    });
    window.location.assign(result?.ok ? next : '/login');
  });
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
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
        error={error('password')}
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
