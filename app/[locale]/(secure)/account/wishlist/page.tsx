import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/store/client-messages';
import { WishlistGrid } from '@/components/wishlist/wishlist-grid';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { listWishlist } from '@/lib/wishlist/queries';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('wishlist.page');

/** The shopper's wishlist: what they saved, what it costs now, and whether it can be bought. */
export default async function AccountWishlistPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/wishlist');
  const entries = await listWishlist(user.id);
  const t = await getTranslations({ locale, namespace: 'wishlist.page' });
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 max-w-prose text-sm text-stone-600">{t('intro')}</p>
      <ClientMessages namespaces={['wishlist']} locale={locale}>
        <WishlistGrid entries={entries} />
      </ClientMessages>
    </div>
  );
}
