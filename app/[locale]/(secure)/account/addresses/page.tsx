import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AddressBook } from '@/components/account/address-book';
import { listAddresses, listCountries, MAX_ADDRESSES } from '@/lib/accounts/address-book';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request, so it may block a navigation (loading.tsx shows meanwhile).
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'account.addresses' });
  return { title: t('title') };
}

export default async function AccountAddressesPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/addresses');
  const t = await getTranslations({ locale, namespace: 'account.addresses' });
  const addresses = await listAddresses(user.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
        <p className="mt-2 text-sm text-stone-600">{t('intro')}</p>
      </div>
      {/* Country names are computed here, in the reader's language, so server and browser agree. */}
      <AddressBook addresses={addresses} countries={listCountries(locale)} maxAddresses={MAX_ADDRESSES} />
    </div>
  );
}
