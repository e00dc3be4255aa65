'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/actions/account';
import type { AddressView } from '@/lib/accounts/address-book';
import { AddressForm, type CountryOption } from './address-form';
import { FormMessages } from './form-messages';
import { useErrorText } from './use-error-text';

type Notice = { key: 'added' | 'saved' | 'deleted' | 'defaultSet'; seq: number } | null;

/**
 * The address book: the saved addresses (default first) with edit, delete and "make default", and a
 * form to add one. After every change the page is refreshed from the server.
 */
export function AddressBook({
  addresses,
  countries,
  maxAddresses,
}: {
  addresses: AddressView[];
  countries: CountryOption[];
  maxAddresses: number;
}) {
  const t = useTranslations('account.addresses');
  const router = useRouter();
  const [adding, setAdding] = useState(addresses.length === 0);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRegion = useRef<HTMLDivElement>(null);
  const countryName = new Map(countries.map((c) => [c.code, c.name]));

  // The form or button that had focus is gone after a change: move focus to the confirmation.
  useEffect(() => {
    if (notice) noticeRegion.current?.focus();
  }, [notice]);

  function changed(key: NonNullable<Notice>['key']) {
    setNotice((previous) => ({ key, seq: (previous?.seq ?? 0) + 1 }));
    setAdding(false);
    setEditing(null);
    router.refresh();
  }

  const full = addresses.length >= maxAddresses;
  return (
    <div className="space-y-6">
      <div ref={noticeRegion} tabIndex={-1} className="outline-none">
        <FormMessages success={notice ? t(notice.key) : null} />
      </div>
      {addresses.length === 0 ? (
        <p className="text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <ul aria-label={t('list')} className="grid gap-4 md:grid-cols-2">
          {addresses.map((address) => (
            <li key={address.id} className="rounded-xl border border-stone-200 bg-white p-4">
              {editing === address.id ? (
                <>
                  <h3 className="mb-4 font-semibold">{t('editTitle')}</h3>
                  <AddressForm
                    address={address}
                    countries={countries}
                    onSaved={changed}
                    onCancel={() => setEditing(null)}
                  />
                </>
              ) : (
                <AddressCard
                  address={address}
                  country={countryName.get(address.country) ?? address.country}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(address.id);
                  }}
                  onChanged={changed}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <section aria-labelledby="new-address" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="new-address" className="mb-4 text-lg font-semibold">
            {t('addTitle')}
          </h2>
          <AddressForm
            countries={countries}
            isFirst={addresses.length === 0}
            onSaved={changed}
            onCancel={addresses.length > 0 ? () => setAdding(false) : undefined}
          />
        </section>
      ) : full ? (
        <p className="text-sm text-stone-600">{t('limit', { max: maxAddresses })}</p>
      ) : (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('add')}
        </Button>
      )}
    </div>
  );
}

function AddressCard({
  address,
  country,
  onEdit,
  onChanged,
}: {
  address: AddressView;
  country: string;
  onEdit: () => void;
  onChanged: (notice: 'deleted' | 'defaultSet') => void;
}) {
  const t = useTranslations('account.addresses');
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const remove = useFormAction(deleteAddressAction, () => onChanged('deleted'));
  const makeDefault = useFormAction(setDefaultAddressAction, () => onChanged('defaultSet'));
  const name = address.fullName;
  const error = errorText(remove.errors.form ?? makeDefault.errors.form);
  return (
    <div className="flex h-full flex-col gap-3">
      <address className="text-sm not-italic leading-6">
        <span className="flex items-center gap-2 font-semibold">
          {address.fullName}
          {address.isDefault && (
            <span className="rounded-full bg-stone-900 px-2 py-0.5 text-xs font-semibold text-white">
              {t('default')}
            </span>
          )}
        </span>
        {address.line1}
        <br />
        {address.line2 && (
          <>
            {address.line2}
            <br />
          </>
        )}
        {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')}
        <br />
        {country}
        {address.phone && (
          <>
            <br />
            {address.phone}
          </>
        )}
      </address>
      <FormMessages error={error} />
      <div className="mt-auto flex flex-wrap gap-2">
        {confirming ? (
          <form onSubmit={remove.onSubmit} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={address.id} />
            <span className="text-sm font-medium">{t('confirmDelete')}</span>
            <Button type="submit" variant="danger" pending={remove.pending} className="px-3 py-1">
              {t('confirmDeleteYes')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              disabled={remove.pending}
              onClick={() => setConfirming(false)}
            >
              {t('cancel')}
            </Button>
          </form>
        ) : (
          <>
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              aria-label={t('editLabel', { name })}
              onClick={onEdit}
            >
              {t('edit')}
            </Button>
            {!address.isDefault && (
              <form onSubmit={makeDefault.onSubmit}>
                <input type="hidden" name="id" value={address.id} />
                <Button
                  type="submit"
                  variant="secondary"
                  className="px-3 py-1"
                  pending={makeDefault.pending}
                  aria-label={t('makeDefaultLabel', { name })}
                >
                  {t('makeDefault')}
                </Button>
              </form>
            )}
            <Button
              type="button"
              variant="secondary"
              className="px-3 py-1"
              aria-label={t('deleteLabel', { name })}
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
