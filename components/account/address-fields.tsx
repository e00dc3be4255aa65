'use client';

import { useTranslations } from 'next-intl';
import { Field, SelectField } from '@/components/ui/field';
import type { AddressView } from '@/lib/accounts/address-book';

export type CountryOption = { code: string; name: string };

/** The text fields before the country, named as the address actions read them, with the schema's lengths. */
const TEXT_FIELDS = [
  { name: 'fullName', autoComplete: 'name', required: true, maxLength: 120, wide: true },
  { name: 'line1', autoComplete: 'address-line1', required: true, maxLength: 200, wide: true },
  { name: 'line2', autoComplete: 'address-line2', required: false, maxLength: 200, wide: true },
  { name: 'city', autoComplete: 'address-level2', required: true, maxLength: 100, wide: false },
  { name: 'region', autoComplete: 'address-level1', required: false, maxLength: 100, wide: false },
  { name: 'postalCode', autoComplete: 'postal-code', required: true, maxLength: 20, wide: false },
] as const;

/**
 * The fields of a postal address, for the address book and the checkout, laid out for a two-column
 * grid that the caller draws (`grid gap-4 sm:grid-cols-2`). `messages` is the namespace of their
 * labels (each form words them its own way; a `phoneHint` there goes under the phone), `address` the
 * values to start with, `error` the text of a field's error.
 */
export function AddressFields({
  messages,
  countries,
  address,
  error,
}: {
  messages: 'checkout' | 'account.addresses';
  countries: CountryOption[];
  address?: AddressView;
  error: (field: string) => string | null;
}) {
  const t = useTranslations(messages);
  return (
    <>
      {TEXT_FIELDS.map(({ name, wide, ...field }) => (
        <Field
          key={name}
          {...field}
          className={wide ? 'sm:col-span-2' : ''}
          label={t(name)}
          name={name}
          defaultValue={address?.[name] ?? ''}
          error={error(name)}
        />
      ))}
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
      <Field
        className="sm:col-span-2"
        label={t('phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={40}
        defaultValue={address?.phone ?? ''}
        hint={t.has('phoneHint') ? t('phoneHint') : undefined}
        error={error('phone')}
      />
    </>
  );
}
