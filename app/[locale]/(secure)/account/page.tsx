import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getAccountOverview } from '@/lib/accounts/account';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { AccountRecommendations } from '@/components/recommendations/account-recommendations';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request, so it may block a navigation (loading.tsx shows meanwhile).
export const instant = false;

export const generateMetadata = titleMetadata('account');

const SECTIONS = [
  { href: '/account/profile', key: 'profile' },
  { href: '/account/security', key: 'security' },
  { href: '/account/addresses', key: 'addresses' },
  { href: '/account/delete', key: 'delete' },
] as const;

export default async function AccountOverviewPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account');
  const account = await getAccountOverview(user.id);
  if (!account) notFound();
  const t = await getTranslations({ locale, namespace: 'account' });
  const format = await getFormatter({ locale });
  const details: [string, string][] = [
    [t('overview.displayName'), account.displayName ?? t('overview.notSet')],
    [t('overview.username'), account.username],
    [t('overview.email'), account.email ?? t('overview.noEmail')],
    [t('overview.memberSince'), format.dateTime(account.memberSince, { dateStyle: 'long' })],
    [
      t('overview.language'),
      account.preferredLocale ? t(`languages.${account.preferredLocale}`) : t('overview.languageNotSet'),
    ],
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-black tracking-tight">
        {t('overview.greeting', { name: account.displayName ?? account.username })}
      </h1>
      <section aria-labelledby="account-details">
        <h2 id="account-details" className="text-lg font-semibold">
          {t('overview.details')}
        </h2>
        <dl className="mt-3 divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
          {details.map(([term, value]) => (
            <div key={term} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr]">
              <dt className="text-sm text-stone-500">{term}</dt>
              <dd className="break-words text-sm font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="account-sections">
        <h2 id="account-sections" className="text-lg font-semibold">
          {t('overview.sections')}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {SECTIONS.map(({ href, key }) => (
            <li key={href}>
              <Link
                href={href}
                className="block h-full rounded-xl border border-stone-200 bg-white p-4 hover:border-stone-400"
              >
                <span className="font-semibold">{t(`nav.${key}`)}</span>
                <span className="mt-1 block text-sm text-stone-600">
                  {key === 'addresses'
                    ? t('overview.hints.addresses', { count: account.addressCount })
                    : t(`overview.hints.${key}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="account-data" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="account-data" className="text-lg font-semibold">
          {t('data.heading')}
        </h2>
        <p className="mt-2 text-sm text-stone-600">{t('data.intro')}</p>
        <p className="mt-2 text-sm text-stone-600">{t('data.notIncluded')}</p>
        {/* A plain link: the route handler answers with a file (Content-Disposition: attachment). */}
        <a
          href="/api/account/export"
          download
          className="mt-3 inline-block rounded-md bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          {t('data.download')}
        </a>
      </section>
      <AccountRecommendations locale={locale} />
    </div>
  );
}
