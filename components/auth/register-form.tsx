'use client';

import { useTranslations } from 'next-intl';
import { EmailField, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { TextLink } from '@/components/ui/text-link';
import { type FormState, registerAction } from '@/lib/actions/registration';
import { NewPasswordFields } from './new-password-fields';
import { useAuthErrorText } from './password-error';

/**
 * Registration. A valid form always ends on "check your email": the account is created, and this
 * browser signed in, by the link mailed to the address (an address that already has an account gets
 * a note to its owner instead, and the page says the same). A form on useActionState, so it works
 * without JavaScript too (`initial`: the answer to the form posted without it, lib/http/form-result.ts).
 */
export function RegisterForm({ next, initial = null }: { next: string; initial?: FormState }) {
  const t = useTranslations('auth');
  const errorText = useAuthErrorText();
  const { state, errors, form } = useActionForm(registerAction, { initial });
  const error = (field: string) => errorText(errors[field]);
  if (state?.ok) {
    return (
      <div role="status" aria-live="polite" className="space-y-3 text-sm text-stone-700">
        <h2 className="text-lg font-semibold text-stone-900">{t('checkEmailTitle')}</h2>
        <p>{t('checkEmailBody', { email: state.email ?? '' })}</p>
        <p>{t('checkEmailHelp')}</p>
        <p>
          <TextLink href={`/login?next=${encodeURIComponent(next)}`}>{t('backToSignIn')}</TextLink>
        </p>
      </div>
    );
  }
  return (
    <form {...form} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Field
        label={t('username')}
        name="username"
        autoComplete="username"
        required
        maxLength={32}
        hint={t('usernameHint')}
        error={error('username')}
      />
      <EmailField label={t('email')} name="email" error={error('email')} />
      <NewPasswordFields label={t('password')} errors={errors} feedback={state?.passwordFeedback} />
      <Field
        label={t('displayName')}
        name="displayName"
        autoComplete="name"
        maxLength={80}
        error={error('displayName')}
      />
      <FormError>{error('form')}</FormError>
      <SubmitButton pendingLabel={t('creatingAccount')} className="w-full">
        {t('createAccount')}
      </SubmitButton>
    </form>
  );
}
