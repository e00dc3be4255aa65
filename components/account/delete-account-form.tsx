'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, PasswordField } from '@/components/ui/field';
import { DoneNotice, FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { useScripted } from '@/components/ui/form/use-scripted';
import { deleteAccountAction } from '@/lib/actions/account';
import { useErrorText } from './use-error-text';

/**
 * Deletes the account, confirmed with the current password (or the username when the account has no
 * password). The account's sessions end on the server; then this browser's cookie is cleared through
 * next-auth's sign-out, and the confirmation replaces the form, with a link to the home page. A form
 * on useActionState: without JavaScript the confirmation shows as soon as the account is gone.
 */
export function DeleteAccountForm({ hasPassword, username }: { hasPassword: boolean; username: string }) {
  const t = useTranslations('account.delete');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const scripted = useScripted();
  const [signedOut, setSignedOut] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const { state, errors, form } = useActionForm(deleteAccountAction, {
    onSuccess: () =>
      void signOut({ redirect: false })
        .catch(() => {})
        .then(() => queryClient.invalidateQueries({ queryKey: ['me'] }))
        .then(() => setSignedOut(true)),
  });
  const deleted = signedOut || (state?.ok && !scripted);
  useEffect(() => {
    if (deleted) confirmation.current?.focus();
  }, [deleted]);

  if (deleted) return <AccountDeleted ref={confirmation} />;
  const confirm = { name: 'confirmation', error: errorText(errors.confirmation) };
  return (
    <form {...form} className="max-w-md space-y-4" noValidate>
      {hasPassword ? (
        <PasswordField
          {...confirm}
          label={t('confirmPassword')}
          autoComplete="current-password"
          hint={t('confirmPasswordHint')}
        />
      ) : (
        <Field
          {...confirm}
          label={t('confirmUsername', { username })}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={t('confirmUsernameHint')}
        />
      )}
      <FormMessages error={errorText(errors.form)} />
      <SubmitButton variant="danger">{t('submit')}</SubmitButton>
    </form>
  );
}

/**
 * What replaces the form once the account is gone; also the page's answer to the form posted without
 * JavaScript, when no user is signed in any more to show the form to.
 */
export function AccountDeleted({ ref }: { ref?: React.Ref<HTMLDivElement> }) {
  const t = useTranslations('account.delete');
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none">
      <DoneNotice>{t('deleted')}</DoneNotice>
      {/* The store has its own root layout, so this is a full page load: nothing still shows the account. */}
      <Link href="/" className={buttonClass()}>
        {t('goHome')}
      </Link>
    </div>
  );
}
