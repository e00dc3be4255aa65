'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { resetPasswordAction } from '@/lib/actions/registration';
import { usePasswordErrorText } from './password-error';
import { useFormAction } from './use-form-action';

/** Sets a new password from a reset link, then sends the user to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const passwordError = usePasswordErrorText();
  const { state, pending, onSubmit, errors } = useFormAction(resetPasswordAction, () => router.push('/login?reset=1'));
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        label={t('newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={passwordError(errors.password, state?.passwordFeedback)}
      />
      <Field
        label={t('confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={error('confirm')}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-brand-700">
        {error('form')}
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {t('setPassword')}
      </Button>
    </form>
  );
}
