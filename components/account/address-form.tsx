'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { useScripted } from '@/components/ui/form/use-scripted';
import { createAddressAction, updateAddressAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/actions/registration';
import type { AddressView } from '@/lib/accounts/address-book';
import { AddressFields, type CountryOption } from './address-fields';
import { useErrorText } from './use-error-text';

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
  initial = null,
}: {
  address?: AddressView;
  countries: CountryOption[];
  isFirst?: boolean;
  onSaved: (message: 'added' | 'saved') => void;
  onCancel?: () => void;
  /** The answer to this form posted without JavaScript (lib/http/form-result.ts). */
  initial?: FormState;
}) {
  const t = useTranslations('account.addresses');
  const errorText = useErrorText();
  const scripted = useScripted();
  const outcome = address ? 'saved' : 'added';
  const { state, pending, errors, form } = useActionForm(address ? updateAddressAction : createAddressAction, {
    initial,
    onSuccess: () => onSaved(outcome),
  });
  const error = (field: string) => errorText(errors[field]);
  return (
    <form {...form} className="space-y-4" noValidate>
      {address && <input type="hidden" name="id" value={address.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <AddressFields messages="account.addresses" countries={countries} address={address} error={error} />
      </div>
      {isFirst ? (
        <p className="text-sm text-stone-600">{t('firstIsDefault')}</p>
      ) : (
        !address?.isDefault && <CheckboxField label={t('isDefault')} name="isDefault" />
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
