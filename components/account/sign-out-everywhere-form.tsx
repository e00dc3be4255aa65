'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/actions/account';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

/**
 * Ends every session of the account, this one included, then loads the sign-in page in full (so
 * nothing on the page still shows the signed-in account).
 */
export function SignOutEverywhereForm() {
  const t = useTranslations('account.security');
  const errorText = useErrorText();
  const { state, pending, onSubmit, errors } = useFormAction(signOutEverywhereAction, () => {
    // A full page load, not router.push: every client cache (the header's account menu) starts afresh.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign('/login');
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormMessages error={errorText(errors.form)} success={state?.ok ? t('signedOutEverywhere') : null} />
      <Button type="submit" variant="danger" pending={pending}>
        {t('signOutEverywhere')}
      </Button>
    </form>
  );
}
