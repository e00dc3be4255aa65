import { getTranslations } from 'next-intl/server';
import { AccountNav } from '@/components/account/account-nav';
import { ListSkeleton } from '@/components/ui/card';
import { LinkPendingArea, LinkPendingContent } from '@/components/ui/link-pending';
import { resolveLocale } from '@/lib/i18n/server';

// The frame of every /account page: the section navigation beside (or, on phones, above) the page.
// It shows nothing personal, so it checks no session: each page does (userOrSignIn with its own path,
// so sign-in comes back to it; layouts render in parallel with pages and cannot guard them), and
// every account action checks again (requireUser).
// No loading.tsx: its Suspense boundary made the first HTML a skeleton plus the page hidden until a
// script revealed it, so without JavaScript the account pages never showed. Each page renders in full
// before its first byte; while a section link navigates, the skeleton shows in place of the page.
export default async function AccountLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'account' });
  return (
    <LinkPendingArea>
      <div className="container-page grid grid-cols-1 gap-6 py-6 lg:grid-cols-[13rem_1fr] lg:py-10">
        <aside className="min-w-0">
          <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-stone-500">{t('title')}</p>
          <AccountNav />
        </aside>
        <div className="min-w-0">
          <LinkPendingContent fallback={<ListSkeleton filters="h-4 max-w-lg rounded" cards={['h-48', 'h-32']} />}>
            {children}
          </LinkPendingContent>
        </div>
      </div>
    </LinkPendingArea>
  );
}
