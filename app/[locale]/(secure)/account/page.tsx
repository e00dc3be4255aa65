import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, Section } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { getAccountOverview } from '@/lib/accounts/account';
import { userOrSignIn } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { AccountRecommendations } from '@/components/recommendations/account-recommendations';

type Props = { params: Promise<{ locale: string }> };

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export const generateMetadata = titleMetadata('account');

const SECTIONS = [
  { href: '/account/profile', key: 'profile' },
  { href: '/account/security', key: 'security' },
  { href: '/account/addresses', key: 'addresses' },
  { href: '/account/delete', key: 'delete' },
] as const;

const HEADING = 'text-lg font-semibold';

export default async function AccountOverviewPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account');
  const account = await getAccountOverview(user.id);
  if (!account) notFound();
  const t = await getTranslations({ locale, namespace: 'account' });
  const format = await getFormatter({ locale });
  const details = [
    { term: t('overview.displayName'), value: account.displayName ?? t('overview.notSet') },
    { term: t('overview.username'), value: account.username },
    { term: t('overview.email'), value: account.email ?? t('overview.noEmail') },
    { term: t('overview.memberSince'), value: format.dateTime(account.memberSince, { dateStyle: 'long' }) },
    {
      term: t('overview.language'),
      value: account.preferredLocale ? t(`languages.${account.preferredLocale}`) : t('overview.languageNotSet'),
    },
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-black tracking-tight">
        {t('overview.greeting', { name: account.displayName ?? account.username })}
      </h1>
      <Section bare id="account-details" title={t('overview.details')} headingClassName={HEADING}>
        <DefinitionList layout="rows" items={details} />
      </Section>
      <Section bare id="account-sections" title={t('overview.sections')} headingClassName={HEADING}>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {SECTIONS.map(({ href, key }) => (
            <li key={href}>
              <Card as={Link} href={href} className="block h-full p-4 hover:border-stone-400">
                <span className="font-semibold">{t(`nav.${key}`)}</span>
                <span className="mt-1 block text-sm text-stone-600">
                  {key === 'addresses'
                    ? t('overview.hints.addresses', { count: account.addressCount })
                    : t(`overview.hints.${key}`)}
                </span>
              </Card>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="account-data" title={t('data.heading')} headingClassName={HEADING}>
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
      </Section>
      <AccountRecommendations locale={locale} />
    </div>
  );
}
