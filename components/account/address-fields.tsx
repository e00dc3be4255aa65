'use client';

import { useTranslations } from 'next-intl';
import { Field, SelectField } from '@/components/ui/field';
import type { AddressView } from '@/lib/accounts/address-book';

export type CountryOption = { code: string; name: string };

/** The text fields, named as the address actions read them, with the schema's lengths; the country goes before the phone. */
const TEXT_FIELDS = [
  { name: 'fullName', autoComplete: 'name', required: true, maxLength: 120, wide: true },
  { name: 'line1', autoComplete: 'address-line1', required: true, maxLength: 200, wide: true },
  { name: 'line2', autoComplete: 'address-line2', required: false, maxLength: 200, wide: true },
  { name: 'city', autoComplete: 'address-level2', required: true, maxLength: 100, wide: false },
  { name: 'region', autoComplete: 'address-level1', required: false, maxLength: 100, wide: false },
  { name: 'postalCode', autoComplete: 'postal-code', required: true, maxLength: 20, wide: false },
] as const;
const PHONE = { name: 'phone', type: 'tel', autoComplete: 'tel', required: false, maxLength: 40, wide: true } as const;

/**
 * The fields of a postal address, for the address book and the checkout, laid out for a two-column
 * grid that the caller draws (`grid gap-4 sm:grid-cols-2`). `messages` is the namespace of their
 * labels (each form words them its own way; a `<field>Hint` there goes under the field), `address`
 * the values to start with, `error` the text of a field's error.
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
  const field = ({ name, wide, ...props }: (typeof TEXT_FIELDS)[number] | typeof PHONE) => (
    <Field
      key={name}
      {...props}
      className={wide ? 'sm:col-span-2' : ''}
      label={t(name)}
      name={name}
      defaultValue={address?.[name] ?? ''}
      hint={t.has(`${name}Hint`) ? t(`${name}Hint`) : undefined}
      error={error(name)}
    />
  );
  return (
    <>
      {TEXT_FIELDS.map(field)}
      <SelectField
        label={t('country')}
        name="country"
        autoComplete="country"
        required
        defaultValue={address?.country ?? ''}
        error={error('country')}
        options={countries.map((country) => ({ value: country.code, label: country.name }))}
      >
        <option value="" disabled>
          {t('chooseCountry')}
        </option>
      </SelectField>
      {field(PHONE)}
    </>
  );
}
