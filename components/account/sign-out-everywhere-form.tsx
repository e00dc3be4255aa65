'use client';

import { useTranslations } from 'next-intl';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { signOutEverywhereAction } from '@/lib/actions/account';
import { useErrorText } from './use-error-text';

/**
 * Ends every session of the account, this one included, then loads the sign-in page in full (so
 * nothing on the page still shows the signed-in account). A form on useActionState.
 */
export function SignOutEverywhereForm() {
  const t = useTranslations('account.security');
  const errorText = useErrorText();
  const { state, errors, form } = useActionForm(signOutEverywhereAction, {
    onSuccess: () => {
      // A full page load, not router.push: every client cache (the header's account menu) starts afresh.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/login');
    },
  });
  return (
    <form {...form} className="space-y-4">
      <FormMessages error={errorText(errors.form)} success={state?.ok ? t('signedOutEverywhere') : null} />
      <SubmitButton variant="danger">{t('signOutEverywhere')}</SubmitButton>
    </form>
  );
}
