import { getTranslations } from 'next-intl/server';
import { AddressBook } from '@/components/account/address-book';
import type { FormState } from '@/lib/actions/registration';
import { formResult } from '@/lib/http/form-result';
import { listAddresses, listCountries, MAX_ADDRESSES } from '@/lib/accounts/address-book';
import { PageHeader } from '@/components/ui/page-header';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An address id from the query (`?edit=3`), or null. */
const idParam = (value: string | string[] | undefined) => {
  const id = Number([value].flat()[0]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('account.addresses');

export default async function AccountAddressesPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/addresses');
  const t = await getTranslations({ locale, namespace: 'account.addresses' });
  const addresses = await listAddresses(user.id);
  // Which part is open: the address book's links without JavaScript (with it, they open in place).
  const query = await searchParams;
  const view = { adding: query.add !== undefined, editing: idParam(query.edit), deleting: idParam(query.delete) };
  // Without JavaScript, the answer to the form just posted (its errors, or that it was saved).
  const posted = {
    created: await formResult<FormState>('createAddress'),
    updated: await formResult<FormState>('updateAddress'),
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {/* Country names are computed here, in the reader's language, so server and browser agree. */}
      <AddressBook
        addresses={addresses}
        countries={listCountries(locale)}
        maxAddresses={MAX_ADDRESSES}
        view={view}
        posted={posted}
      />
    </div>
  );
}
