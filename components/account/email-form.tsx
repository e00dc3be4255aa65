'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { EmailField, PasswordField } from '@/components/ui/field';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { changeEmailAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/actions/registration';
import { useErrorText } from './use-error-text';

/**
 * Changes the sign-in email; needs the current password. A form on useActionState, so it works
 * without JavaScript too (`initial`: the answer to the form posted without it).
 */
export function EmailForm({ initial = null }: { initial?: FormState }) {
  const t = useTranslations('account.security');
  const errorText = useErrorText();
  const router = useRouter();
  const element = useRef<HTMLFormElement>(null);
  const { state, errors, form } = useActionForm(changeEmailAction, {
    initial,
    onSuccess: () => {
      element.current?.reset();
      router.refresh();
    },
  });
  return (
    <form ref={element} {...form} className="max-w-md space-y-4" noValidate>
      <EmailField label={t('newEmail')} name="email" error={errorText(errors.email)} />
      <PasswordField
        label={t('currentPassword')}
        name="currentPassword"
        autoComplete="current-password"
        error={errorText(errors.currentPassword)}
      />
      <FormMessages error={errorText(errors.form)} success={state?.ok ? t('emailChanged') : null} />
      <SubmitButton>{t('changeEmail')}</SubmitButton>
    </form>
  );
}
