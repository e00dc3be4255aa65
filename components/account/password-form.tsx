'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { PasswordField } from '@/components/ui/field';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { changePasswordAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/actions/registration';
import { useErrorText } from './use-error-text';

/**
 * Changes the password (current + new + repeat), or sets a first one for an account that signs in
 * with OAuth only (no current password then). Other devices are signed out; this one stays. A form
 * on useActionState, so it works without JavaScript too (`initial`: the answer to the form posted
 * without it).
 */
export function PasswordForm({ hasPassword, initial = null }: { hasPassword: boolean; initial?: FormState }) {
  const t = useTranslations('account.security');
  const errorText = useErrorText();
  const element = useRef<HTMLFormElement>(null);
  const { state, errors, form } = useActionForm(changePasswordAction, {
    initial,
    onSuccess: () => element.current?.reset(),
  });
  const success = state?.ok ? t(state.message === 'passwordSet' ? 'passwordSet' : 'passwordChanged') : null;
  return (
    <form ref={element} {...form} className="max-w-md space-y-4" noValidate>
      {hasPassword && (
        <PasswordField
          label={t('currentPassword')}
          name="currentPassword"
          autoComplete="current-password"
          error={errorText(errors.currentPassword)}
        />
      )}
      <NewPasswordFields
        name="newPassword"
        label={t('newPassword')}
        confirmLabel={t('confirmPassword')}
        errors={errors}
        feedback={state?.passwordFeedback}
      />
      <FormMessages error={errorText(errors.form)} success={success} />
      <SubmitButton>{hasPassword ? t('changePassword') : t('setPassword')}</SubmitButton>
    </form>
  );
}
