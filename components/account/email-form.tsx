'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { changeEmailAction } from '@/lib/actions/account';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

/** Changes the sign-in email; needs the current password. */
export function EmailForm() {
  const t = useTranslations('account.security');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, errors } = useFormAction(changeEmailAction, () => {
    form.current?.reset();
    router.refresh();
  });
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <Field
        label={t('newEmail')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errorText(errors.email)}
      />
      <Field
        label={t('currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errorText(errors.currentPassword)}
      />
      <FormMessages error={errorText(errors.form)} success={state?.ok ? t('emailChanged') : null} />
      <Button type="submit" pending={pending}>
        {t('changeEmail')}
      </Button>
    </form>
  );
}
