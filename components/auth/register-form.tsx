'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { registerAction } from '@/lib/actions/registration';
import { usePasswordErrorText } from './password-error';

/**
 * Registration. A valid form always ends on "check your email": the account is created, and this
 * browser signed in, by the link mailed to the address (an address that already has an account gets
 * a note to its owner instead, and the page says the same). A form on useActionState, so it works
 * without JavaScript too.
 */
export function RegisterForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const passwordError = usePasswordErrorText();
  const { state, errors, form } = useActionForm(registerAction);
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  if (state?.ok) {
    return (
      <div role="status" aria-live="polite" className="space-y-3 text-sm text-stone-700">
        <h2 className="text-lg font-semibold text-stone-900">{t('checkEmailTitle')}</h2>
        <p>{t('checkEmailBody', { email: state.email ?? '' })}</p>
        <p>{t('checkEmailHelp')}</p>
        <p>
          <Link
            href={`/login?next=${encodeURIComponent(next)}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            {t('backToSignIn')}
          </Link>
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
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={error('email')}
      />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        error={passwordError(errors.password, state?.passwordFeedback)}
      />
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
