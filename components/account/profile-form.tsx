'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { updateProfileAction } from '@/lib/actions/account';
import { LOCALES, type Locale } from '@/lib/i18n/config';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

/**
 * Display name and preferred language. Saving a new language also switches the site to it (the
 * action sets the language cookie; the refresh renders the page in it).
 */
export function ProfileForm({ displayName, preferredLocale }: { displayName: string | null; preferredLocale: Locale }) {
  const t = useTranslations('account');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { state, pending, onSubmit, errors } = useFormAction(updateProfileAction, async () => {
    // The header shows the display name: it fetches the account again. The refresh renders the
    // page (and the header) in the language that is now in the cookie.
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
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
      <Button type="submit" pending={pending}>
        {t('profile.save')}
      </Button>
    </form>
  );
}
