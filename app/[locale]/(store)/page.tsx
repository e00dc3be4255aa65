import { cacheLife, cacheTag } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Suspense } from 'react';
import { ForYouRails } from '@/components/recommendations/for-you';
import { ProductRail } from '@/components/store/product-rail';
import { sectionForKind } from '@/lib/catalog/formats';
import { getHomeRails } from '@/lib/catalog/queries';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';

type Props = { params: Promise<{ locale: string }> };

export default async function HomePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'home' });
  return (
    <div className="container-page">
      <section className="mt-6 overflow-hidden rounded-2xl bg-gradient-to-br from-stone-900 via-stone-800 to-brand-700 px-6 py-10 text-white sm:px-10 sm:py-14">
        <h1 className="max-w-2xl text-3xl font-black tracking-tight sm:text-5xl">{t('heroTitle')}</h1>
        <p className="mt-3 max-w-xl text-stone-200 sm:text-lg">{t('heroText')}</p>
        <div className="mt-6 flex flex-wrap gap-2">
          {(['music', 'film', 'tv', 'games'] as const).map((section) => (
            <Link
              key={section}
              href={`/${section}`}
              className="rounded-full bg-white/10 px-4 py-2 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/20"
            >
              {t(`shop.${section}`)}
            </Link>
          ))}
        </div>
      </section>
      <Suspense fallback={null}>
        <ForYouRails locale={locale} />
      </Suspense>
      <CatalogRails locale={locale} />
    </div>
  );
}

/**
 * The rails every visitor sees, cached as rendered output: the page has a per-user hole ("for you"),
 * so each request renders the page's payload again, and this makes that a cache read instead of
 * rendering a hundred cards. Invalidated with the catalog.
 */
async function CatalogRails(props: { locale: Locale }) {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);
  // Callable from outside as a server reference: anything but a known locale is the default one.
  const locale = toLocale(props?.locale);
  const t = await getTranslations({ locale, namespace: 'home' });
  const kinds = await getTranslations({ locale, namespace: 'common.kindPlural' });
  const rails = await getHomeRails();
  return (
    <>
      <ProductRail title={t('newReleases')} items={rails.newReleases} locale={locale} empty={t('empty')} />
      <ProductRail
        title={t('comingSoon')}
        items={rails.comingSoon}
        locale={locale}
        moreHref="/music/avail=preorder"
        moreLabel={t('allPreorders')}
        empty={t('empty')}
      />
      <ProductRail title={t('bestSellers')} items={rails.bestSellers} locale={locale} empty={t('empty')} />
      {rails.byKind.map(({ kind, items }) => (
        <ProductRail
          key={kind}
          title={kinds(kind)}
          items={items}
          locale={locale}
          moreHref={`/${sectionForKind(kind)}`}
          moreLabel={t('seeAll')}
          empty={t('empty')}
        />
      ))}
    </>
  );
}
