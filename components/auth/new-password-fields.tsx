'use client';

import { useTranslations } from 'next-intl';
import { PasswordField } from '@/components/ui/field';
import type { PasswordFeedback } from '@/lib/accounts/validation';
import { useAuthErrorText } from './password-error';

/**
 * A new password, with the rules under it and, for a weak one, zxcvbn's advice in its error; with
 * `confirmLabel`, a second field (`confirm`) that repeats it. `errors` are the form's field errors
 * (keys of auth.errors), `name` the new password's field.
 */
export function NewPasswordFields({
  name = 'password',
  label,
  confirmLabel,
  errors,
  feedback,
}: {
  name?: string;
  label: string;
  confirmLabel?: string;
  errors: Record<string, string>;
  feedback?: PasswordFeedback;
}) {
  const t = useTranslations('auth');
  const errorText = useAuthErrorText();
  return (
    <>
      <PasswordField
        label={label}
        name={name}
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={errorText(errors[name], feedback)}
      />
      {confirmLabel && (
        <PasswordField
          label={confirmLabel}
          name="confirm"
          autoComplete="new-password"
          error={errorText(errors.confirm)}
        />
      )}
    </>
  );
}
