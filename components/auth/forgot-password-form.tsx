'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { forgotPasswordAction } from '@/lib/actions/registration';
import { useFormAction } from './use-form-action';

/** Asks for a reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const { state, pending, onSubmit, errors } = useFormAction(forgotPasswordAction);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
        {t('resetSent')}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors.email ? t(`errors.${errors.email}`) : null}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t('sendResetLink')}
      </Button>
    </form>
  );
}
