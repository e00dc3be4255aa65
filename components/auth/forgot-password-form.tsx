'use client';

import { useTranslations } from 'next-intl';
import { EmailField } from '@/components/ui/field';
import { DoneNotice, FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { type FormState, forgotPasswordAction } from '@/lib/actions/registration';
import { useAuthErrorText } from './password-error';

/**
 * Asks for a reset link. The answer is the same whether or not the account exists. A form on
 * useActionState, so it works without JavaScript too (`initial`: the answer to the form posted
 * without it, lib/http/form-result.ts).
 */
export function ForgotPasswordForm({ initial = null }: { initial?: FormState }) {
  const t = useTranslations('auth');
  const errorText = useAuthErrorText();
  const { state, errors, form } = useActionForm(forgotPasswordAction, { initial });
  if (state?.ok) return <DoneNotice>{t('resetSent')}</DoneNotice>;
  return (
    <form {...form} className="space-y-4" noValidate>
      <EmailField label={t('email')} name="email" error={errorText(errors.email)} />
      <FormError>{errorText(errors.form)}</FormError>
      <SubmitButton className="w-full">{t('sendResetLink')}</SubmitButton>
    </form>
  );
}
