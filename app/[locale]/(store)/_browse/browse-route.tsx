import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BROWSE_SECTIONS, type BrowseSection } from '@/lib/catalog/formats';
import { listProducts } from '@/lib/catalog/queries';
import { type BrowseFilters, browsePath, filtersFromSegments } from '@/lib/catalog/validation';
import { resolveLocale } from '@/lib/i18n/server';
import { ProductListing } from '@/components/store/product-listing';

type Props = { params: Promise<{ locale: string; filters?: string[] }> };

/**
 * The browse page of one section (/music, /film, /tv, /games), shared by the four routes. Filters
 * are path segments (see browsePath); proxy.ts has already made them canonical.
 */
export function browseRoute(section: BrowseSection) {
  async function readFilters(params: Props['params']): Promise<BrowseFilters> {
    const { filters } = await params;
    return { ...filtersFromSegments(filters), q: undefined, kind: BROWSE_SECTIONS[section] };
  }

  async function generateMetadata({ params }: Props): Promise<Metadata> {
    const locale = await resolveLocale(params);
    const filters = await readFilters(params);
    const t = await getTranslations({ locale, namespace: 'browse' });
    const path = browsePath(section, filters);
    return {
      title: t(`title.${section}`),
      description: t(`description.${section}`),
      alternates: { canonical: path },
      // One indexable page per section; filter combinations are for people, not crawlers.
      robots: path === `/${section}` ? undefined : { index: false, follow: true },
    };
  }

  async function BrowsePage({ params }: Props) {
    const locale = await resolveLocale(params);
    const filters = await readFilters(params);
    const t = await getTranslations({ locale, namespace: 'browse' });
    const list = await listProducts(filters);
    return (
      <ProductListing
        hrefFor={(next) => browsePath(section, next)}
        resetHref={`/${section}`}
        filters={filters}
        list={list}
        locale={locale}
        heading={<h1 className="text-2xl font-black tracking-tight sm:text-3xl">{t(`title.${section}`)}</h1>}
      />
    );
  }

  // The unfiltered page is prerendered; filter combinations render on first visit, then are cached.
  const generateStaticParams = () => [{ filters: [] as string[] }];

  return { BrowsePage, generateMetadata, generateStaticParams };
}
