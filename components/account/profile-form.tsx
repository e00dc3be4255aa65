'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { updateProfileAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/actions/registration';
import { LOCALES, type Locale } from '@/lib/i18n/config';
import { useErrorText } from './use-error-text';

/**
 * Display name and preferred language. Saving a new language also switches the site to it (the
 * action sets the language cookie; the refresh renders the page in it). A form on useActionState, so
 * it works without JavaScript too (`initial`: the answer to the form posted without it).
 */
export function ProfileForm({
  displayName,
  preferredLocale,
  initial = null,
}: {
  displayName: string | null;
  preferredLocale: Locale;
  initial?: FormState;
}) {
  const t = useTranslations('account');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { state, errors, form } = useActionForm(updateProfileAction, {
    initial,
    // The header shows the display name: it fetches the account again. The refresh renders the
    // page (and the header) in the language that is now in the cookie.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['me'] }).then(() => router.refresh()),
  });
  return (
    <form {...form} className="max-w-md space-y-4" noValidate>
      <Field
        label={t('profile.displayName')}
        name="displayName"
        autoComplete="name"
        maxLength={80}
        defaultValue={displayName ?? ''}
        hint={t('profile.displayNameHint')}
        error={errorText(errors.displayName)}
      />
      <SelectField
        label={t('profile.language')}
        name="preferredLocale"
        defaultValue={preferredLocale}
        hint={t('profile.languageHint')}
        error={errorText(errors.preferredLocale)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </SelectField>
      <FormMessages error={errorText(errors.form)} success={state?.ok ? t('profile.saved') : null} />
      <SubmitButton>{t('profile.save')}</SubmitButton>
    </form>
  );
}
