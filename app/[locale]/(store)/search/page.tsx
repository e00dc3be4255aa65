import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/store/page-skeleton';
import { ProductListing } from '@/components/store/product-listing';
import { listProducts } from '@/lib/catalog/queries';
import { readFilters, toQueryString } from '@/lib/catalog/validation';
import type { Locale } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { searchPeople } from '@/lib/catalog/search/queries';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'search' });
  return { title: t('title'), robots: { index: false, follow: true } };
}

/**
 * The static shell renders at once; results depend on the query and stream in. The catalog reads
 * (listProducts, searchPeople) are cached per canonical query; the results are rendered per request.
 */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  return (
    <Suspense fallback={<PageSkeleton />}>
      <SearchResults locale={locale} searchParams={searchParams} />
    </Suspense>
  );
}

async function SearchResults({ locale, searchParams }: { locale: Locale; searchParams: SearchParams }) {
  const t = await getTranslations({ locale, namespace: 'search' });
  const filters = readFilters(await searchParams);
  if (!filters.q) {
    return (
      <div className="container-page mt-10 max-w-2xl">
        <h1 className="text-2xl font-black">{t('title')}</h1>
        <p className="mt-2 text-stone-600">{t('emptyQuery')}</p>
        <ul className="mt-6 flex flex-wrap gap-2">
          {(['music', 'film', 'tv', 'games'] as const).map((section) => (
            <li key={section}>
              <Link
                href={`/${section}`}
                className="rounded-full px-4 py-2 text-sm ring-1 ring-stone-300 hover:bg-stone-100"
              >
                {t(`browse.${section}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const [list, people] = await Promise.all([listProducts(filters), searchPeople(filters.q)]);
  const suggestionHref = (q: string) => `/search?${toQueryString({ q })}`;
  return (
    <>
      <ProductListing
        hrefFor={(next) => `/search?${toQueryString(next)}`}
        resetHref={suggestionHref(filters.q)}
        filters={filters}
        list={list}
        locale={locale}
        heading={
          <>
            <h1 className="text-2xl font-black tracking-tight sm:text-3xl">
              {t('resultsFor', { query: list.corrected && list.didYouMean ? list.didYouMean : filters.q })}
            </h1>
            {list.corrected && list.didYouMean ? (
              <p className="mt-1 text-sm text-stone-600">
                {t.rich('correctedFrom', {
                  query: filters.q,
                  link: (chunks) => (
                    <Link href={suggestionHref(filters.q!)} className="font-medium text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : list.didYouMean ? (
              <p className="mt-1 text-sm">
                {t.rich('didYouMean', {
                  suggestion: list.didYouMean,
                  link: (chunks) => (
                    <Link href={suggestionHref(list.didYouMean!)} className="font-semibold text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
          </>
        }
      />
      {people.length > 0 && (
        <section aria-labelledby="people-results" className="container-page mt-10">
          <h2 id="people-results" className="text-lg font-bold">
            {t('people')}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {people.map((person) => (
              <li key={person.slug}>
                <Link
                  href={`/people/${person.slug}`}
                  className="block rounded-full bg-white px-4 py-2 text-sm ring-1 ring-stone-200 hover:ring-stone-400"
                >
                  {person.name}
                  {person.originalName && <span className="ml-1 text-stone-500">{person.originalName}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
