'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { DoneNotice, FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { useScripted } from '@/components/ui/form/use-scripted';
import { TextLink } from '@/components/ui/text-link';
import { type FormState, resetPasswordAction } from '@/lib/actions/registration';
import { NewPasswordFields } from './new-password-fields';
import { useAuthErrorText } from './password-error';

/**
 * Sets a new password from a reset link, then sends the user to sign in with it. A form on
 * useActionState: without JavaScript the page comes back saying the password was changed, with the
 * way to sign in (`initial`: the answer to the form posted without it, lib/http/form-result.ts).
 */
export function ResetPasswordForm({
  token,
  valid = true,
  problem = null,
  initial = null,
}: {
  token: string;
  /** Whether the link can still be used; else `problem` shows, unless this form has just used it. */
  valid?: boolean;
  problem?: React.ReactNode;
  initial?: FormState;
}) {
  const t = useTranslations('auth');
  const router = useRouter();
  const scripted = useScripted();
  const errorText = useAuthErrorText();
  const { state, errors, form } = useActionForm(resetPasswordAction, {
    initial,
    onSuccess: () => router.push('/login?reset=1'),
  });
  // A reset trusts this browser (a cookie), so the page renders again with the link used up: the form
  // stays until its answer has sent the shopper on to sign in.
  if (!valid && !state?.ok) return problem;
  if (state?.ok && !scripted) {
    return (
      <div className="space-y-4 text-sm">
        <DoneNotice>{t('resetDone')}</DoneNotice>
        <TextLink href="/login">{t('signIn')}</TextLink>
      </div>
    );
  }
  return (
    <form {...form} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        label={t('newPassword')}
        confirmLabel={t('confirmPassword')}
        errors={errors}
        feedback={state?.passwordFeedback}
      />
      <FormError>{errorText(errors.form)}</FormError>
      <SubmitButton className="w-full">{t('setPassword')}</SubmitButton>
    </form>
  );
}
