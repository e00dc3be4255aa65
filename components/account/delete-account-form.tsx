'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { deleteAccountAction } from '@/lib/actions/account';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

/**
 * Deletes the account, confirmed with the current password (or the username when the account has no
 * password). The account's sessions end on the server; then this browser's cookie is cleared through
 * next-auth's sign-out, and the confirmation replaces the form, with a link to the home page.
 */
export function DeleteAccountForm({ hasPassword, username }: { hasPassword: boolean; username: string }) {
  const t = useTranslations('account.delete');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const { pending, onSubmit, errors } = useFormAction(deleteAccountAction, async () => {
    await signOut({ redirect: false }).catch(() => {});
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    setDeleted(true);
  });
  useEffect(() => {
    if (deleted) confirmation.current?.focus();
  }, [deleted]);

  if (deleted) {
    return (
      <div ref={confirmation} tabIndex={-1} className="space-y-4 outline-none">
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
          {t('deleted')}
        </p>
        {/* The store has its own root layout, so this is a full page load: nothing still shows the account. */}
        <Link
          href="/"
          className="inline-block rounded-full bg-stone-900 px-5 py-2 text-sm font-semibold text-white hover:bg-stone-700"
        >
          {t('goHome')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {hasPassword ? (
        <Field
          label={t('confirmPassword')}
          name="confirmation"
          type="password"
          autoComplete="current-password"
          required
          hint={t('confirmPasswordHint')}
          error={errorText(errors.confirmation)}
        />
      ) : (
        <Field
          label={t('confirmUsername', { username })}
          name="confirmation"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={t('confirmUsernameHint')}
          error={errorText(errors.confirmation)}
        />
      )}
      <FormMessages error={errorText(errors.form)} />
      <Button type="submit" variant="danger" pending={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
