'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { useScripted } from '@/components/ui/form/use-scripted';
import { createAddressAction, updateAddressAction } from '@/lib/actions/account';
import type { AddressView } from '@/lib/accounts/address-book';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

export type CountryOption = { code: string; name: string };

/**
 * Adds an address, or edits `address`. `isFirst` says the new address will be the default anyway, so
 * the default checkbox is replaced by a note; the current default has no checkbox either (choose
 * another address as the default instead).
 *
 * A form on useActionState: without JavaScript the page comes back with the errors, or with the
 * address saved and this form saying so (with JavaScript, `onSaved` closes it and the address book
 * says so). "Cancel" is a link back to the address book, so it works without JavaScript too.
 */
export function AddressForm({
  address,
  countries,
  isFirst = false,
  onSaved,
  onCancel,
}: {
  address?: AddressView;
  countries: CountryOption[];
  isFirst?: boolean;
  onSaved: (message: 'added' | 'saved') => void;
  onCancel?: () => void;
}) {
  const t = useTranslations('account.addresses');
  const errorText = useErrorText();
  const scripted = useScripted();
  const outcome = address ? 'saved' : 'added';
  const { state, pending, errors, form } = useActionForm(address ? updateAddressAction : createAddressAction, {
    onSuccess: () => onSaved(outcome),
  });
  const error = (field: string) => errorText(errors[field]);
  return (
    <form {...form} className="space-y-4" noValidate>
      {address && <input type="hidden" name="id" value={address.id} />}
      <Field
        label={t('fullName')}
        name="fullName"
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={address?.fullName}
        error={error('fullName')}
      />
      <Field
        label={t('line1')}
        name="line1"
        autoComplete="address-line1"
        required
        maxLength={200}
        defaultValue={address?.line1}
        error={error('line1')}
      />
      <Field
        label={t('line2')}
        name="line2"
        autoComplete="address-line2"
        maxLength={200}
        defaultValue={address?.line2 ?? ''}
        error={error('line2')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('city')}
          name="city"
          autoComplete="address-level2"
          required
          maxLength={100}
          defaultValue={address?.city}
          error={error('city')}
        />
        <Field
          label={t('region')}
          name="region"
          autoComplete="address-level1"
          maxLength={100}
          defaultValue={address?.region ?? ''}
          error={error('region')}
        />
        <Field
          label={t('postalCode')}
          name="postalCode"
          autoComplete="postal-code"
          required
          maxLength={20}
          defaultValue={address?.postalCode}
          error={error('postalCode')}
        />
        <SelectField
          label={t('country')}
          name="country"
          autoComplete="country"
          required
          defaultValue={address?.country ?? ''}
          error={error('country')}
        >
          <option value="" disabled>
            {t('chooseCountry')}
          </option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Field
        label={t('phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={40}
        defaultValue={address?.phone ?? ''}
        hint={t('phoneHint')}
        error={error('phone')}
      />
      {isFirst ? (
        <p className="text-sm text-stone-600">{t('firstIsDefault')}</p>
      ) : (
        !address?.isDefault && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isDefault" className="size-4 rounded border-stone-300" />
            {t('isDefault')}
          </label>
        )
      )}
      <FormMessages error={error('form')} success={state?.ok && !scripted ? t(outcome) : null} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{t('save')}</SubmitButton>
        {onCancel && (
          <Link
            href="/account/addresses"
            aria-disabled={pending || undefined}
            onClick={(event) => {
              event.preventDefault();
              if (!pending) onCancel();
            }}
            className={buttonClass('secondary')}
          >
            {t('cancel')}
          </Link>
        )}
      </div>
    </form>
  );
}
