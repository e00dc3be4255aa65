'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { usePasswordErrorText } from '@/components/auth/password-error';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { changePasswordAction } from '@/lib/actions/account';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

/**
 * Changes the password (current + new + repeat), or sets a first one for an account that signs in
 * with OAuth only (no current password then). Other devices are signed out; this one stays.
 */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('account.security');
  const auth = useTranslations('auth');
  const errorText = useErrorText();
  const passwordError = usePasswordErrorText();
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit, errors } = useFormAction(changePasswordAction, () => form.current?.reset());
  const success = state?.ok ? t(state.message === 'passwordSet' ? 'passwordSet' : 'passwordChanged') : null;
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {hasPassword && (
        <Field
          label={t('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errorText(errors.currentPassword)}
        />
      )}
      <Field
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={auth('passwordHint')}
        error={
          errors.newPassword === 'passwordWeak'
            ? passwordError(errors.newPassword, state?.passwordFeedback)
            : errorText(errors.newPassword)
        }
      />
      <Field
        label={t('confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errorText(errors.confirm)}
      />
      <FormMessages error={errorText(errors.form)} success={success} />
      <Button type="submit" pending={pending}>
        {hasPassword ? t('changePassword') : t('setPassword')}
      </Button>
    </form>
  );
}
