'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { FormMessages, FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/actions/registration';
import type { AddressView } from '@/lib/accounts/address-book';
import type { CountryOption } from './address-fields';
import { AddressForm } from './address-form';
import { useErrorText } from './use-error-text';

type Notice = { key: 'added' | 'saved' | 'deleted' | 'defaultSet'; seq: number } | null;

/** What the page opens with: `?add`, `?edit=<id>` or `?delete=<id>` (the buttons' links without JavaScript). */
export type AddressBookView = { adding: boolean; editing: number | null; deleting: number | null };

/** The answers to the add and edit forms when posted without JavaScript (lib/http/form-result.ts). */
export type AddressBookPosted = { created: FormState; updated: FormState };

/**
 * The address book: the saved addresses (default first) with edit, delete and "make default", and a
 * form to add one. After every change the page is refreshed from the server.
 *
 * Every change is a form, and the buttons that open a form or a confirmation are links to the page
 * with that part open (`view`), followed without JavaScript and handled in place with it: the whole
 * address book works without JavaScript.
 */
export function AddressBook({
  addresses,
  countries,
  maxAddresses,
  view = { adding: false, editing: null, deleting: null },
  posted = { created: null, updated: null },
}: {
  addresses: AddressView[];
  countries: CountryOption[];
  maxAddresses: number;
  view?: AddressBookView;
  posted?: AddressBookPosted;
}) {
  const t = useTranslations('account.addresses');
  const router = useRouter();
  const [adding, setAdding] = useState(addresses.length === 0 || view.adding);
  const [editing, setEditing] = useState<number | null>(view.editing);
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
      {/* Only there once something changed (no empty band above the list); focus takes it to the reader. */}
      {notice && (
        <div ref={noticeRegion} tabIndex={-1} className="outline-none">
          <FormStatus className="text-sm font-medium text-emerald-800">{t(notice.key)}</FormStatus>
        </div>
      )}
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
                    initial={posted.updated}
                  />
                </>
              ) : (
                <AddressCard
                  address={address}
                  country={countryName.get(address.country) ?? address.country}
                  deleting={view.deleting === address.id}
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
        <Section id="new-address" title={t('addTitle')} headingClassName="mb-4 text-lg font-semibold">
          <AddressForm
            countries={countries}
            isFirst={addresses.length === 0}
            onSaved={changed}
            initial={posted.created}
            onCancel={addresses.length > 0 ? () => setAdding(false) : undefined}
          />
        </Section>
      ) : full ? (
        <p className="text-sm text-stone-600">{t('limit', { max: maxAddresses })}</p>
      ) : (
        <OpenLink
          href="?add=1"
          onOpen={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('add')}
        </OpenLink>
      )}
    </div>
  );
}

/**
 * A link that opens part of the address book: handled in place when JavaScript runs, followed (the
 * page with that part open) when it does not.
 */
function OpenLink({
  href,
  onOpen,
  className = '',
  children,
  ...link
}: { href: string; onOpen: () => void; className?: string; children: React.ReactNode } & Pick<
  React.AnchorHTMLAttributes<HTMLAnchorElement>,
  'aria-label' | 'aria-disabled'
>) {
  return (
    <Link
      {...link}
      href={href}
      onClick={(event) => {
        event.preventDefault();
        if (!link['aria-disabled']) onOpen();
      }}
      className={buttonClass('secondary', className)}
    >
      {children}
    </Link>
  );
}

function AddressCard({
  address,
  country,
  deleting,
  onEdit,
  onChanged,
}: {
  address: AddressView;
  country: string;
  deleting: boolean;
  onEdit: () => void;
  onChanged: (notice: 'deleted' | 'defaultSet') => void;
}) {
  const t = useTranslations('account.addresses');
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(deleting);
  const remove = useActionForm(deleteAddressAction, { onSuccess: () => onChanged('deleted') });
  const makeDefault = useActionForm(setDefaultAddressAction, { onSuccess: () => onChanged('defaultSet') });
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
          <form {...remove.form} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={address.id} />
            <span className="text-sm font-medium">{t('confirmDelete')}</span>
            <SubmitButton variant="danger" className="px-3 py-1">
              {t('confirmDeleteYes')}
            </SubmitButton>
            <OpenLink
              href="/account/addresses"
              className="px-3 py-1"
              aria-disabled={remove.pending || undefined}
              onOpen={() => setConfirming(false)}
            >
              {t('cancel')}
            </OpenLink>
          </form>
        ) : (
          <>
            <OpenLink
              href={`?edit=${address.id}`}
              className="px-3 py-1"
              aria-label={t('editLabel', { name })}
              onOpen={onEdit}
            >
              {t('edit')}
            </OpenLink>
            {!address.isDefault && (
              <form {...makeDefault.form}>
                <input type="hidden" name="id" value={address.id} />
                <SubmitButton variant="secondary" className="px-3 py-1" aria-label={t('makeDefaultLabel', { name })}>
                  {t('makeDefault')}
                </SubmitButton>
              </form>
            )}
            <OpenLink
              href={`?delete=${address.id}`}
              className="px-3 py-1"
              aria-label={t('deleteLabel', { name })}
              onOpen={() => setConfirming(true)}
            >
              {t('delete')}
            </OpenLink>
          </>
        )}
      </div>
    </div>
  );
}
